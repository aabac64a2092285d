import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepoReport } from '../../../src/check/finding.js';
import { exitCodeFor, toJson, toSarif } from '../../../src/check/format/report.js';
import { reportSchema } from '../../../src/check/format/report-schema.js';
import { toText } from '../../../src/check/format/text.js';
import { ruleDocs } from '../../../src/check/rule-docs.js';
import { checkDirectory, checkMemory } from '../../../src/check/run.js';
import { rules } from '../../../src/policy/rules.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(repoRoot, 'test/fixtures/check');
/** A key-shaped placeholder built at run time: 24 mixed characters, not key material of any service. */
const placeholderKey = ['fa', 'KE', '12', 'ab', 'CD', '34', 'ef', 'GH', '56', 'ij', '90', 'kl'].join('');

let tmp: string;
let guide: RepoReport;
let guideDir: string;
let dotnet: RepoReport;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'cbj-check-'));
  guideDir = join(tmp, 'guide');
  cpSync(join(fixtures, 'guide'), guideDir, { recursive: true });
  const helm = readFileSync(join(guideDir, 'install-agent.sh.template'), 'utf8').replaceAll('<REDACTED>', placeholderKey);
  writeFileSync(join(guideDir, 'install-agent.sh'), helm);
  guide = await checkDirectory(guideDir, 'guide', { kubectl: false });
  dotnet = await checkDirectory(join(fixtures, 'dotnet'), 'dotnet', { kubectl: false });
}, 60_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const at = (report: RepoReport, rule: string) => report.findings.filter((f) => f.rule === rule).map((f) => `${f.file}:${f.line ?? '-'}`);

describe("the policy guide's own examples", () => {
  it('reports batch/v1beta1, :latest, missing resources and missing securityContext with file and line', () => {
    expect(at(guide, 'k8s-deprecated-api')).toEqual(['cronjob-v1beta1.yaml:1']);
    expect(guide.findings.find((f) => f.rule === 'k8s-deprecated-api')!.message).toContain('batch/v1beta1');
    expect(at(guide, 'k8s-image-pinned')).toContain('cronjob.yaml:13');
    expect(guide.findings.some((f) => f.rule === 'k8s-image-pinned' && f.message.includes('miaplicacion:latest'))).toBe(true);
    expect(guide.findings.filter((f) => f.detail === 'container-resources').map((f) => f.file)).toEqual(expect.arrayContaining(['job.yaml', 'cronjob.yaml', 'cronjob-v1beta1.yaml']));
    expect(guide.findings.some((f) => f.rule === 'k8s-pod-security' && f.file === 'job.yaml' && f.message.includes('runAsNonRoot'))).toBe(true);
  });

  it('reports configuration-snippet, secure-backends, X-XSS-Protection 1; mode=block and Feature-Policy', () => {
    expect(at(guide, 'ingress-snippet')).toEqual(['ingress-snippet.yaml:6']);
    expect(guide.findings.some((f) => f.rule === 'ingress-removed-annotation' && f.detail === 'ingress-secure-backends' && f.file === 'ingress-add-headers.yaml' && f.line === 7)).toBe(true);
    const deprecated = guide.findings.filter((f) => f.rule === 'ingress-header-deprecated');
    expect(deprecated.some((f) => f.file === 'ingress-add-headers.yaml' && f.message.includes('1; mode=block'))).toBe(true);
    expect(deprecated.some((f) => f.file === 'ingress-snippet.yaml' && f.message.includes('Feature-Policy'))).toBe(true);
    expect(at(guide, 'ingress-headers-missing')).toEqual(['ingress-add-headers.yaml:5', 'ingress-snippet.yaml:5']);
  });

  it('reports the key in the helm command without echoing it, in every format', () => {
    expect(at(guide, 'secret-literal')).toEqual(['install-agent.sh:5', 'install-agent.sh:6']);
    for (const text of [toText([guide], 'en', false), toJson([guide], 'en'), toSarif([guide], 'en')]) expect(text).not.toContain(placeholderKey);
  });

  it('reports the Dockerfile that runs as root and has no .dockerignore', () => {
    expect(at(guide, 'dockerfile-non-root-user')).toEqual(['Dockerfile:14']);
    expect(at(guide, 'dockerfile-dockerignore')).toEqual(['Dockerfile:-']);
  });
});

describe('.NET fixtures', () => {
  it('reports Hangfire (direct), Quartz (central package) and Coravel (transitive, naming the direct package)', () => {
    expect(at(dotnet, 'dotnet-banned-package')).toEqual(['Directory.Packages.props:7', 'src/Web/Web.csproj:6']);
    const transitive = dotnet.findings.filter((f) => f.rule === 'dotnet-banned-package-transitive');
    expect(transitive.map((f) => `${f.file}:${f.line}`)).toEqual(['src/Trans/obj/project.assets.json:11']);
    expect(transitive[0]!.message).toContain('Coravel arrives through Acme.Jobs');
  });

  it('reports timer loops, timer fields, scheduler APIs and aliased usings with file and line', () => {
    expect(at(dotnet, 'csharp-background-loop')).toEqual(['src/Worker/PollingWorker.cs:9', 'src/Worker/TickingWorker.cs:14']);
    expect(at(dotnet, 'csharp-timer')).toEqual(['src/Worker/Heartbeat.cs:7', 'src/Worker/Heartbeat.cs:9', 'src/Worker/LegacyTimer.cs:5']);
    expect(at(dotnet, 'csharp-scheduler-api')).toEqual(['src/Worker/Recurring.cs:5', 'src/Worker/Scheduling.cs:1', 'src/Worker/Scheduling.cs:7']);
    expect(dotnet.findings.find((f) => f.file === 'src/Worker/Scheduling.cs' && f.line === 7)!.message).toContain('Quartz.JobBuilder');
  });

  it("does not report the team's own Cron, Timer, BackgroundService or Quartz types", () => {
    expect(dotnet.findings.filter((f) => f.file.startsWith('src/Team/'))).toEqual([]);
  });

  it('resolves a look-alike only inside its own namespace', async () => {
    const files = new Map([
      ['src/A/Own.cs', 'namespace Team.A { public sealed class Timer { } }'],
      ['src/B/Uses.cs', 'namespace Team.B { public sealed class C { private readonly Timer _t = null!; } }'],
    ]);
    const report = await checkMemory(files);
    expect(at(report, 'csharp-timer')).toEqual(['src/B/Uses.cs:1']);
  });
});

describe('exemptions', () => {
  it('silence matching findings until they expire; an expired or incomplete one is a finding', async () => {
    const files = new Map([
      ['tools/Dockerfile', 'FROM alpine\nUSER 1000\n'],
      ['tools/.dockerignore', 'bin/\n'],
      [
        'batch-job.exemptions.yaml',
        'exemptions:\n  - rule: dockerfile-base-tag\n    path: "tools/**"\n    justification: vendor tool\n    expires: 2030-01-01\n  - rule: dockerfile-multi-stage\n    path: "tools/**"\n    justification: tiny image\n    expires: 2020-01-01\n  - rule: no-such-rule\n    path: x\n    justification: y\n    expires: 2030-01-01\n',
      ],
    ]);
    const report = await checkMemory(files, { today: new Date('2026-06-01') });
    expect(report.exempted.map((f) => f.rule)).toEqual(['dockerfile-base-tag']);
    expect(report.findings.map((f) => `${f.rule}:${f.file}:${f.line ?? '-'}`)).toEqual([
      'exemption-expired:batch-job.exemptions.yaml:6',
      'exemption-invalid:batch-job.exemptions.yaml:10',
      'dockerfile-multi-stage:tools/Dockerfile:1',
    ]);
  });
});

describe('walker', () => {
  it('skips .gitignored paths, binaries, big files and symlinks out of the root, with notes; unreadable files are notes', async () => {
    const dir = join(tmp, 'walk');
    mkdirSync(join(dir, 'ignored'), { recursive: true });
    writeFileSync(join(dir, '.gitignore'), 'ignored/\n');
    writeFileSync(join(dir, 'ignored/Dockerfile'), 'FROM alpine\n');
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x6b, 0x00, 0x01]));
    writeFileSync(join(dir, 'big.yaml'), `kind: x\n${'a: b\n'.repeat(1000)}`);
    writeFileSync(join(tmp, 'outside.yaml'), 'kind: ConfigMap\n');
    symlinkSync(join(tmp, 'outside.yaml'), join(dir, 'link.yaml'));
    writeFileSync(join(dir, 'locked.yaml'), 'kind: ConfigMap\n');
    chmodSync(join(dir, 'locked.yaml'), 0o000);
    const report = await checkDirectory(dir, 'walk', { kubectl: false, limits: { maxFileBytes: 1000 } });
    expect(report.findings.filter((f) => f.file.startsWith('ignored/'))).toEqual([]);
    const kinds = report.notes.map((n) => `${n.kind}:${n.file}`);
    expect(kinds).toContain('binary:bin.yaml');
    // Several rule families read a YAML file; its note is given once.
    expect(kinds.filter((k) => k === 'too-large:big.yaml')).toHaveLength(1);
    expect(kinds).toContain('symlink-outside:link.yaml');
    // root ignores file modes; the note appears for everyone else.
    if (process.getuid?.() !== 0) expect(kinds).toContain('unreadable:locked.yaml');
    chmodSync(join(dir, 'locked.yaml'), 0o644);
  });

  it('reads files larger than its read buffer whole (a finding on the last line of a 200 KiB file has its line)', async () => {
    const dir = join(tmp, 'walk-large');
    mkdirSync(dir, { recursive: true });
    const lines = Array.from({ length: 20_000 }, (_, i) => `k${i}: value-${i}`);
    const key = Array.from({ length: 30 }, (_, i) => 'aB3xY7qZ9mK2pL5wR8tN4vC6'[(i * 7) % 24]).join('');
    writeFileSync(join(dir, 'values.yaml'), `${lines.join('\n')}\npassword: ${key}\n`);
    const report = await checkDirectory(dir, 'walk-large', { kubectl: false });
    expect(report.notes).toEqual([]);
    expect(report.findings.map((f) => `${f.rule}:${f.file}:${f.line}`)).toEqual(['secret-literal:values.yaml:20001']);
  });
});

describe('output formats', () => {
  it('JSON matches its schema', () => {
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(reportSchema);
    for (const report of [[guide], [guide, dotnet]]) {
      const ok = validate(JSON.parse(toJson(report, 'es')));
      expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
      expect(ok).toBe(true);
    }
    expect(validate({ version: 1, tool: {}, summary: {}, repositories: 'x' })).toBe(false);
  });

  it("SARIF 2.1.0 passes Microsoft's SARIF multitool validate with 0 errors", () => {
    const file = join(tmp, 'check.sarif');
    writeFileSync(file, toSarif([guide, dotnet], 'en'));
    const bin = join(repoRoot, 'node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');
    chmodSync(bin, 0o755);
    const out = join(tmp, 'validation.sarif');
    const run = spawnSync(bin, ['validate', file, '--output', out], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    const results = (JSON.parse(readFileSync(out, 'utf8')) as { runs: { results?: { level?: string; message: { text?: string } }[] }[] }).runs.flatMap((r) => r.results ?? []);
    expect(results.filter((r) => r.level === 'error').map((r) => r.message.text)).toEqual([]);
    const sarif = JSON.parse(readFileSync(file, 'utf8'));
    expect(sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'secret-literal').helpUri).toMatch(/docs\/rules\/secret-literal\.md$/);
    expect(sarif.runs[0].results.every((r: { locations: { physicalLocation: { region: { startLine: number } } }[] }) => r.locations[0]!.physicalLocation.region.startLine >= 1)).toBe(true);
  }, 180_000);

  it('text groups by file, colours only when asked, and prints a summary table for several repositories', () => {
    const plain = toText([guide, dotnet], 'en', false);
    expect(plain).not.toContain('\u001b[');
    expect(plain).toMatch(/^Dockerfile\n(.*\n)? {2}14 +error +dockerfile-non-root-user/m);
    expect(plain).toMatch(/^repository +errors +warnings +worst rule$/m);
    expect(plain).toMatch(/^dotnet +11 +0 +csharp-scheduler-api$/m);
    expect(toText([guide], 'es', true)).toContain('\u001b[31m');
  });

  it('exit code follows --fail-on', () => {
    const warningsOnly: RepoReport = { ...guide, findings: guide.findings.filter((f) => f.severity === 'warning') };
    expect(exitCodeFor([warningsOnly], 'error')).toBe(0);
    expect(exitCodeFor([warningsOnly], 'warning')).toBe(1);
    expect(exitCodeFor([guide], 'never')).toBe(0);
    expect(exitCodeFor([guide], 'error')).toBe(1);
  });
});

describe('rule catalogue', () => {
  it('docs/rules is generated from the policy (npm run rule-docs) and in sync', () => {
    for (const [path, text] of ruleDocs()) expect(readFileSync(join(repoRoot, path), 'utf8'), `${path} is stale: npm run compile && npm run rule-docs`).toBe(text);
  });

  it('every rule has English and Spanish text, and ids are unique', () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
    for (const r of rules) for (const t of [r.title, r.why, r.fix]) expect(t.en.length * t.es.length).toBeGreaterThan(0);
  });
});

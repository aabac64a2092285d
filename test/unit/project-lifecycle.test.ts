import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { policy } from '../../src/policy/index.js';
import { BatchJobProject, DRIFT_OUTDIR_ENV } from '../../src/project/batch-job-project.js';
import { packageJson } from '../../src/util/package-info.js';

const RECORD = '.projen/batch-job.json';

describe('BatchJobProject across syntheses', () => {
  const dirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbj-lifecycle-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    vi.restoreAllMocks();
    delete process.env[DRIFT_OUTDIR_ENV];
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const printedBy = (run: () => void) => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    run();
    const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
    log.mockRestore();
    return printed;
  };
  const setRecord = (outdir: string, text: string) => {
    chmodSync(join(outdir, RECORD), 0o644);
    writeFileSync(join(outdir, RECORD), text);
  };

  it('records the policy version and the generator that wrote the managed files', () => {
    const outdir = scratch();
    new BatchJobProject({ name: 'reports', outdir, logSummary: false, packageVersion: '9.9.9' }).synth();
    expect(JSON.parse(readFileSync(join(outdir, RECORD), 'utf8'))).toMatchObject({ policyVersion: policy.version, generator: `${packageJson.name}@9.9.9` });
  });

  it('a re-sync under the same policy prints one line and no changes; logSummary: false prints nothing', () => {
    const outdir = scratch();
    expect(printedBy(() => new BatchJobProject({ name: 'reports', outdir, logSummary: false }).synth())).toBe('');
    const project = new BatchJobProject({ name: 'reports', outdir });
    expect(project.previousPolicyVersion).toBe(policy.version);
    expect(printedBy(() => project.synth())).toBe(`batch-job policy ${policy.version} applied`);
  });

  it('a re-sync from an older policy lists only the changes since that version', () => {
    const outdir = scratch();
    new BatchJobProject({ name: 'reports', outdir, logSummary: false }).synth();
    const oldest = policy.changelog.at(-1)!.version;
    setRecord(outdir, JSON.stringify({ policyVersion: oldest }));
    const printed = printedBy(() => new BatchJobProject({ name: 'reports', outdir }).synth()).split('\n');
    expect(printed[0]).toBe(`batch-job policy ${policy.version} applied (was ${oldest}); changes:`);
    const newer = policy.changelog.filter((e) => e.version !== oldest);
    expect(printed.slice(1)).toEqual(newer.flatMap((e) => e.changes.map((c) => `  ${e.version}: ${c}`)));
  });

  it('an unreadable record counts as a first synthesis', () => {
    const outdir = scratch();
    new BatchJobProject({ name: 'reports', outdir, logSummary: false }).synth();
    setRecord(outdir, '{ not json');
    const project = new BatchJobProject({ name: 'reports', outdir });
    expect(project.previousPolicyVersion).toBeUndefined();
    expect(printedBy(() => project.synth())).toBe(`batch-job policy ${policy.version} applied`);
  });

  it(`with ${DRIFT_OUTDIR_ENV} set, synthesises there instead of outdir and prints nothing`, () => {
    const outdir = scratch();
    const drift = scratch();
    process.env[DRIFT_OUTDIR_ENV] = drift;
    const printed = printedBy(() => new BatchJobProject({ name: 'reports', outdir }).synth());
    expect(printed).toBe('');
    expect(existsSync(join(drift, RECORD))).toBe(true);
    expect(existsSync(join(outdir, RECORD))).toBe(false);
  });

  it('leaves unmanaged paths to the team, ignores build output in git, and never rewrites .projenrc.ts', () => {
    const outdir = scratch();
    new BatchJobProject({ name: 'reports', outdir, logSummary: false, unmanaged: ['Dockerfile'] }).synth();
    expect(existsSync(join(outdir, 'Dockerfile'))).toBe(false);
    const gitignore = readFileSync(join(outdir, '.gitignore'), 'utf8').split('\n');
    for (const pattern of ['node_modules/', 'bin/', 'obj/', 'publish/', '*.user', '.vs/', 'TestResults/']) expect(gitignore, pattern).toContain(pattern);
    writeFileSync(join(outdir, '.projenrc.ts'), '// the team edited this\n');
    new BatchJobProject({ name: 'reports', outdir, logSummary: false }).synth();
    expect(readFileSync(join(outdir, '.projenrc.ts'), 'utf8')).toBe('// the team edited this\n');
    expect(existsSync(join(outdir, 'Dockerfile'))).toBe(true);
  });
});

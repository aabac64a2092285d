import { describe, expect, it } from 'vitest';
import { checkMemory } from '../../../src/check/run.js';
import { findRule } from '../../../src/policy/rules.js';

/** A Dockerfile with two findings (`dockerfile-base-tag`, `dockerfile-multi-stage`) in tools/ and in app/. */
const dockerfiles: Array<[string, string]> = [
  ['tools/Dockerfile', 'FROM alpine\nUSER 1000\n'],
  ['tools/.dockerignore', 'bin/\n'],
  ['app/Dockerfile', 'FROM alpine\nUSER 1000\n'],
  ['app/.dockerignore', 'bin/\n'],
];
const entry = (fields: Record<string, string>) => `  - ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n    ')}\n`;
const full = { rule: 'dockerfile-base-tag', path: '"tools/**"', justification: 'vendor tool', expires: '2026-06-01' };

async function check(exemptions: string, today = '2026-06-01') {
  const report = await checkMemory(new Map([...dockerfiles, ['batch-job.exemptions.yaml', exemptions]]), { today: new Date(`${today}T12:00:00Z`) });
  const line = (f: { rule: string; file: string; line?: number; message: string }) => `${f.rule} ${f.file}:${f.line ?? '-'} ${f.message}`;
  return {
    findings: report.findings.map(line),
    exempted: report.exempted.map((f) => `${f.rule} ${f.file} (${f.justification}, until ${f.expires})`),
  };
}

describe('batch-job.exemptions.yaml', () => {
  it('an exemption holds through its expiry day, for its rule and its paths only', async () => {
    const { findings, exempted } = await check(`exemptions:\n${entry(full)}`);
    expect(exempted).toEqual(['dockerfile-base-tag tools/Dockerfile (vendor tool, until 2026-06-01)']);
    expect(findings.filter((f) => f.startsWith('dockerfile-base-tag'))).toEqual([expect.stringMatching(/^dockerfile-base-tag app\/Dockerfile:1 /)]);
    expect(findings.filter((f) => f.startsWith('dockerfile-multi-stage')).length).toBe(2);
  });

  it('from the next day on it is expired: a finding at its line, and it silences nothing', async () => {
    const { findings, exempted } = await check(`exemptions:\n${entry(full)}`, '2026-06-02');
    expect(exempted).toEqual([]);
    expect(findings).toContain('exemption-expired batch-job.exemptions.yaml:2 exemption for dockerfile-base-tag on tools/** expired on 2026-06-01');
    expect(findings.filter((f) => f.startsWith('dockerfile-base-tag')).length).toBe(2);
  });

  it('an incomplete entry names every missing field', async () => {
    const { findings } = await check(`exemptions:\n${entry({ rule: 'dockerfile-base-tag', path: '"  "', expires: '31/12/2030' })}`);
    expect(findings).toContain('exemption-invalid batch-job.exemptions.yaml:2 exemption 1 lacks path, justification, expires (YYYY-MM-DD)');
  });

  it('an unknown rule is refused by name, and the later entries still count', async () => {
    const { findings, exempted } = await check(`exemptions:\n${entry({ ...full, rule: 'dockerfile-tag' })}${entry({ ...full, rule: 'dockerfile-multi-stage', path: '"app/*"' })}`);
    expect(findings).toContain('exemption-invalid batch-job.exemptions.yaml:2 exemption 1 names unknown rule "dockerfile-tag"');
    expect(exempted).toEqual(['dockerfile-multi-stage app/Dockerfile (vendor tool, until 2026-06-01)']);
  });

  it.each([
    ['not YAML', 'exemptions: [\n', 2],
    ['no list', 'exemptions:\n  rule: x\n', 1],
    ['another top-level key', 'waivers: []\n', 1],
  ])('a file that is %s is one finding and silences nothing', async (_label, text, line) => {
    const { findings, exempted } = await check(text);
    expect(exempted).toEqual([]);
    expect(findings).toContain(`exemption-invalid batch-job.exemptions.yaml:${line} expected a top-level "exemptions:" list`);
  });
});

describe('batch-job.exemptions.yaml, field by field', () => {
  const run = async (exemptions: string | undefined, today = '2026-06-01', extra: Array<[string, string]> = []) =>
    checkMemory(new Map([...dockerfiles, ...extra, ...(exemptions === undefined ? [] : [['batch-job.exemptions.yaml', exemptions] as [string, string]])]), { today: new Date(`${today}T23:59:59Z`) });
  const ours = (r: Awaited<ReturnType<typeof run>>) => r.findings.filter((f) => f.file === 'batch-job.exemptions.yaml');

  it('an exemption finding carries rule, severity, file, line and both languages', async () => {
    const report = await run(`exemptions:\n${entry(full)}`, '2026-06-02');
    expect(ours(report)).toStrictEqual([
      {
        rule: 'exemption-expired',
        severity: findRule('exemption-expired')!.severity,
        file: 'batch-job.exemptions.yaml',
        line: 2,
        message: 'exemption for dockerfile-base-tag on tools/** expired on 2026-06-01',
        messageEs: 'la exención de dockerfile-base-tag en tools/** caducó el 2026-06-01',
      },
    ]);
    const invalid = ours(await run('exemptions: 3\n'));
    expect(invalid).toStrictEqual([{ rule: 'exemption-invalid', severity: findRule('exemption-invalid')!.severity, file: 'batch-job.exemptions.yaml', line: 1, message: 'expected a top-level "exemptions:" list', messageEs: 'se esperaba una lista "exemptions:" en el nivel superior' }]);
  });

  it('a quoted date counts like a plain one, the day before expiry too; the exempted finding keeps its fields', async () => {
    const report = await run(`exemptions:\n${entry({ ...full, expires: '"2026-06-01"' })}`, '2026-05-31');
    expect(ours(report)).toEqual([]);
    expect(report.exempted).toStrictEqual([
      { ...report.exempted[0]!, rule: 'dockerfile-base-tag', file: 'tools/Dockerfile', line: 1, justification: 'vendor tool', expires: '2026-06-01' },
    ]);
    expect(report.exempted[0]!.severity).toBe(findRule('dockerfile-base-tag')!.severity);
  });

  it('names each missing or blank field, in order, at each entry\'s line, in both languages', async () => {
    const report = await run(`exemptions:\n${entry({ rule: '3', path: '"x"', justification: '"  "', expires: '2030-01-01' })}${entry({ rule: 'secret-literal', path: 'x', justification: 'j' })}`);
    expect(ours(report).map((f) => [f.line, f.message, f.messageEs])).toEqual([
      [2, 'exemption 1 lacks rule, justification', 'a la exención 1 le falta rule, justification'],
      [6, 'exemption 2 lacks expires (YYYY-MM-DD)', 'a la exención 2 le falta expires (AAAA-MM-DD)'],
    ]);
    const badDate = ours(await run(`exemptions:\n${entry({ ...full, expires: '2026-6-1' })}`));
    expect(badDate.map((f) => f.message)).toEqual(['exemption 1 lacks expires (YYYY-MM-DD)']);
    for (const expires of ['"x2026-06-01"', '"2026-06-01x"']) {
      const longDate = ours(await run(`exemptions:\n${entry({ ...full, expires })}`));
      expect(longDate.map((f) => f.message)).toEqual(['exemption 1 lacks expires (YYYY-MM-DD)']);
    }
    const unknown = ours(await run(`exemptions:\n${entry({ ...full, rule: 'nope' })}`));
    expect(unknown.map((f) => [f.rule, f.message, f.messageEs])).toEqual([['exemption-invalid', 'exemption 1 names unknown rule "nope"', 'la exención 1 nombra la regla desconocida "nope"']]);
  });

  it('without the file, an empty one or an empty list, nothing is exempted and nothing reported about it', async () => {
    for (const text of [undefined, 'exemptions: []\n']) {
      const report = await run(text);
      expect(ours(report)).toEqual([]);
      expect(report.exempted).toEqual([]);
      expect(report.findings.filter((f) => f.rule === 'dockerfile-base-tag').length).toBe(2);
    }
    // A file that cannot be read as a list silences nothing: every other finding is kept.
    const empty = await run('');
    expect(ours(empty).map((f) => [f.rule, f.line])).toEqual([['exemption-invalid', 1]]);
    expect(empty.findings.filter((f) => f.rule === 'dockerfile-base-tag').length).toBe(2);
    // The file only counts at the repository root.
    const nested = await run(undefined, '2026-06-01', [['sub/batch-job.exemptions.yaml', `exemptions:\n${entry(full)}`]]);
    expect(nested.exempted).toEqual([]);
  });

  it('the path glob matches whole paths only', async () => {
    const report = await run(`exemptions:\n${entry({ ...full, path: '"tool*/Dockerfile"' })}${entry({ ...full, rule: 'dockerfile-multi-stage', path: 'Dockerfile' })}`);
    expect(report.exempted.map((f) => `${f.rule} ${f.file}`)).toEqual(['dockerfile-base-tag tools/Dockerfile']);
    expect(report.findings.filter((f) => f.rule === 'dockerfile-multi-stage').length).toBe(2);
  });
});

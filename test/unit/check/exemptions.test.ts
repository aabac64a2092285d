import { describe, expect, it } from 'vitest';
import { checkMemory } from '../../../src/check/run.js';

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

import { describe, expect, it } from 'vitest';
import type { BatchJobProjectOptions } from '../../src/project/options.js';
import { projenrcSample } from '../../src/project/projenrc-sample.js';

/** The object literal passed to `new BatchJobProject(...)`, evaluated as JavaScript (it is also valid TS). */
function chosenOptions(source: string): unknown {
  const match = /new BatchJobProject\(([\s\S]*)\);\n/.exec(source);
  if (!match) throw new Error(`no BatchJobProject call in:\n${source}`);
  return new Function(`return (${match[1]});`)() as unknown;
}

describe('projenrcSample (the team-owned .projenrc.ts)', () => {
  it('imports the package by the name given and synthesises', () => {
    const source = projenrcSample({ name: 'nightly-report' }, '@acme/create-batch-job');
    expect(source.startsWith("import { BatchJobProject } from '@acme/create-batch-job';\n")).toBe(true);
    expect(source.trimEnd().endsWith('project.synth();')).toBe(true);
  });

  it('writes back exactly the options chosen, as a literal that evaluates to them', () => {
    const options: BatchJobProjectOptions = {
      name: 'nightly-report',
      framework: 'net10.0',
      namespace: 'batch',
      registry: 'registry.example.com/team',
      jobs: [
        { name: 'nightly-report', schedule: '0 2 * * *', env: { 'API_URL': 'https://x.example/a?b=c', "quote'd": 'it\'s "ok"', 'back\\slash': 'C:\\temp', MULTI_LINE: 'a\nb\u2028c' } },
        { name: 'cleanup', kind: 'job' },
      ],
      unmanaged: [],
    };
    expect(chosenOptions(projenrcSample(options, 'pkg'))).toEqual(options);
  });

  it('leaves out what projen sets itself and options left undefined (they follow the policy defaults)', () => {
    const source = projenrcSample(
      { name: 'x', outdir: '/tmp/out', logSummary: false, imageTag: undefined } as BatchJobProjectOptions,
      'pkg',
    );
    expect(chosenOptions(source)).toEqual({ name: 'x' });
    expect(source).not.toContain('outdir');
    expect(source).not.toContain('imageTag');
  });

  it('writes keys that are identifiers bare and quotes the others; empty objects and arrays stay inline', () => {
    const source = projenrcSample({ name: 'x', jobs: [{ name: 'x', env: { PLAIN_KEY: 'v', 'dotted.key': 'w' } }], unmanaged: [] } as BatchJobProjectOptions, 'pkg');
    expect(source).toContain("\n        PLAIN_KEY: 'v',\n");
    expect(source).toContain("\n        'dotted.key': 'w',\n");
    expect(source).toContain('  unmanaged: [],\n');
    const empty = projenrcSample({ name: 'x', jobs: [{ name: 'x', env: {} }] } as BatchJobProjectOptions, 'pkg');
    expect(empty).toContain('      env: {},\n');
  });
});

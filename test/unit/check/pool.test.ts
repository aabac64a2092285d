import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJson } from '../../../src/check/format/report.js';
import { checkDirectory } from '../../../src/check/run.js';
import { writeCheckTree } from '../../support/check-tree.js';

// The shared per-file work (`src/check/pool.ts`, `shard.ts`) against the one-thread check on the same tree. Run
// from the sources, only this thread claims chunks (the worker module is compiled, see test/cli/check-pool.test.ts
// for real workers); every fact still goes through the prepared path the rule families use with workers.
const limits = { maxFileBytes: 64 * 1024 };
let tree: string;

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'cbj-check-pool-'));
  writeCheckTree(tree, limits);
}, 60_000);

afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('check with its per-file work prepared in shards', () => {
  it('reports the same findings, exemptions and notes, in the same order, as the one-thread check', async () => {
    const single = await checkDirectory(tree, 'org', { kubectl: false, limits, threads: 1 });
    const pooled = await checkDirectory(tree, 'org', { kubectl: false, limits, threads: 2, poolMinFiles: 0 });
    // The tree has something to lose: findings of every family and every kind of note.
    expect(new Set(single.findings.map((f) => f.rule)).size).toBeGreaterThanOrEqual(10);
    expect(single.findings.length).toBeGreaterThan(300);
    expect(new Set(single.notes.map((n) => n.kind))).toEqual(new Set(['binary', 'too-large', 'yaml-invalid', 'kustomize-raw']));
    for (const lang of ['en', 'es'] as const) expect(toJson([pooled], lang)).toBe(toJson([single], lang));
  });

  it('with kubectl allowed, manifests are read again in this thread and the report is the same', async () => {
    const single = await checkDirectory(tree, 'org', { limits, threads: 1 });
    const pooled = await checkDirectory(tree, 'org', { limits, threads: 2, poolMinFiles: 0 });
    expect(toJson([pooled], 'en')).toBe(toJson([single], 'en'));
  });
});

import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCheckTree } from '../support/check-tree.js';
import { batchJobBin, tempDir } from '../support/cli.js';

// `batch-job check` with its worker threads forced on (BATCH_JOB_CHECK_POOL_MIN_FILES=0, two threads) against the same command
// in one thread: the JSON must be byte-identical, so a worker that drops or reorders a finding or a note fails here.
const MAX_FILE_BYTES = 2 * 1024 * 1024;
let work: string;
let tree: string;

beforeAll(() => {
  work = tempDir('cbj-check-pool-cli-');
  tree = join(work, 'org');
  writeCheckTree(tree, { maxFileBytes: MAX_FILE_BYTES });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The JSON report (written with --output: a report this size outlives a piped stdout at exit). */
async function check(lang: string, poolMinFiles: number, path?: string): Promise<{ exitCode?: number; stderr: string; json: string }> {
  const output = join(work, `report-${lang}-${poolMinFiles}-${path === undefined ? 'kubectl' : 'raw'}.json`);
  const run = await execa(process.execPath, [batchJobBin, 'check', '--format', 'json', '--lang', lang, '--output', output, tree], {
    reject: false,
    // PATH without kubectl makes the workers validate the manifests too (with kubectl this thread does).
    // Two threads whatever the load: by default a busy machine gets one.
    env: { LANG: 'C', NO_COLOR: '', BATCH_JOB_CHECK_POOL_MIN_FILES: String(poolMinFiles), BATCH_JOB_CHECK_THREADS: '2', ...(path !== undefined ? { PATH: path } : {}) },
  });
  return { exitCode: run.exitCode, stderr: run.stderr, json: readFileSync(output, 'utf8') };
}

describe('batch-job check with worker threads', () => {
  for (const [label, path] of [
    ['without kubectl (workers validate manifests)', dirname(process.execPath)],
    ['as installed (kubectl, when present, renders in the main thread)', undefined],
  ] as const) {
    it(`writes the same JSON as one thread, ${label}`, async () => {
      for (const lang of path === undefined ? ['en'] : ['en', 'es']) {
        const [single, pooled] = await Promise.all([check(lang, 1_000_000_000, path), check(lang, 0, path)]);
        expect(single.exitCode, single.stderr).toBe(1);
        expect(pooled.stderr).toBe(single.stderr);
        const report = JSON.parse(single.json);
        expect(report.repositories[0].findings.length).toBeGreaterThan(300);
        expect(pooled.json).toBe(single.json);
      }
    });
  }
});

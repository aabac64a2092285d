import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { batchJobBin, tempDir } from '../support/cli.js';

// A report far larger than a pipe's buffer, read by a consumer that starts late: the process must not exit before the
// pipe has taken all of it (process.exit alone cut such a report at 128 KiB).
describe('batch-job check piped to a slow reader', () => {
  it('delivers the whole JSON report before exiting', async () => {
    const work = tempDir('cbj-check-pipe-');
    const tree = join(work, 'tree');
    mkdirSync(tree);
    const manifest = (i: number) =>
      `apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: job${i}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: c\n            image: app:latest\n          restartPolicy: OnFailure\n`;
    for (let i = 0; i < 200; i++) writeFileSync(join(tree, `m${i}.yaml`), manifest(i));
    const out = join(work, 'report.json');
    const run = await execa('/bin/sh', ['-c', `"$NODE" "$BIN" check --format json "$TREE" | (sleep 1; cat > "$OUT")`], {
      reject: false,
      env: { NODE: process.execPath, BIN: batchJobBin, TREE: tree, OUT: out, LANG: 'C', PATH: '/usr/bin:/bin' },
    });
    expect(run.exitCode, run.stderr).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.length).toBeGreaterThan(256 * 1024);
    // Complete: it parses, and every manifest's removed-apiVersion error is in it.
    const report = JSON.parse(text) as { summary: { errors: number } };
    expect(report.summary.errors).toBeGreaterThanOrEqual(200);
  });
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles, synthesize } from '../../src/cli/plan.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';

/** Synthesises a project into a throw-away directory and returns its files as a path → content map. */
export function synthFiles(options: Omit<BatchJobProjectOptions, 'outdir'>): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'cbj-synth-'));
  try {
    synthesize(options, dir);
    return new Map(listFiles(dir).map((path) => [path, readFileSync(join(dir, path), 'utf8')]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { execa } from 'execa';
import { managedFiles } from '../cli/plan.js';
import { DRIFT_OUTDIR_ENV } from '../project/batch-job-project.js';
import type { Bilingual } from '../policy/rules.js';
import { say } from './messages.js';

export type DriftKind = 'modified' | 'missing' | 'stale';

/** One managed file that differs from what `.projenrc.ts` and the installed policy produce. */
export interface Drift {
  readonly path: string;
  readonly kind: DriftKind;
  /** Unified diff from the synthesised file (`a/`) to the repo's file (`b/`); empty for `missing`/`stale`. */
  readonly diff: string;
}

/** Why the drift check could not run, in both languages (`message` is the English text). */
export class DriftCheckError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/**
 * Re-synthesises the repo from its own `.projenrc.ts` (with the policy version installed in it) into a
 * scratch directory and compares every managed file. Nothing in the repo is written.
 */
export async function findDrift(repo: string): Promise<Drift[]> {
  if (!existsSync(join(repo, '.projenrc.ts'))) throw new DriftCheckError(say((m) => m.driftNoProjenrc(repo)));
  const scratch = mkdtempSync(join(tmpdir(), 'batch-job-drift-'));
  try {
    const run = await execa(process.execPath, ['.projenrc.ts'], { cwd: repo, reject: false, all: true, env: { [DRIFT_OUTDIR_ENV]: scratch } });
    if (run.exitCode !== 0) throw new DriftCheckError(say((m) => m.driftProjenrcFailed(String(run.all))));
    const expected = managedFiles(scratch);
    const drifts: Drift[] = [];
    for (const path of [...expected].sort()) {
      const synthesised = join(scratch, path);
      if (!existsSync(synthesised)) continue; // projen lists some files it writes only when non-empty
      const actual = join(repo, path);
      if (!existsSync(actual)) {
        drifts.push({ path, kind: 'missing', diff: '' });
        continue;
      }
      const want = readFileSync(synthesised, 'utf8');
      const have = readFileSync(actual, 'utf8');
      if (want !== have) drifts.push({ path, kind: 'modified', diff: createTwoFilesPatch(`a/${path}`, `b/${path}`, want, have, 'synthesised', 'repository') });
    }
    for (const path of managedFiles(repo)) {
      if (!expected.has(path) && existsSync(join(repo, path))) drifts.push({ path, kind: 'stale', diff: '' });
    }
    return drifts;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { PlannedChange } from './plan.js';

/** A directory counts as empty when it holds nothing, or only a `.git` folder (as create-vite does). */
export function isEmptyDir(dir: string): boolean {
  return readdirSync(dir).every((entry) => entry === '.git');
}

function renameOrCopy(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    // Another file system: copy next to the target first, so the final step is still one rename.
    const temp = `${to}.partial-${process.pid}`;
    cpSync(from, temp, { recursive: true, preserveTimestamps: true });
    renameSync(temp, to);
    rmSync(from, { recursive: true, force: true });
  }
}

/**
 * Moves a staged synthesis into place. A new target is one rename; an empty one gets each top-level entry
 * renamed in; `--force` into a non-empty one applies only the plan's create/update/delete entries.
 */
export function applyPlan(stagingDir: string, targetDir: string, plan: readonly PlannedChange[]): void {
  if (!existsSync(targetDir)) {
    mkdirSync(dirname(targetDir), { recursive: true });
    renameOrCopy(stagingDir, targetDir);
    return;
  }
  if (isEmptyDir(targetDir)) {
    for (const entry of readdirSync(stagingDir)) renameOrCopy(join(stagingDir, entry), join(targetDir, entry));
    return;
  }
  for (const change of plan) {
    const target = join(targetDir, change.path);
    if (change.action === 'delete') {
      rmSync(target, { force: true });
    } else if (change.action === 'create' || change.action === 'update') {
      mkdirSync(dirname(target), { recursive: true });
      if (existsSync(target)) chmodSync(target, 0o644); // managed files are read-only
      const source = join(stagingDir, change.path);
      const mode = statSync(source).mode;
      renameOrCopy(source, target);
      chmodSync(target, mode);
    }
  }
}

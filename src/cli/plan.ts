import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { BatchJobProject } from '../project/batch-job-project.js';
import type { BatchJobProjectOptions } from '../project/options.js';

export type Action = 'create' | 'update' | 'delete' | 'unchanged' | 'keep';

/** One path of the plan. `keep`: a team-owned file that already exists and is left as it is. */
export interface PlannedChange {
  readonly path: string;
  readonly action: Action;
}

const FILE_MANIFEST = '.projen/files.json';

/** Synthesises the project into `stagingDir`, which must be empty: the pure "plan" half of generation. */
export function synthesize(options: BatchJobProjectOptions, stagingDir: string): BatchJobProject {
  const project = new BatchJobProject({ ...options, outdir: stagingDir, logSummary: false });
  project.synth();
  return project;
}

/** Every file below `dir`, as sorted POSIX paths relative to it. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

/** Paths projen manages, read from a synthesised directory's file manifest. */
export function managedFiles(dir: string): Set<string> {
  const manifest = join(dir, FILE_MANIFEST);
  if (!existsSync(manifest)) return new Set();
  const { files } = JSON.parse(readFileSync(manifest, 'utf8')) as { files: string[] };
  return new Set([...files, FILE_MANIFEST]);
}

/** Compares a staged synthesis with the target directory. Team-owned files that exist are kept. */
export function computePlan(stagingDir: string, targetDir: string): PlannedChange[] {
  const staged = listFiles(stagingDir);
  const managed = managedFiles(stagingDir);
  const changes: PlannedChange[] = staged.map((path) => {
    const target = join(targetDir, path);
    if (!existsSync(target)) return { path, action: 'create' };
    if (!managed.has(path)) return { path, action: 'keep' };
    const same = statSync(target).isFile() && readFileSync(target).equals(readFileSync(join(stagingDir, path)));
    return { path, action: same ? 'unchanged' : 'update' };
  });
  const stagedSet = new Set(staged);
  for (const path of managedFiles(targetDir)) {
    if (!stagedSet.has(path) && existsSync(join(targetDir, path))) changes.push({ path, action: 'delete' });
  }
  return changes.sort((a, b) => a.path.localeCompare(b.path));
}

import { resolve } from 'node:path';
import type { Project } from 'projen';

const inputDirs = new WeakMap<Project, string>();

/**
 * Records where a project's synthesis reads the repository (its project files, migrated job classes, the policy
 * record). It differs from `outdir` only when `batch-job check --drift` sends the output to a scratch folder: the
 * files that shape the output (a library the team added, its `packages.lock.json`) are still the repository's.
 */
export function setInputDir(project: Project, dir: string): void {
  inputDirs.set(project, resolve(dir));
}

/** The folder a synthesis reads the repository from; `outdir` unless {@link setInputDir} said otherwise. */
export function inputDir(project: Project): string {
  return inputDirs.get(project) ?? project.outdir;
}

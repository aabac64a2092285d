import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { InvalidInputError } from '../errors.js';
import { applyPlan } from '../cli/apply.js';
import { computePlan, synthesize, type PlannedChange } from '../cli/plan.js';
import { policy } from '../policy/index.js';
import type { BatchJobProjectOptions } from '../project/options.js';
import { assertName } from '../project/validate.js';
import { MAX_NAME_LENGTH } from '../util/names.js';
import { detect, type Detection } from './detect.js';

export interface AdoptOptions {
  readonly repo: string;
  /** Overwrite existing files the policy manages, keeping a backup next to each. @default false */
  readonly force?: boolean;
  /** Show what would happen; write nothing. @default false */
  readonly dryRun?: boolean;
  /** Repository name. @default - the folder name, made a DNS label */
  readonly name?: string;
}

/** An existing file the policy would rewrite: kept (and left unmanaged) unless `--force`. */
export interface Conflict {
  readonly path: string;
  readonly diff: string;
}

export interface AdoptResult {
  readonly detection: Detection;
  readonly options: BatchJobProjectOptions;
  readonly conflicts: readonly Conflict[];
  readonly plan: readonly PlannedChange[];
  /** Backups written with `--force`. */
  readonly backups: readonly string[];
}

/** Suffix of the copy `--force` keeps of a file it overwrites. */
export const BACKUP_SUFFIX = '.pre-adopt';

/** `My_Service` → `my-service`: the folder name as a DNS label, when no --name is given. */
function nameFromFolder(repo: string): string {
  return basename(repo).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_NAME_LENGTH).replace(/-+$/, '') || 'batch-job';
}

/**
 * Takes an existing .NET repo under the policy: writes `.projenrc.ts` and the managed files around the app
 * it finds, never touching its code. Staging happens inside the repo, so nothing outside it is written.
 */
export function adopt(options: AdoptOptions): AdoptResult {
  const { repo } = options;
  if (existsSync(join(repo, '.projenrc.ts'))) {
    throw new InvalidInputError('option-invalid', 'directory', repo, 'npx projen', 'already has a .projenrc.ts: change it and re-sync instead of adopting again');
  }
  const detection = detect(repo, policy);
  if (detection.projects.length === 0) throw new InvalidInputError('option-invalid', 'directory', repo, 'batch-job adopt path/to/dotnet-repo', 'no .csproj found');
  if (!detection.app) {
    throw new InvalidInputError('option-invalid', 'directory', repo, '<OutputType>Exe</OutputType>', 'no executable (OutputType Exe) project to run as a job');
  }
  if (!detection.app.path.includes('/')) {
    throw new InvalidInputError('option-invalid', 'directory', detection.app.path, 'src/App/App.csproj', 'the app project must sit in a folder, not at the repo root');
  }
  const name = assertName('name', options.name ?? nameFromFolder(repo));
  const base: BatchJobProjectOptions = {
    name,
    ...(detection.framework && detection.framework !== policy.defaultFramework ? { framework: detection.framework as 'net8.0' } : {}),
    existingApp: { project: detection.app.path },
    // Pipelines follow the system the repo already uses.
    ...(detection.ci.includes('azure-pipelines.yml') ? { ci: 'azure' as const } : detection.ci.includes('.gitlab-ci.yml') ? { ci: 'gitlab' as const } : {}),
  };

  const staging = join(repo, `.batch-job-adopt-${process.pid}`);
  try {
    // First pass: which existing files would the policy rewrite?
    synthesize(base, staging);
    const conflicts: Conflict[] = computePlan(staging, repo)
      .filter((c) => c.action === 'update')
      .map((c) => ({
        path: c.path,
        diff: createTwoFilesPatch(`a/${c.path}`, `b/${c.path}`, readFileSync(join(repo, c.path), 'utf8'), readFileSync(join(staging, c.path), 'utf8'), 'existing', 'policy'),
      }));
    rmSync(staging, { recursive: true, force: true });

    // Second pass: without --force those files stay the team's, recorded as unmanaged in .projenrc.ts.
    const adopted: BatchJobProjectOptions = options.force || conflicts.length === 0 ? base : { ...base, unmanaged: conflicts.map((c) => c.path) };
    synthesize(adopted, staging);
    const plan = computePlan(staging, repo);
    const backups: string[] = [];
    if (!options.dryRun) {
      for (const change of plan) {
        if (change.action === 'update' && existsSync(join(repo, change.path))) {
          copyFileSync(join(repo, change.path), join(repo, change.path + BACKUP_SUFFIX));
          backups.push(change.path + BACKUP_SUFFIX);
        }
      }
      applyPlan(staging, repo, plan);
    }
    return { detection, options: adopted, conflicts, plan, backups };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

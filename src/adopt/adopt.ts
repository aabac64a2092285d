import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { InvalidInputError } from '../errors.js';
import { applyPlan } from '../cli/apply.js';
import { computePlan, synthesize, type PlannedChange } from '../cli/plan.js';
import { passesJobArgument } from '../components/kubernetes/pod-template.js';
import { policy } from '../policy/index.js';
import type { BatchJobOptions, BatchJobProjectOptions } from '../project/options.js';
import { assertName } from '../project/validate.js';
import { findAbove } from '../util/msbuild-eval.js';
import { MAX_NAME_LENGTH } from '../util/names.js';
import { assertNotAdopted, chooseApp } from './choose.js';
import { detect, type DetectedProject, type Detection } from './detect.js';

/**
 * Where `batch-job migrate` plugs into adoption: given the adopted app's directory (absolute), it returns the jobs
 * its in-process schedules become (the ones `migrate --write` would write). Adoption records them in `.projenrc.ts`
 * instead of the single default job only when the adopted app's CronJobs can run one job each
 * ({@link passesJobArgument}); otherwise they are returned as `heldJobs`, for the caller to report.
 */
export type AdoptScheduleScanner = (appDir: string) => { readonly jobs: readonly BatchJobOptions[] } | undefined;

/** Finds the repo's projects and refuses what cannot be adopted, before any question is asked. */
export function detectForAdoption(repo: string): Detection {
  if (!existsSync(repo) || !statSync(repo).isDirectory()) {
    throw new InvalidInputError('directory-invalid', 'directory', repo, 'batch-job adopt path/to/dotnet-repo', 'not a folder');
  }
  assertNotAdopted(repo);
  const detection = detect(repo, policy);
  if (detection.projects.length === 0 && detection.unreadable.length === 0) throw new InvalidInputError('option-invalid', 'directory', repo, 'batch-job adopt path/to/dotnet-repo', 'no .csproj found');
  return detection;
}

export interface AdoptOptions {
  readonly repo: string;
  /** Overwrite existing files the policy manages, keeping a backup next to each. @default false */
  readonly force?: boolean;
  /** Show what would happen; write nothing. @default false */
  readonly dryRun?: boolean;
  /** Repository name. @default - the folder name, made a DNS label */
  readonly name?: string;
  /**
   * The app's project (`--app`), relative to the repo or to `cwd`; required when several apps qualify.
   * @default - the only app of the repository
   */
  readonly app?: string;
  /** Folder `--app` may be relative to. @default process.cwd() */
  readonly cwd?: string;
  /** A detection already made (the CLI detects first, to ask which app). @default - detected here */
  readonly detection?: Detection;
  /** The `batch-job migrate` hook. @default - none: one default job */
  readonly scanSchedules?: AdoptScheduleScanner;
}

/** An existing file the policy would rewrite: kept (and left unmanaged) unless `--force`. */
export interface Conflict {
  readonly path: string;
  readonly diff: string;
}

export interface AdoptResult {
  readonly detection: Detection;
  /** The project adopted as the app. */
  readonly app: DetectedProject;
  /** Its framework when the policy supports it; otherwise the policy default applies. */
  readonly framework: string | undefined;
  readonly options: BatchJobProjectOptions;
  readonly conflicts: readonly Conflict[];
  readonly plan: readonly PlannedChange[];
  /** Backups written with `--force`. */
  readonly backups: readonly string[];
  /**
   * Jobs the schedule scanner found that were not written to `.projenrc.ts`: the adopted app cannot run one job per
   * CronJob yet (no job host reads the job argument), so each CronJob would start the whole app.
   */
  readonly heldJobs: readonly BatchJobOptions[];
  /** Whether the adopted app's CronJobs can run one job each, so migrated schedules are written as jobs. */
  readonly jobsRunnable: boolean;
}

/** Suffix of the copy `--force` keeps of a file it overwrites. */
export const BACKUP_SUFFIX = '.pre-adopt';

/** `My_Service` → `my-service`: the folder name as a DNS label, when no --name is given. */
function nameFromFolder(repo: string): string {
  return basename(repo).toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, MAX_NAME_LENGTH).replace(/-+$/, '') || 'batch-job';
}

/**
 * Copies the repo's project and MSBuild files into the staging folder before synthesis, so the generator reads the
 * repo as it is: the Dockerfile's restore layer lists the projects the app references and the props files restore
 * reads (imports, central versions) on the first synthesis, not only after a re-sync. They are not managed files,
 * so the plan keeps them as they are.
 */
function stageBuildInputs(repo: string, staging: string, detection: Detection): void {
  const files = new Set<string>();
  for (const project of detection.projects) {
    files.add(project.path);
    for (const imported of project.imports) files.add(imported);
    const targets = findAbove(dirname(join(repo, project.path)), 'Directory.Build.targets', repo);
    if (targets) files.add(relative(repo, targets).split(sep).join('/'));
  }
  for (const file of files) {
    mkdirSync(dirname(join(staging, file)), { recursive: true });
    copyFileSync(join(repo, file), join(staging, file));
  }
}

/**
 * Takes an existing .NET repo under the policy: writes `.projenrc.ts` and the managed files around the app
 * it finds, never touching its code. Staging happens inside the repo, so nothing outside it is written.
 */
export function adopt(options: AdoptOptions): AdoptResult {
  const { repo } = options;
  const detection = options.detection ?? detectForAdoption(repo);
  const app = chooseApp(detection, repo, options.app, options.cwd);
  if (!app.path.includes('/')) {
    throw new InvalidInputError('option-invalid', 'directory', app.path, 'src/App/App.csproj', 'the app project must sit in a folder, not at the repo root');
  }
  const framework = app.targetFrameworks.find((t) => Object.hasOwn(policy.frameworks, t));
  const migrated = options.scanSchedules?.(join(repo, dirname(app.path)))?.jobs ?? [];
  // Adoption always keeps the app's own command line (existingApp).
  const runnable = passesJobArgument(true);
  const jobs = runnable ? migrated : [];
  const name = assertName('name', options.name ?? nameFromFolder(repo));
  const base: BatchJobProjectOptions = {
    name,
    ...(framework && framework !== policy.defaultFramework ? { framework: framework as 'net8.0' } : {}),
    existingApp: { project: app.path },
    ...(jobs.length > 0 ? { jobs } : {}),
    // Pipelines follow the system the repo already uses.
    ...(detection.ci.includes('azure-pipelines.yml') ? { ci: 'azure' as const } : detection.ci.includes('.gitlab-ci.yml') ? { ci: 'gitlab' as const } : {}),
  };

  const staging = join(repo, `.batch-job-adopt-${process.pid}`);
  try {
    // First pass: which existing files would the policy rewrite?
    stageBuildInputs(repo, staging, detection);
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
    stageBuildInputs(repo, staging, detection);
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
    return { detection, app, framework, options: adopted, conflicts, plan, backups, heldJobs: runnable ? [] : migrated, jobsRunnable: runnable };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { InvalidInputError } from '../errors.js';
import { applyPlan } from '../cli/apply.js';
import { computePlan, synthesize, type PlannedChange } from '../cli/plan.js';
import { passesJobArgument } from '../components/kubernetes/pod-template.js';
import { policy } from '../policy/index.js';
import type { BatchJobProjectOptions } from '../project/options.js';
import { assertName, jobHostProject } from '../project/validate.js';
import type { Detected } from '../migrate/detect/common.js';
import type { MigrationReport } from '../migrate/report.js';
import { annotateJobs, proposeJobs } from '../migrate/write-back.js';
import { planJobHost, type HeldJob } from './job-host.js';
import { findAbove } from '../util/msbuild-eval.js';
import { MAX_NAME_LENGTH } from '../util/names.js';
import { assertNotAdopted, chooseApp } from './choose.js';
import { detect, type DetectedProject, type Detection } from './detect.js';

/**
 * Where `batch-job migrate` plugs into adoption: given the adopted app's directory (absolute), it returns the
 * migration report of its in-process schedules and what the scan detected (the calls job classes make). Adoption
 * then adds a managed job host next to the app and records each schedule whose work the host can call as a job in
 * `.projenrc.ts`, with its job class; the others are returned as `heldJobs`, for the caller to report.
 */
export type AdoptScheduleScanner = (appDir: string) => { readonly report: MigrationReport; readonly detected: readonly Detected[] } | undefined;

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
  /**
   * Add a managed console job host next to the app (`--job-host`), so the CronJobs run one job each.
   * @default - true when the scanner found schedules (decided or not), false otherwise
   */
  readonly jobHost?: boolean;
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
   * Jobs the schedule scanner found that were not written to `.projenrc.ts`, each with why: without a job host
   * (`jobHost: false`) every CronJob would start the whole app; with one, the job's code must be callable from it.
   */
  readonly heldJobs: readonly HeldJob[];
  /** Whether the adopted app's CronJobs can run one job each, so migrated schedules are written as jobs. */
  readonly jobsRunnable: boolean;
  /** The job host added next to the app, when there is one. */
  readonly jobHost?: { readonly project: string; readonly references: readonly string[]; readonly classes: readonly string[] };
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
  const scan = options.scanSchedules?.(join(repo, dirname(app.path)));
  // Any schedule, even one still waiting for a decision: its job class needs the host once it is decided.
  const withHost = options.jobHost ?? (scan?.report.schedules.length ?? 0) > 0;
  const hostProject = jobHostProject(app.path);
  if (withHost && detection.projects.some((p) => p.path === hostProject)) {
    throw new InvalidInputError('option-conflict', 'job-host', hostProject, `git mv ${dirname(hostProject)} ${dirname(hostProject)}.Old`, 'a project is already where the job host goes; move or rename it, then adopt again');
  }
  const hostName = hostProject.split('/').pop()!.replace(/\.csproj$/, '');
  const hostDir = dirname(hostProject);
  const plan = withHost && scan ? planJobHost(repo, detection, app, scan.report, scan.detected, hostDir, hostName) : undefined;
  const runnable = passesJobArgument(true, withHost);
  const jobs = plan?.jobs.map((j) => j.job) ?? [];
  // Without a job host, every job migrate would write is held (with one, planJobHost proposed them already).
  const withoutHost = plan || !scan ? [] : proposeJobs(scan.report, new Set()).jobs;
  const heldJobs: HeldJob[] = plan ? [...plan.held] : withoutHost.map((p) => ({ job: { name: p.name, schedule: p.schedule, timeZone: p.timeZone }, where: `${p.entry.file}:${p.entry.line}`, reason: { kind: 'no-job-host' } }));
  const name = assertName('name', options.name ?? nameFromFolder(repo));
  const base: BatchJobProjectOptions = {
    name,
    ...(framework && framework !== policy.defaultFramework ? { framework: framework as 'net8.0' } : {}),
    existingApp: { project: app.path, ...(withHost ? { jobHost: true } : {}), ...(plan && plan.references.length > 0 ? { jobHostReferences: plan.references } : {}) },
    ...(jobs.length > 0 ? { jobs } : {}),
    // Pipelines follow the system the repo already uses.
    ...(detection.ci.includes('azure-pipelines.yml') ? { ci: 'azure' as const } : detection.ci.includes('.gitlab-ci.yml') ? { ci: 'gitlab' as const } : {}),
  };
  // Staged before synthesis: the host's Program.cs registers the classes it finds, and `.projenrc.ts` says where
  // each job came from, so `migrate --write` leaves them alone.
  const prepare = (staging: string) => {
    stageBuildInputs(repo, staging, detection);
    for (const c of plan?.classes ?? []) {
      mkdirSync(dirname(join(staging, c.path)), { recursive: true });
      writeFileSync(join(staging, c.path), c.text);
    }
  };
  const annotate = (staging: string) => {
    const projenrc = join(staging, '.projenrc.ts');
    if (plan && plan.jobs.length > 0 && existsSync(projenrc)) {
      writeFileSync(projenrc, annotateJobs(readFileSync(projenrc, 'utf8'), new Map(plan.jobs.map((j) => [j.job.name, j.comment]))));
    }
  };

  const staging = join(repo, `.batch-job-adopt-${process.pid}`);
  try {
    // First pass: which existing files would the policy rewrite?
    prepare(staging);
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
    prepare(staging);
    synthesize(adopted, staging);
    annotate(staging);
    const changes = computePlan(staging, repo);
    const backups: string[] = [];
    if (!options.dryRun) {
      for (const change of changes) {
        if (change.action === 'update' && existsSync(join(repo, change.path))) {
          copyFileSync(join(repo, change.path), join(repo, change.path + BACKUP_SUFFIX));
          backups.push(change.path + BACKUP_SUFFIX);
        }
      }
      applyPlan(staging, repo, changes);
    }
    return {
      detection, app, framework, options: adopted, conflicts, plan: changes, backups, heldJobs, jobsRunnable: runnable,
      ...(withHost ? { jobHost: { project: hostProject, references: plan?.references ?? [], classes: (plan?.classes ?? []).map((c) => c.path) } } : {}),
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

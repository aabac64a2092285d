import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { createContext } from './context.js';
import { applyExemptions } from './exemptions.js';
import { sortFindings, type CheckFinding, type RepoReport } from './finding.js';
import { checkCSharp } from './rules/csharp.js';
import { checkDockerfiles } from './rules/dockerfile.js';
import { checkDotnetPackages } from './rules/dotnet-packages.js';
import { checkJobRegistrations } from './rules/job-registration.js';
import { checkKubernetes } from './rules/kubernetes.js';
import { checkSecrets } from './rules/secrets.js';
import { defaultThreads, prepareInParallel } from './pool.js';
import { DEFAULT_MAX_FILE_BYTES, memoryRepository, walkRepository, type RepoFiles, type WalkLimits } from './walk.js';

export interface CheckOptions {
  /** Spawn `kubectl kustomize` for kustomize folders when kubectl is on PATH. @default true */
  readonly kubectl?: boolean;
  /** The day exemptions are compared with. @default today */
  readonly today?: Date;
  readonly limits?: WalkLimits;
  /**
   * A repository with at least this many listed files shares its per-file work between threads (`pool.ts`); a
   * smaller one is checked in this thread, since starting a worker costs more than it saves there. Also read from
   * `BATCH_JOB_CHECK_POOL_MIN_FILES` (0 forces the pool, e.g. in tests). With kubectl, manifests are still parsed
   * and validated in this thread (rendering needs every object here).
   * @default 6000
   */
  readonly poolMinFiles?: number;
  /**
   * Threads sharing that work, this one included. Also read from `BATCH_JOB_CHECK_THREADS`.
   * @default one per core that the load average leaves idle (`defaultThreads` in pool.ts), at least 1
   */
  readonly threads?: number;
}

const wholeNumber = (value: string | undefined): number | undefined => (value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined);

/**
 * Below this many files a worker's start-up (Node bootstrap, the check's modules, a second JIT warm-up: ≈ 0.3 s of
 * CPU on this machine) is not earned back. Estimated from the benchmark tree (≈ 0.12 ms of CPU per file, ~75% of it
 * per-file work a second thread halves), not timed on an idle machine: the shared one never had an idle core.
 */
const POOL_MIN_FILES = 6000;

function poolMinFiles(options: CheckOptions): number {
  return options.poolMinFiles ?? wholeNumber(process.env.BATCH_JOB_CHECK_POOL_MIN_FILES) ?? POOL_MIN_FILES;
}

let kubectlFound: boolean | undefined;
function hasKubectl(): boolean {
  kubectlFound ??= spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  return kubectlFound;
}

/** Runs every rule family over one repository's files (from disk or memory). Drift is added by the caller. */
export async function checkFiles(files: RepoFiles, options: CheckOptions & { root?: string; name?: string } = {}): Promise<RepoReport> {
  const { context, findings } = createContext(files, { kubectl: options.root !== undefined && (options.kubectl ?? true) && hasKubectl(), root: options.root });
  checkDotnetPackages(context);
  await checkCSharp(context);
  await checkJobRegistrations(context);
  await checkKubernetes(context);
  checkDockerfiles(context);
  checkSecrets(context);
  const before = findings.splice(0, findings.length);
  const { kept, exempted } = applyExemptions(context, before, options.today ?? new Date());
  return {
    name: options.name ?? '.',
    root: options.root ?? '',
    filesScanned: files.paths.length,
    findings: sortFindings([...kept, ...findings]),
    exempted: sortFindings(exempted),
    notes: files.notes,
  };
}

export async function checkDirectory(root: string, name: string, options: CheckOptions = {}): Promise<RepoReport> {
  let files = walkRepository(root, options.limits);
  const threads = options.threads ?? wholeNumber(process.env.BATCH_JOB_CHECK_THREADS) ?? defaultThreads();
  if (threads > 1 && files.paths.length >= poolMinFiles(options)) {
    const kubectl = (options.kubectl ?? true) && hasKubectl();
    files = await prepareInParallel(files, { root, maxBytes: options.limits?.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES, threads, validate: !kubectl });
  }
  try {
    return await checkFiles(files, { ...options, root, name });
  } finally {
    await files.prepared?.close();
  }
}

export async function checkMemory(files: ReadonlyMap<string, string>, options: CheckOptions = {}): Promise<RepoReport> {
  return checkFiles(memoryRepository(files), { ...options, kubectl: false });
}

export function withFindings(report: RepoReport, extra: readonly CheckFinding[]): RepoReport {
  return { ...report, findings: sortFindings([...report.findings, ...extra]) };
}

/**
 * What to scan for the given paths: each path is one repository, except a single folder that is not itself a git
 * repository but whose children are: then each child is one (an organisation's checkouts).
 */
export function repositoriesFor(paths: readonly string[], cwd: string): { root: string; name: string }[] {
  const roots = (paths.length === 0 ? ['.'] : paths).map((p) => resolve(cwd, p));
  if (roots.length === 1 && !existsSync(join(roots[0]!, '.git'))) {
    const children = readdirSync(roots[0]!)
      .sort()
      .map((c) => join(roots[0]!, c))
      .filter((c) => statSync(c).isDirectory() && existsSync(join(c, '.git')));
    if (children.length > 0) return children.map((root) => ({ root, name: basename(root) }));
  }
  return roots.map((root) => ({ root, name: paths.length === 0 ? '.' : basename(root) || root }));
}

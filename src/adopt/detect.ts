import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { matchesBanned, type Policy } from '../policy/index.js';
import { evaluateProject, MsbuildFileError, type PackageItem } from '../util/msbuild-eval.js';
import { solutionProjects } from './solution.js';

/**
 * What a project is, for adoption. Only `app` can run as a Job: an executable (`OutputType` Exe, which the Web and
 * Worker SDKs imply) that is not a test project, not an Aspire AppHost (it orchestrates other apps) and not a
 * Blazor WebAssembly app (it runs in a browser).
 */
export type ProjectRole = 'app' | 'library' | 'test' | 'aspire-host' | 'browser-app';

// Kept here too for existing importers; it lives with the policy so `check` need not load the XML parser.
export { matchesBanned };

/** A project file found in the repo, with what adoption needs to know about it. */
export interface DetectedProject {
  /** Path relative to the repo root, POSIX separators. */
  readonly path: string;
  /** The main SDK (`Microsoft.NET.Sdk.Web`…); '' for a project without one (legacy, non-SDK style). */
  readonly sdk: string;
  readonly outputType: string | undefined;
  readonly targetFrameworks: readonly string[];
  /** Repository-relative file the target framework is set in (the project itself or an inherited props file). */
  readonly frameworkSource: string | undefined;
  readonly isTest: boolean;
  readonly role: ProjectRole;
  /** Listed in a solution of the repo (always true when the repo has none). */
  readonly inSolution: boolean;
  /** Package references with the version restore would use (central versions resolved). */
  readonly packages: readonly PackageItem[];
  readonly projectReferences: readonly string[];
  /** MSBuild files the evaluation read (the project, `Directory.Build.props` and what it imports…). */
  readonly imports: readonly string[];
  readonly unresolvedImports: readonly string[];
  /** Central package management in effect for this project, if any. */
  readonly centralPackages?: CentralPackages;
}

/** A file adopt could not read (permissions, malformed XML): reported, and the rest is still scanned. */
export interface UnreadableFile {
  readonly path: string;
  readonly reason: string;
}

export interface BannedPackageUse {
  readonly project: string;
  readonly package: string;
  readonly version?: string;
  readonly pattern: string;
  readonly reason: string;
}

/** Central package management as found in the repo (`Directory.Packages.props` with `ManagePackageVersionsCentrally`). */
export interface CentralPackages {
  readonly file: string;
  readonly versions: readonly PackageItem[];
}

/** What `batch-job adopt` found in an existing .NET repository. */
export interface Detection {
  readonly solutions: readonly string[];
  /** Every `.csproj` of the tree, evaluated; `inSolution` marks those a solution lists. */
  readonly projects: readonly DetectedProject[];
  /** Projects that can run as a job (`role: 'app'`, in a solution when there is one), sorted by path. */
  readonly candidates: readonly DetectedProject[];
  /** Project or solution files (or folders) that could not be read; they are left out, never guessed. */
  readonly unreadable: readonly UnreadableFile[];
  /** Projects a solution lists that are not on disk. */
  readonly missingProjects: readonly string[];
  readonly centralPackages: readonly CentralPackages[];
  readonly dockerfiles: readonly string[];
  readonly manifests: readonly string[];
  readonly ci: readonly string[];
  readonly banned: readonly BannedPackageUse[];
}

const SKIP = new Set(['.git', 'node_modules', 'bin', 'obj', '.vs', '.idea', 'TestResults', 'artifacts']);

const rel = (root: string, full: string) => relative(root, full).split(sep).join('/');

/** Why a file could not be read, in a few words (the errno code or the parser's message). */
function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code) return code;
  return error instanceof MsbuildFileError ? `${error.line ? `line ${error.line}: ` : ''}${error.detail}` : (error as Error).message;
}

function walk(root: string, unreadable: UnreadableFile[], dir = root, out: string[] = []): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (error) {
    if (dir === root) throw error;
    unreadable.push({ path: `${rel(root, dir)}/`, reason: reasonOf(error) });
    return out;
  }
  for (const entry of entries) {
    if (SKIP.has(entry) || entry.startsWith('.batch-job-adopt-')) continue;
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(root, unreadable, full, out);
    else out.push(rel(root, full));
  }
  return out;
}

function roleOf(sdk: string, props: ReadonlyMap<string, string>, isTest: boolean): ProjectRole {
  if (isTest) return 'test';
  if (props.get('isaspirehost') === 'true') return 'aspire-host';
  if (sdk.toLowerCase() === 'microsoft.net.sdk.blazorwebassembly') return 'browser-app';
  return props.get('outputtype')?.toLowerCase() === 'exe' ? 'app' : 'library';
}

/** Evaluates one project (repository-relative path) the way MSBuild would see its properties and packages. */
export function detectProject(repo: string, path: string, inSolution: boolean): DetectedProject {
  const ev = evaluateProject(repo, join(repo, path));
  const props = ev.properties;
  const tfmKey = props.get('targetframeworks') ? 'targetframeworks' : 'targetframework';
  const targetFrameworks = (props.get(tfmKey) ?? '').split(';').map((t) => t.trim()).filter(Boolean);
  const sdk = ev.sdks.find((s) => s.toLowerCase().startsWith('microsoft.net.sdk')) ?? ev.sdks[0] ?? '';
  const isTest =
    props.get('istestproject') === 'true' ||
    ev.sdks.some((s) => s.toLowerCase() === 'mstest.sdk') ||
    ev.packageReferences.some((p) => p.id.toLowerCase() === 'microsoft.net.test.sdk');
  return {
    path,
    sdk,
    outputType: props.get('outputtype'),
    targetFrameworks,
    frameworkSource: targetFrameworks.length > 0 ? ev.propertySource.get(tfmKey) : undefined,
    isTest,
    role: roleOf(sdk, props, isTest),
    inSolution,
    packages: ev.packageReferences,
    projectReferences: ev.projectReferences,
    imports: ev.imports,
    unresolvedImports: ev.unresolvedImports,
    ...(ev.centralPackages ? { centralPackages: ev.centralPackages } : {}),
  };
}

/** Looks at an existing repo without changing it. */
export function detect(repo: string, policy: Policy): Detection {
  const unreadable: UnreadableFile[] = [];
  const files = walk(repo, unreadable);
  const solutions = files.filter((f) => /\.slnx?$/i.test(f)).sort();
  const listed = new Set<string>();
  let readSolutions = 0;
  for (const solution of solutions) {
    try {
      for (const p of solutionProjects(repo, solution)) listed.add(p);
      readSolutions++;
    } catch (error) {
      unreadable.push({ path: solution, reason: reasonOf(error) });
    }
  }
  const onDisk = files.filter((f) => f.endsWith('.csproj')).sort();
  // Without a (readable) solution every project of the tree counts; with one, only what it builds can be the app.
  const inSolution = (path: string) => readSolutions === 0 || listed.has(path);
  const projects: DetectedProject[] = [];
  for (const path of onDisk) {
    try {
      projects.push(detectProject(repo, path, inSolution(path)));
    } catch (error) {
      // A broken imported file (a shared props) is named in the reason; the entry stays the project's.
      const where = error instanceof MsbuildFileError && error.file !== path ? `${error.file}: ` : '';
      unreadable.push({ path, reason: `${where}${reasonOf(error)}` });
    }
  }
  const missingProjects = [...listed].filter((p) => p.endsWith('.csproj') && !existsSync(join(repo, p))).sort();

  const centralByFile = new Map<string, CentralPackages>();
  for (const project of projects) {
    const central = project.centralPackages;
    if (central) centralByFile.set(central.file, central);
  }
  const banned: BannedPackageUse[] = [];
  const seen = new Set<string>();
  const report = (project: string, pkg: PackageItem) => {
    const rule = policy.bannedPackages.find((b) => matchesBanned(pkg.id, b));
    const key = `${project}\0${pkg.id.toLowerCase()}`;
    if (!rule || seen.has(key)) return;
    seen.add(key);
    banned.push({ project, package: pkg.id, ...(pkg.version ? { version: pkg.version } : {}), pattern: rule.pattern, reason: rule.reason });
  };
  for (const project of projects) for (const pkg of project.packages) report(project.path, pkg);
  // A central version is listed even when no project references it yet: the build guard refuses PackageVersion items too.
  for (const central of centralByFile.values()) for (const pkg of central.versions) report(central.file, pkg);

  const isManifest = (f: string) =>
    /\.ya?ml$/.test(f) && !f.startsWith('.github/') && /^\s*kind:\s*(CronJob|Job|Deployment|Ingress|Service)\s*$/m.test(readFileSync(join(repo, f), 'utf8'));
  return {
    solutions,
    projects,
    candidates: projects.filter((p) => p.role === 'app' && p.inSolution),
    unreadable,
    missingProjects,
    centralPackages: [...centralByFile.values()],
    dockerfiles: files.filter((f) => /(^|\/)Dockerfile(\.[\w-]+)?$/.test(f)),
    manifests: files.filter(isManifest),
    ci: files.filter((f) => f.startsWith('.github/workflows/') || f === 'azure-pipelines.yml' || f === '.gitlab-ci.yml'),
    banned,
  };
}

/**
 * MSBuild imports only the nearest `Directory.Build.props`. When that is a nested one which does not chain up to the
 * root, the policy's root `Directory.Build.props` (analyzers, warnings as errors) never reaches the project: returns
 * that nested file, so adopt can say so instead of leaving the policy silently unapplied.
 */
export function shadowingProps(project: DetectedProject): string | undefined {
  const nearest = project.imports.find((f) => f.endsWith('Directory.Build.props'));
  if (!nearest || nearest === 'Directory.Build.props' || project.imports.includes('Directory.Build.props')) return undefined;
  return nearest;
}

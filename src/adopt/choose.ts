import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Detection, DetectedProject, ProjectRole } from './detect.js';

/** Why the app to adopt could not be settled; the CLI words it (English or Spanish) and exits 2. */
export type AppChoiceProblem =
  /** Several apps qualify and neither `--app` nor a prompt chose one. */
  | 'ambiguous'
  /** `--app` names something that is not a candidate. */
  | 'not-candidate'
  /** The repo has projects but none can run as a job. */
  | 'none'
  /** The repo already has a `.projenrc.ts` (adopted or created): one app per repository. */
  | 'already-adopted';

/** Why a path given to `--app` is not a candidate. */
export type NotCandidateReason = Exclude<ProjectRole, 'app'> | 'not-found' | 'not-in-solution' | 'unreadable';

export class AppChoiceError extends Error {
  constructor(
    readonly problem: AppChoiceProblem,
    /** Candidate project paths (repository-relative), for the message. */
    readonly candidates: readonly string[],
    /** The `--app` value as given. */
    readonly given?: string,
    readonly reason?: NotCandidateReason,
    /** Number of projects looked at (for `none`). */
    readonly projectCount = 0,
    /** Files that could not be read, `path (reason)`, which may hide the app (for `none` and `unreadable`). */
    readonly unreadable: readonly string[] = [],
  ) {
    super(`${problem}${given ? ` ${JSON.stringify(given)}` : ''}${reason ? ` (${reason})` : ''}; candidates: ${candidates.join(', ') || 'none'}`);
    this.name = 'AppChoiceError';
  }
}

const toPosix = (p: string) => p.split(sep).join('/');

/**
 * The project `--app` names, as a repository-relative path: relative to the repo first (what the listing shows),
 * then to the working directory (what shell completion gives). A folder holding exactly one project names it.
 */
function locate(detection: Detection, repo: string, given: string, cwd: string): DetectedProject | undefined {
  const bases = [resolve(repo), resolve(cwd)];
  for (const base of bases) {
    const rel = toPosix(relative(resolve(repo), resolve(base, given.replaceAll('\\', '/'))));
    const exact = detection.projects.find((p) => p.path === rel);
    if (exact) return exact;
    const inFolder = detection.projects.filter((p) => p.path.split('/').slice(0, -1).join('/') === rel);
    if (inFolder.length === 1) return inFolder[0];
  }
  return undefined;
}

/**
 * The app to adopt: the one `--app` names (it must be a candidate), else the only candidate. Several candidates
 * without `--app` is a question for the user, never a guess: a console app is not "more of a job" than a worker.
 */
export function chooseApp(detection: Detection, repo: string, given: string | undefined, cwd = process.cwd()): DetectedProject {
  const candidates = detection.candidates.map((p) => p.path);
  const unreadable = detection.unreadable.map((u) => `${u.path} (${u.reason})`);
  if (given !== undefined) {
    const project = locate(detection, repo, given, cwd);
    if (project && detection.candidates.includes(project)) return project;
    const broken = project ? undefined : detection.unreadable.find((u) => u.path === toPosix(relative(resolve(repo), resolve(repo, given.replaceAll('\\', '/')))));
    if (broken) throw new AppChoiceError('not-candidate', candidates, given, 'unreadable', 0, [`${broken.path} (${broken.reason})`]);
    const reason: NotCandidateReason = !project ? 'not-found' : project.role !== 'app' ? project.role : 'not-in-solution';
    throw new AppChoiceError('not-candidate', candidates, given, reason);
  }
  if (detection.candidates.length === 1) return detection.candidates[0]!;
  if (detection.candidates.length === 0) throw new AppChoiceError('none', [], undefined, undefined, detection.projects.length, unreadable);
  throw new AppChoiceError('ambiguous', candidates);
}

/** Adoption writes one project definition per repository; a second run would fight the first over shared files. */
export function assertNotAdopted(repo: string): void {
  if (existsSync(join(repo, '.projenrc.ts'))) throw new AppChoiceError('already-adopted', []);
}

import { StepFailedError } from '../errors.js';

export interface InstallStep {
  /** Shown to the user, e.g. `npm install`. */
  readonly title: string;
  readonly command: string;
  readonly args: readonly string[];
}

/**
 * The steps that make a generated repo usable at once. `selfSpec` installs this package from a local
 * tarball or folder when the pinned version is not on the registry (unreleased builds, tests); the managed
 * package.json is not rewritten.
 */
export function installSteps(appName: string, selfSpec?: string): InstallStep[] {
  const npmArgs = ['install', '--no-audit', '--no-fund', '--loglevel=error'];
  const npm: InstallStep = selfSpec
    ? { title: 'npm install', command: 'npm', args: [...npmArgs, '--no-save', '--no-package-lock', selfSpec] }
    : { title: 'npm install', command: 'npm', args: npmArgs };
  return [npm, { title: 'dotnet restore', command: 'dotnet', args: ['restore', `${appName}.sln`, '--verbosity', 'quiet'] }];
}

/** How much of a failed step's output to show: its end is where the cause usually is. */
const TAIL_LINES = 40;

/** Runs one step in `cwd`, reporting progress; a failure carries the end of its output. */
export async function runStep(
  step: InstallStep,
  cwd: string,
  signal: AbortSignal,
  progress: (line: string) => void,
): Promise<void> {
  const started = Date.now();
  // execa (over a hundred modules) is loaded by the runs that install, not by `--no-install` or `--dry-run`.
  const { execa } = await import('execa');
  const result = await execa(step.command, step.args, {
    cwd,
    all: true,
    reject: false,
    cancelSignal: signal,
    env: { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' },
  });
  if (result.isCanceled) return;
  if (result.failed) {
    const output = (result.all ?? result.message).split('\n').slice(-TAIL_LINES).join('\n');
    throw new StepFailedError(`${step.title} (${step.command} ${step.args.join(' ')})`, output);
  }
  progress(`✔ ${step.title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

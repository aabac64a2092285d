import { execa, type Options, type ResultPromise } from 'execa';

/**
 * Environment for the generated .NET projects here: only a .NET 10 runtime is installed, so net8.0 output
 * rolls forward to it (a test-machine concern, not something the generated repo sets).
 */
export const dotnetEnv = {
  DOTNET_CLI_TELEMETRY_OPTOUT: '1',
  DOTNET_NOLOGO: '1',
  DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1',
  DOTNET_ROLL_FORWARD: 'Major',
  MSBUILDDISABLENODEREUSE: '1',
};

export async function dotnet(args: readonly string[], cwd: string, options: Options = {}): Promise<{ exitCode: number; all: string }> {
  const result = await execa('dotnet', args, { ...options, cwd, reject: false, all: true, env: { ...dotnetEnv, ...(options.env ?? {}) }, timeout: options.timeout ?? 600_000 });
  return { exitCode: result.exitCode ?? -1, all: String(result.all) };
}

/** Starts the built app the way the container does: `dotnet <App>.dll <job>`. */
export function startApp(dll: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): ResultPromise {
  return execa('dotnet', [dll, ...args], { cwd, reject: false, env: { ...dotnetEnv, ...env }, timeout: 300_000 });
}

/** Resolves once the started app writes `text` to stdout (e.g. its first log line), so a signal hits a running job. */
export function waitForOutput(child: ResultPromise, text: string, timeoutMs = 60_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${text}" on stdout after ${timeoutMs} ms`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(text)) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** Parses MSBuild's summary: the number of warnings of the last build in the output. */
export function warningCount(output: string): number {
  const match = [...output.matchAll(/^\s*(\d+) Warning\(s\)/gm)].pop();
  if (!match) throw new Error(`no MSBuild warning summary in:\n${output.slice(-2000)}`);
  return Number(match[1]);
}

/** Every non-empty stdout line must be one JSON object (the job contract's logging). */
export function jsonLines(stdout: string): Record<string, unknown>[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const value = JSON.parse(line) as unknown;
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`not a JSON object line: ${line}`);
      return value as Record<string, unknown>;
    });
}

/**
 * The enabled NuGet sources this machine's configuration gives `cwd` (`dotnet nuget list source`): the feeds a
 * clean build environment may read, since they are what the project is configured to restore from here.
 */
export async function configuredNuGetSources(cwd: string): Promise<string[]> {
  const listed = await dotnet(['nuget', 'list', 'source', '--format', 'short'], cwd);
  if (listed.exitCode !== 0) throw new Error(`dotnet nuget list source failed:\n${listed.all}`);
  const sources = listed.all.split('\n').map((line) => /^\s*E\S*\s+(\S.*)$/.exec(line)?.[1]?.trim()).filter((s): s is string => !!s);
  if (sources.length === 0) throw new Error(`no enabled NuGet source:\n${listed.all}`);
  return sources;
}

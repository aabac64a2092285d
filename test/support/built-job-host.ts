import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BatchJobProjectOptions } from '../../src/project/options.js';
import { repoRoot } from './cli.js';
import { dotnet } from './dotnet.js';
import { synthFiles } from './synth.js';

/** Git-ignored: one folder per build input hash. */
const CACHE_ROOT = join(repoRoot, '.cache/job-host');
const PROBES = join(repoRoot, 'test/fixtures/job-host/Probes.cs.txt');
const MARKER = '.built';

export interface BuiltJobHost {
  /** Root of the generated repository the app was built in. */
  dir: string;
  /** The app's `<App>.dll` (run with `dotnet <dll> <job>`). */
  dll: string;
  /** Whether this call built it (false: reused from the cache). */
  built: boolean;
}

/**
 * The generated app of `options` with the probe jobs (test/fixtures/job-host) registered, built once per distinct
 * input: the cache key is a hash of every synthesised file and the probes, so a change to the job host's template,
 * the generator or the probes rebuilds it, and an unchanged tree costs only the synthesis. The build runs in a
 * private folder renamed into place when done, so a concurrent or interrupted run never sees half a build.
 */
export async function builtJobHost(options: Omit<BatchJobProjectOptions, 'outdir'>): Promise<BuiltJobHost> {
  const files = synthFiles(options);
  const csproj = [...files.keys()].find((path) => /^src\/([^/]+)\/\1\.csproj$/.test(path));
  if (!csproj) throw new Error(`no src/<App>/<App>.csproj among: ${[...files.keys()].join(', ')}`);
  const app = csproj.split('/')[1]!;
  const probes = readFileSync(PROBES, 'utf8').replaceAll('__APP__', app);

  const hash = createHash('sha256');
  for (const path of [...files.keys()].sort()) hash.update(`${path}\0${files.get(path)}\0`);
  hash.update(probes);
  const key = hash.digest('hex').slice(0, 20);
  const dir = join(CACHE_ROOT, key);
  if (existsSync(join(dir, MARKER))) return { dir, dll: appDll(dir, app), built: false };

  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const [path, content] of files) {
    mkdirSync(dirname(join(staging, path)), { recursive: true });
    writeFileSync(join(staging, path), content);
  }
  writeFileSync(join(staging, `src/${app}/Probes.cs`), probes);
  const program = join(staging, `src/${app}/Program.cs`);
  const source = readFileSync(program, 'utf8');
  const lastRegistration = [...source.matchAll(/^\s*jobs\.Add<.*;$/gm)].pop();
  if (!lastRegistration) throw new Error(`no jobs.Add<...> registration in Program.cs:\n${source}`);
  const end = lastRegistration.index + lastRegistration[0].length;
  writeFileSync(program, `${source.slice(0, end)}\n    Probes.Register(jobs);${source.slice(end)}`);

  // Analyzers off: this build is about the host's behaviour; the e2e layer builds with them and -warnaserror.
  const build = await dotnet(['build', `src/${app}`, '-p:RunAnalyzers=false', '-nologo'], staging);
  if (build.exitCode !== 0) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`dotnet build of the generated job host failed:\n${build.all.slice(-4000)}`);
  }
  writeFileSync(join(staging, MARKER), `${new Date().toISOString()}\n`);
  // Older keys are stale builds of earlier templates: keep the cache to one entry.
  for (const entry of existsSync(CACHE_ROOT) ? readdirSync(CACHE_ROOT) : []) {
    if (entry !== key && !entry.includes('.tmp-')) rmSync(join(CACHE_ROOT, entry), { recursive: true, force: true });
  }
  try {
    renameSync(staging, dir);
  } catch {
    // Another run finished the same key first: use its build.
    rmSync(staging, { recursive: true, force: true });
  }
  // The build wrote absolute paths into obj/, not into bin/: the renamed output runs as built.
  return { dir, dll: appDll(dir, app), built: true };
}

/** `src/<App>/bin/Debug/<framework>/<App>.dll`, whichever framework the generator chose. */
function appDll(dir: string, app: string): string {
  const debug = join(dir, `src/${app}/bin/Debug`);
  const found = readdirSync(debug).map((tfm) => join(debug, tfm, `${app}.dll`)).filter((path) => existsSync(path));
  if (found.length !== 1) throw new Error(`expected one ${app}.dll under ${debug}, found ${found.length}`);
  return found[0]!;
}

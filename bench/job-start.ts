// Start cost of the generated job: cold start (process start to exit) and peak memory of the published app running
// a no-op job, against a bare published `dotnet new console` app, with telemetry off and on.
//
//   node bench/job-start.ts [--runs N] [--skip-build] [--keep]      (part of `npm run bench`)
//
// A benchmark, not a test: exits 0 whatever the numbers; non-zero only when a build or a run fails.
//
//  1. Generates a net10.0 repository with the built CLI (`--no-install`), adds a job that returns at once
//     (`NoopJob`, registered as `noop` in Program.cs) and `dotnet publish`es the app as the Dockerfile does (Release,
//     framework-dependent, this machine's architecture, ReadyToRun). `dotnet new console` + `dotnet publish` gives the baseline app.
//  2. Measures, round-robin after one warm-up each (the OS file cache is warm: a pod's image layers are too):
//       bare-console     `dotnet bare.dll` (prints Hello, World!)
//       job-noop         `dotnet App.dll noop`, OTEL_SDK_DISABLED=true (telemetry off)
//       job-noop-otel    the same with telemetry on, exporting to an OTLP/gRPC receiver in this process
//       job-sample       the generated sample job with its default settings (1000 items), telemetry off
//     Every job run must exit 0 and log "Job … succeeded"; the telemetry run must deliver its span to the receiver.
//  Writes bench/out/job-start.json.

import { mkdirSync, readdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchError, log, mustRun, roundRobin, stats, type Timed } from './measure.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, 'skip-build': { type: 'boolean', default: false }, keep: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new BenchError(`--runs must be a positive integer, got ${values.runs}`);

const FRAMEWORK = 'net10.0';
const DOTNET_ENV = { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1', MSBUILDDISABLENODEREUSE: '1' };

async function main(): Promise<void> {
  if (!values['skip-build']) {
    mustRun('build', ['npx', 'projen', 'compile'], { cwd: root });
  }
  const work = mkdtempSync(join(tmpdir(), 'cbj-bench-job-'));
  let ok = false;
  try {
    log(`job start benchmark: ${runs} rounds + 1 warm-up (scratch ${work})`);
    mustRun('create-batch-job', [process.execPath, join(root, 'lib/cli/create.js'), 'repo', '--yes', '--no-install', '--name', 'bench-job', '--framework', FRAMEWORK], { cwd: work, env: { LANG: 'C', LC_ALL: '' } });
    const repo = join(work, 'repo');
    const APP = readdirSync(join(repo, 'src'))[0]!; // the app's project folder (the generator picks the name)
    const appDir = join(repo, 'src', APP);
    writeFileSync(join(appDir, 'Jobs/NoopJob.cs'), `namespace ${APP}.Jobs;\n\npublic sealed class NoopJob : IJob\n{\n    public Task RunAsync(JobContext context, CancellationToken cancellationToken) => Task.CompletedTask;\n}\n`);
    const program = join(appDir, 'Program.cs');
    const source = readFileSync(program, 'utf8');
    const anchor = source.indexOf('    jobs.Add<');
    if (anchor < 0) throw new BenchError(`no job registration found in ${program}`);
    writeFileSync(program, `${source.slice(0, anchor)}    jobs.Add<NoopJob>("noop");\n${source.slice(anchor)}`);
    log('$ dotnet publish (generated app, Release)');
    // As the generated Dockerfile publishes: for this machine's architecture, ReadyToRun, no app host.
    mustRun('dotnet publish (app)', ['dotnet', 'publish', `src/${APP}/${APP}.csproj`, '-c', 'Release', '-a', process.arch, '-o', join(work, 'app'), '-p:UseAppHost=false', '-p:PublishReadyToRun=true'], { cwd: repo, env: DOTNET_ENV });
    log('$ dotnet new console + dotnet publish (baseline)');
    mustRun('dotnet new console', ['dotnet', 'new', 'console', '-o', join(work, 'bare'), '-n', 'Bare', '-f', FRAMEWORK, '--no-restore'], { cwd: work, env: DOTNET_ENV });
    mustRun('dotnet publish (bare)', ['dotnet', 'publish', join(work, 'bare/Bare.csproj'), '-c', 'Release', '-o', join(work, 'bare-out'), '-p:UseAppHost=false'], { cwd: work, env: DOTNET_ENV });

    // An OTLP/gRPC receiver (the agent's protocol), so the telemetry run exports as it would in the cluster.
    const { OtlpReceiver } = await import('../test/support/otlp-receiver.ts');
    const receiver = new OtlpReceiver();
    await receiver.start();
    const appDll = join(work, 'app', `${APP}.dll`);
    const succeeded = (job: string) => (r: Timed) => (r.stdout.includes(`Job ${job} succeeded`) ? undefined : `did not log "Job ${job} succeeded"`);
    const off = { OTEL_SDK_DISABLED: 'true' };
    try {
      const samples = await roundRobin([
        { id: 'bare-console', cwd: () => work, argv: () => ['dotnet', join(work, 'bare-out/Bare.dll')], check: (r: Timed) => (r.stdout.includes('Hello, World!') ? undefined : 'printed no greeting') },
        { id: 'job-noop', cwd: () => work, env: off, argv: () => ['dotnet', appDll, 'noop'], check: succeeded('noop') },
        {
          id: 'job-noop-otel', cwd: () => work,
          env: { OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiver.port}`, OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc', OTEL_SERVICE_NAME: 'bench-job' },
          prepare: () => receiver.clear(),
          argv: () => ['dotnet', appDll, 'noop'],
          check: (r: Timed) => succeeded('noop')(r) ?? (receiver.spans.some((s) => s.name.includes('noop')) ? undefined : `exported no span (got ${receiver.spans.map((s) => s.name).join(', ') || 'none'})`),
        },
        { id: 'job-sample', cwd: () => work, env: off, argv: () => ['dotnet', appDll, 'bench-job'], check: succeeded('bench-job') },
      ], runs);
      const results = Object.fromEntries([...samples].map(([id, s]) => [id, stats(s)]));
      const out = { generatedAt: new Date().toISOString(), framework: FRAMEWORK, runtime: mustRun('dotnet --list-runtimes', ['dotnet', '--list-runtimes'], { cwd: work }).trim().split('\n').filter((l) => l.startsWith('Microsoft.NETCore.App')), runs, results };
      mkdirSync(join(root, 'bench/out'), { recursive: true });
      writeFileSync(join(root, 'bench/out/job-start.json'), `${JSON.stringify(out, null, 2)}\n`);
      for (const [id, s] of Object.entries(results)) log(`  ${id.padEnd(14)} median ${s.medianMs} ms wall, ${s.medianCpuMs ?? '-'} ms cpu, peak ${s.maxRssKb ? Math.round(s.maxRssKb / 1024) : '-'} MiB`);
      log('wrote bench/out/job-start.json');
      ok = true;
    } finally {
      await receiver.stop();
    }
  } finally {
    if (values.keep || !ok) log(`scratch kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

// Start-up benchmark: creating a repository against `dotnet new console`, and `--help`/`--version` of both bins
// against Node starting an empty script.
//
//   node bench/startup.ts [--runs N] [--skip-build]      (part of `npm run bench`)
//
// A benchmark, not a test: exits 0 whatever the numbers; non-zero only when a run fails or does not do its work.
//
//  - create-batch-job: `node lib/cli/create.js <new dir> --yes --no-install` (one CronJob, the default), which must
//    write the repository (its `.projenrc.ts` is checked); the baseline `dotnet new console --no-restore -o <new dir>`
//    must write its `.csproj`. Both with no network work: the generator installs nothing, dotnet new restores nothing.
//    Every run writes into a new folder, so no run finds the previous one's output.
//  - `--help`, `--version` of create-batch-job and batch-job: the baseline is `node -e 0` (Node's own start).
//  Round-robin rounds after one warm-up each (the compile cache is warm after it, as on a developer's machine).
//  Writes bench/out/startup.json.

import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BenchError, log, mustRun, roundRobin, stats } from './measure.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, 'skip-build': { type: 'boolean', default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new BenchError(`--runs must be a positive integer, got ${values.runs}`);

const DOTNET_ENV = { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_SKIP_FIRST_TIME_EXPERIENCE: '1', DOTNET_GENERATE_ASPNET_CERTIFICATE: 'false' };
const CLI_ENV = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };

async function main(): Promise<void> {
  if (!values['skip-build']) {
    mustRun('build', ['npx', 'projen', 'compile'], { cwd: root });
  }
  const work = mkdtempSync(join(tmpdir(), 'cbj-bench-startup-'));
  const create = join(root, 'lib/cli/create.js');
  const batchJob = join(root, 'lib/cli/batch-job.js');
  let n = 0;
  const fresh = (prefix: string) => join(work, `${prefix}-${n++}`);
  let createDir = '';
  let dotnetDir = '';
  try {
    log(`start-up benchmark: ${runs} rounds + 1 warm-up (scratch ${work})`);
    const commands = [
      {
        id: 'create', cwd: () => work, env: CLI_ENV,
        prepare: () => { createDir = fresh('repo'); },
        argv: () => [process.execPath, create, createDir, '--yes', '--no-install'],
        check: () => (existsSync(join(createDir, '.projenrc.ts')) ? undefined : 'wrote no .projenrc.ts'),
      },
      {
        id: 'dotnet-new-console', cwd: () => work, env: DOTNET_ENV,
        prepare: () => { dotnetDir = fresh('console'); },
        argv: () => ['dotnet', 'new', 'console', '--no-restore', '-o', dotnetDir],
        check: () => (existsSync(join(dotnetDir, `${dotnetDir.split('/').pop()}.csproj`)) ? undefined : 'wrote no .csproj'),
      },
      { id: 'create --help', cwd: () => work, env: CLI_ENV, argv: () => [process.execPath, create, '--help'], check: (r: { stdout: string }) => (r.stdout.includes('Usage: create-batch-job') ? undefined : 'printed no usage') },
      { id: 'create --version', cwd: () => work, env: CLI_ENV, argv: () => [process.execPath, create, '--version'], check: (r: { stdout: string }) => (/^create-batch-job \d/.test(r.stdout) ? undefined : 'printed no version') },
      { id: 'batch-job --help', cwd: () => work, env: CLI_ENV, argv: () => [process.execPath, batchJob, '--help'], check: (r: { stdout: string }) => (r.stdout.includes('Usage: batch-job') ? undefined : 'printed no usage') },
      { id: 'node -e 0', cwd: () => work, argv: () => [process.execPath, '-e', '0'], check: () => undefined },
    ];
    const samples = await roundRobin(commands, runs);
    const results = Object.fromEntries([...samples].map(([id, s]) => [id, stats(s)]));
    const out = {
      generatedAt: new Date().toISOString(),
      environment: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, dotnet: mustRun('dotnet --version', ['dotnet', '--version'], { cwd: work }).trim() },
      runs,
      commands: Object.fromEntries(commands.map((c) => [c.id, c.argv().join(' ').replace(work, '<scratch>')])),
      results,
    };
    mkdirSync(join(root, 'bench/out'), { recursive: true });
    writeFileSync(join(root, 'bench/out/startup.json'), `${JSON.stringify(out, null, 2)}\n`);
    for (const [id, s] of Object.entries(results)) log(`  ${id.padEnd(20)} median ${s.medianMs} ms wall, ${s.medianCpuMs ?? '-'} ms cpu, ${s.maxRssKb ? `${Math.round(s.maxRssKb / 1024)} MiB` : '-'}`);
    log('wrote bench/out/startup.json');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  process.stderr.write(`\nbench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}

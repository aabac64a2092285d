// Re-sync benchmark: how long does `npx projen` take in a generated repository, and how does the shipped runner
// (`node .projenrc.ts`, Node's own type stripping) compare with projen's default ts-node runner?
//
//   node bench/run.ts [--runs N] [--skip-build] [--keep]      (or `npm run bench -- --runs N`)
//
// A benchmark, not a test: it exits 0 whatever the numbers are, and non-zero only when something failed to run
// (build, pack, generation, install, or any measured run, which must exit 0 and really re-synthesise).
//
// What it does:
//  1. `npx projen compile` (so lib/ and its bundles are current), then `npm pack` into a temp folder.
//  2. Generates a repo with 5 jobs with the built `lib/cli/create.js … --no-install --self-spec <tgz>`, then runs the
//     CLI's own npm step (`npm install --no-save --no-package-lock <tgz>`) plus the baseline's pinned ts-node and
//     typescript in the same `npm install`. `dotnet restore` is skipped: it does not affect `npx projen`.
//  3. Measures five commands in that one repo, 1 warm-up each, then N rounds run round-robin (A B C D E, …)
//     so that drift on the machine hits every command alike:
//       projen-node   `npx projen`                  what users run (default task `node .projenrc.ts`)
//       projen-tsnode `npx projen`                  with the default task projen itself would write (ts-node)
//       node-direct   `node .projenrc.ts`           the shipped runner without the projen CLI
//       tsnode-direct the ts-node command alone     the baseline runner without the projen CLI or npx
//       projen-floor  `npx projen`                  with a default task that does nothing (`node -e 0`): the fixed
//                                                   cost of npx and projen's CLI, paid by every runner alike
//  4. Every run but projen-floor's (exit 0 only; the shipped tasks file is written back after it, untimed) is checked: exit 0, output says "batch-job policy", `deploy/k8s/e.cronjob.yaml` (deleted before the
//     run, untimed) exists again, and every managed file (`.projen/files.json`) is byte-identical to the reference
//     synthesis, so no command can time a no-op or do different work.
//  5. Prints a table, the ratio ts-node / node runner and PASS/MISS for `npx projen` median ≤ 1 s, and writes
//     bench/out/resync.json.
//
// The ts-node baseline, and why it is not literally `ts-node --project tsconfig.projen.json .projenrc.ts`:
//  - The command is not restated here: the script synthesises a scratch projen `Project` with `ProjenrcTs` and no
//    runner (with the repo's installed projen) and reads its default task. With projen 0.103.25 that is
//    `npx -y -p ts-node -c "ts-node --project tsconfig.projen.json .projenrc.ts"`: `ProjenrcTs` asks for
//    `TypeScriptRunner.tsNode({ tsconfig: 'tsconfig.projen.json', typeCheck: true })`, and with typeCheck true
//    `configFor` adds no `--transpileOnly`, so ts-node type-checks.
//  - The generated repo is ESM (`"type": "module"`). On Node ≥ 22.18 plain `ts-node` then does nothing: its require
//    hook never sees the ES module and Node strips the types itself, so a type error passes and the run just times
//    Node's own runner plus ts-node's start-up. The script proves this each time (a probe file with a type error runs
//    and exits 0 under the literal command) and records it.
//  - The fewest changes that make ts-node really compile and type-check the same `.projenrc.ts`: ts-node's ESM loader
//    with the same tsconfig, `node --loader ts-node/esm .projenrc.ts` with `TS_NODE_PROJECT=tsconfig.projen.json`,
//    plus `TS_NODE_COMPILER_OPTIONS={"module":"NodeNext","moduleResolution":"NodeNext"}` because
//    `tsconfig.projen.json` sets no module, so ts-node would emit CommonJS (`exports is not defined in ES module
//    scope`). `ts-node --esm` is not used: on Node 24 it also leaves the file to Node (the probe shows it). The
//    loader command must reject the type-error probe and run a clean probe, or the script stops.
//  - projen-tsnode keeps projen's `npx -y -p ts-node -c` wrapper and swaps only the inner command and env; the task
//    is written to `.projen/tasks.json` before each run (untimed), and the synthesis writes the `node` task back.
//  - ts-node@10.9.2 and typescript@5.9.3 are installed locally (pinned), so npx finds them and fetches nothing.
//
// Peak RSS comes from GNU `/usr/bin/time -f %M` when present (the largest single process of the run's tree, in KiB,
// e.g. the node that runs `.projenrc.ts`, not the sum); without it RSS is skipped. p90 is nearest-rank.

import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TS_NODE = 'ts-node@10.9.2';
const TYPESCRIPT = 'typescript@5.9.3';
const TARGET_MS = 600; // issue 12: re-sync ≤ 0.6 s median (and ≥ 4× faster than the ts-node runner, judged in bench/summary.ts)
const MARKER = 'batch-job policy';
const SENTINEL = 'deploy/k8s/e.cronjob.yaml';
const ESM_COMPILER_OPTIONS = '{"module":"NodeNext","moduleResolution":"NodeNext"}';

const root = fileURLToPath(new URL('../', import.meta.url));
const outFile = join(root, 'bench/out/resync.json');

class BenchError extends Error {}

interface Command {
  readonly id: string;
  readonly label: string;
  readonly argv: readonly string[];
  /** Extra environment on top of the bench's own. */
  readonly env: Readonly<Record<string, string>>;
  /** Untimed preparation before each run. */
  readonly prepare?: () => void;
  /** Untimed clean-up after each run. */
  readonly after?: () => void;
  /**
   * A fixed-cost probe that synthesises nothing: only its exit code is checked (no marker, sentinel or fingerprint).
   * @default false
   */
  readonly probe?: boolean;
}

interface Sample {
  readonly ms: number;
  readonly rssKb?: number;
  /** user + system CPU time of the run's process tree (GNU time), ms. */
  readonly cpuMs?: number;
}

interface Stats {
  readonly n: number;
  readonly minMs: number;
  readonly medianMs: number;
  readonly meanMs: number;
  readonly p90Ms: number;
  readonly maxMs: number;
  readonly peakRssKb?: number;
  readonly medianCpuMs?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// small helpers

function log(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

function commandLine(argv: readonly string[], env: Readonly<Record<string, string>> = {}, cwd?: string): string {
  const envPart = Object.entries(env).map(([k, v]) => `${k}=${quote(v)}`);
  const line = [...envPart, ...argv.map(quote)].join(' ');
  return cwd ? `(cd ${quote(cwd)} && ${line})` : line;
}

interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

function run(argv: readonly string[], options: RunOptions): SpawnSyncReturns<string> {
  const [command, ...args] = argv;
  // Bare `ts-node` (projen's literal command) means the repo's own bin, as `npx -p ts-node` would find it.
  const local = join(options.cwd, 'node_modules/.bin', command!);
  const file = command === 'ts-node' && existsSync(local) ? local : command;
  return spawnSync(file!, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: options.timeoutMs ?? 300_000,
  });
}

function output(result: SpawnSyncReturns<string>): string {
  return `${result.stdout ?? ''}${result.stderr ?? ''}`;
}

/** Runs a set-up step; a failure stops the benchmark with the step's name, command line and output. */
function mustRun(what: string, argv: readonly string[], options: RunOptions): string {
  log(`$ ${commandLine(argv, options.env, options.cwd)}`);
  const result = run(argv, options);
  if (result.error || result.status !== 0) {
    const reason = result.error ? result.error.message : `exit ${result.status ?? result.signal}`;
    throw new BenchError(`${what} failed (${reason}): ${commandLine(argv, options.env, options.cwd)}\n${output(result).trim()}`);
  }
  return result.stdout;
}

function stats(samples: readonly Sample[]): Stats {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  const n = ms.length;
  const median = n % 2 === 1 ? ms[(n - 1) / 2]! : (ms[n / 2 - 1]! + ms[n / 2]!) / 2;
  const rss = samples.map((s) => s.rssKb).filter((v): v is number => v !== undefined);
  const cpu = samples.map((s) => s.cpuMs).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  const cpuMedian = cpu.length % 2 === 1 ? cpu[(cpu.length - 1) / 2]! : (cpu[cpu.length / 2 - 1]! + cpu[cpu.length / 2]!) / 2;
  return {
    n,
    minMs: ms[0]!,
    medianMs: median,
    meanMs: ms.reduce((a, b) => a + b, 0) / n,
    p90Ms: ms[Math.max(0, Math.ceil(0.9 * n) - 1)]!,
    maxMs: ms[n - 1]!,
    ...(rss.length === samples.length && rss.length > 0 ? { peakRssKb: Math.max(...rss) } : {}),
    ...(cpu.length === samples.length && cpu.length > 0 ? { medianCpuMs: round(cpuMedian) } : {}),
  };
}

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

// ---------------------------------------------------------------------------------------------------------------
// steps

function parseOptions(): { runs: number; skipBuild: boolean; keep: boolean } {
  const parse = () => parseArgs({
    options: {
      runs: { type: 'string', default: '10' },
      'skip-build': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  });
  let values: ReturnType<typeof parse>['values'];
  try {
    values = parse().values;
  } catch (error) {
    throw new BenchError(`${(error as Error).message}; usage: node bench/run.ts [--runs N] [--skip-build] [--keep]`);
  }
  if (values.help) {
    log('usage: node bench/run.ts [--runs N (default 10)] [--skip-build (use lib/ as is)] [--keep (keep the temp repo)]');
    process.exit(0);
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new BenchError(`--runs must be a positive integer, got ${values.runs}`);
  return { runs, skipBuild: values['skip-build'], keep: values.keep };
}

function build(skip: boolean): void {
  if (skip) {
    if (!existsSync(join(root, 'lib/cli/create.js'))) throw new BenchError('--skip-build, but lib/cli/create.js does not exist: run `npx projen compile` first');
    log('(--skip-build: using lib/ as it is)');
    return;
  }
  const argv = ['npx', 'projen', 'compile'];
  log(`$ ${commandLine(argv, {}, root)}`);
  const result = run(argv, { cwd: root });
  if (result.error || result.status !== 0) {
    throw new BenchError(
      `could not build lib/ (${commandLine(argv, {}, root)} exited ${result.status ?? result.error?.message}); fix the compile errors ` +
        `or pass --skip-build to benchmark the lib/ already there.\n${output(result).trim()}`,
    );
  }
}

function pack(dest: string): string {
  const stdout = mustRun('npm pack', ['npm', 'pack', '--json', '--silent', '--pack-destination', dest], { cwd: root });
  let filename: string | undefined;
  try {
    const parsed = JSON.parse(stdout) as Array<{ filename?: string }>;
    filename = parsed.at(-1)?.filename;
  } catch {
    filename = stdout.trim().split('\n').pop();
  }
  const tgz = filename ? join(dest, filename) : '';
  if (!filename || !existsSync(tgz)) throw new BenchError(`npm pack did not report a tarball in ${dest}:\n${stdout}`);
  return tgz;
}

/** sha256 of every managed file, from `.projen/files.json`. */
function fingerprint(repo: string): Record<string, string> {
  const files = (JSON.parse(readFileSync(join(repo, '.projen/files.json'), 'utf8')) as { files: string[] }).files;
  const out: Record<string, string> = {};
  for (const file of [...files].sort()) {
    const path = join(repo, file);
    out[file] = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'MISSING';
  }
  return out;
}

function diffFingerprint(reference: Record<string, string>, actual: Record<string, string>): string[] {
  const keys = new Set([...Object.keys(reference), ...Object.keys(actual)]);
  return [...keys].filter((k) => reference[k] !== actual[k]).sort();
}

interface ProjenTask {
  name: string;
  description?: string;
  env?: Record<string, string>;
  steps?: Array<{ execArgs?: string[]; exec?: string; shell?: string[] | string; [key: string]: unknown }>;
  [key: string]: unknown;
}

/** The `default` task projen writes for a `.projenrc.ts` with no runner given, from the repo's installed projen. */
function projenDefaultTsNodeTask(repo: string, scratch: string): ProjenTask {
  const outdir = join(scratch, 'projen-default-runner');
  const script = `
    const { Project, typescript } = require('projen');
    const project = new Project({ name: 'bench-projen-default', outdir: ${JSON.stringify(outdir)}, projenrcJson: false });
    new typescript.ProjenrcTs(project); // no runner: projen's default
    project.synth();`;
  // CommonJS `-e` resolves `projen` from the cwd, i.e. the repo's own node_modules.
  mustRun("projen's default ProjenrcTs task", [process.execPath, '--input-type=commonjs', '-e', script], { cwd: repo });
  const tasks = JSON.parse(readFileSync(join(outdir, '.projen/tasks.json'), 'utf8')) as { tasks: Record<string, ProjenTask> };
  const task = tasks.tasks['default'];
  if (!task?.steps?.length) throw new BenchError(`projen's default ProjenrcTs wrote no default task steps: ${JSON.stringify(task)}`);
  return task;
}

interface TsNodeBaseline {
  readonly projenDefaultTask: ProjenTask;
  /** The literal ts-node command projen generates (inside its npx shell). */
  readonly literalArgv: string[];
  readonly typeCheck: boolean;
  readonly tsconfig: string | undefined;
  /** What is measured: argv + env running the same `.projenrc.ts` through ts-node. */
  readonly argv: string[];
  readonly env: Record<string, string>;
  readonly adapted: boolean;
  readonly why: string;
  readonly probes: Record<string, { argv: string; exitCode: number | null; ranUncompiled: boolean; typeErrorCaught: boolean }>;
  /** projen's task with only the inner command and env swapped. */
  readonly patchedTask: ProjenTask;
}

function tsNodeBaseline(repo: string, scratch: string): TsNodeBaseline {
  const task = projenDefaultTsNodeTask(repo, scratch);
  const steps = task.steps!;
  const step = steps[0]!;
  const literalArgv = step.execArgs;
  if (steps.length !== 1 || !literalArgv || literalArgv[0] !== 'ts-node') {
    throw new BenchError(`projen's default .projenrc.ts task is no longer a single ts-node step; update bench/run.ts: ${JSON.stringify(task)}`);
  }
  const entry = literalArgv.at(-1)!;
  const projectAt = literalArgv.indexOf('--project');
  const tsconfig = projectAt >= 0 ? literalArgv[projectAt + 1] : undefined;
  const typeCheck = !literalArgv.includes('--transpileOnly') && !literalArgv.includes('--swc');

  // Probes: a clean file and a file with a type error, both importing the package like `.projenrc.ts` does.
  const probeFile = (bad: boolean) =>
    `import { BatchJobProject } from 'create-batch-job';\n` +
    (bad ? `const bad: number = 'not a number';\nconsole.log('BENCH_PROBE_RAN', bad);\n` : `console.log('BENCH_PROBE_RAN', typeof BatchJobProject);\n`);
  const probeName = '.bench-probe.ts';
  const probePath = join(repo, probeName);
  const probes: TsNodeBaseline['probes'] = {};
  const probe = (key: string, argv: string[], env: Record<string, string>, bad: boolean) => {
    writeFileSync(probePath, probeFile(bad));
    try {
      const full = [...argv.slice(0, -1), probeName];
      const result = run(full, { cwd: repo, env, timeoutMs: 120_000 });
      const ran = output(result).includes('BENCH_PROBE_RAN');
      probes[key] = {
        argv: commandLine(full, env),
        exitCode: result.status,
        ranUncompiled: bad && ran,
        typeErrorCaught: bad && result.status !== 0 && !ran,
      };
      return { ok: result.status === 0 && ran, rejected: result.status !== 0 && !ran };
    } finally {
      rmSync(probePath, { force: true });
    }
  };

  const literalEnv = {};
  const literalOk = probe('literal-clean', literalArgv, literalEnv, false).ok;
  const literalRejects = probe('literal-type-error', literalArgv, literalEnv, true).rejected;
  // `ts-node --esm` is what ts-node suggests for ESM; recorded to show it does not help on this Node either.
  probe('esm-flag-type-error', ['ts-node', '--esm', ...literalArgv.slice(1)], literalEnv, true);

  const loaderEnv: Record<string, string> = { TS_NODE_COMPILER_OPTIONS: ESM_COMPILER_OPTIONS };
  if (tsconfig) loaderEnv['TS_NODE_PROJECT'] = tsconfig;
  if (!typeCheck) loaderEnv['TS_NODE_TRANSPILE_ONLY'] = 'true';
  const loaderArgv = ['node', '--loader', 'ts-node/esm', entry];
  const loaderOk = probe('loader-clean', loaderArgv, loaderEnv, false).ok;
  const loaderRejects = probe('loader-type-error', loaderArgv, loaderEnv, true).rejected;

  let argv: string[];
  let env: Record<string, string>;
  let adapted: boolean;
  let why: string;
  if (literalOk && (literalRejects || !typeCheck)) {
    argv = [...literalArgv];
    env = {};
    adapted = false;
    why = "projen's literal ts-node command compiles this ESM repo on this Node (a type error is rejected), so it is used unchanged.";
  } else if (loaderOk && (loaderRejects || !typeCheck)) {
    argv = loaderArgv;
    env = loaderEnv;
    adapted = true;
    why =
      `projen's literal command (${commandLine(literalArgv)}) runs the ESM .projenrc.ts without ts-node compiling it ` +
      `(Node ${process.version} strips the types itself: a probe with a type error ${literalOk ? 'ran and ' : ''}exited ` +
      `${probes['literal-type-error']?.exitCode}), so timing it would time Node's runner. ts-node's ESM loader with the same ` +
      `tsconfig does compile and type-check (the type-error probe is rejected, the clean probe runs); the NodeNext module ` +
      `override is needed because tsconfig.projen.json sets no module and ts-node would emit CommonJS.`;
  } else {
    throw new BenchError(`no ts-node invocation both runs and type-checks the repo's .projenrc.ts; probes: ${JSON.stringify(probes, null, 2)}`);
  }

  const patchedTask: ProjenTask = {
    ...task,
    ...(Object.keys(env).length ? { env: { ...task.env, ...env } } : {}),
    steps: [{ ...step, execArgs: argv }],
  };
  return { projenDefaultTask: task, literalArgv, typeCheck, tsconfig, argv, env, adapted, why, probes, patchedTask };
}

function hasTimeRss(): boolean {
  if (!existsSync('/usr/bin/time')) return false;
  const file = join(tmpdir(), `cbj-bench-time-probe-${process.pid}`);
  try {
    const result = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', file, 'true'], { stdio: 'ignore' });
    return result.status === 0 && /^\d+ [\d.]+ [\d.]+\s*$/.test(readFileSync(file, 'utf8'));
  } catch {
    return false;
  } finally {
    rmSync(file, { force: true });
  }
}

interface Measure {
  (command: Command, label: string): Sample;
}

function measurer(repo: string, reference: () => Record<string, string> | undefined, rssFile: string | undefined): Measure {
  return (command, label) => {
    command.prepare?.();
    rmSync(join(repo, SENTINEL), { force: true });
    if (rssFile) rmSync(rssFile, { force: true });
    const argv = rssFile ? ['/usr/bin/time', '-f', '%M %U %S', '-o', rssFile, ...command.argv] : [...command.argv];

    const start = process.hrtime.bigint();
    const result = run(argv, { cwd: repo, env: command.env, timeoutMs: 180_000 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;

    const fail = (why: string) =>
      new BenchError(`${command.id} (${label}) ${why}: ${commandLine(command.argv, command.env, repo)}\n${output(result).trim().slice(-4000)}`);
    if (result.error) throw fail(`did not run (${result.error.message})`);
    if (result.status !== 0) throw fail(`exited ${result.status ?? result.signal}`);
    command.after?.();
    if (command.probe) return timedSample(ms, rssFile);
    if (!output(result).includes(MARKER)) throw fail(`did not print "${MARKER}"`);
    if (!existsSync(join(repo, SENTINEL))) throw fail(`did not re-create ${SENTINEL}`);
    const ref = reference();
    if (ref) {
      const changed = diffFingerprint(ref, fingerprint(repo));
      if (changed.length) throw fail(`synthesised different managed files than the reference: ${changed.join(', ')}`);
    }
    return timedSample(ms, rssFile);
  };
}

function timedSample(ms: number, rssFile: string | undefined): Sample {
  if (rssFile) {
    const last = readFileSync(rssFile, 'utf8').trim().split('\n').pop() ?? '';
    const m = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last);
    if (m) return { ms, rssKb: Number(m[1]), cpuMs: (Number(m[2]) + Number(m[3])) * 1000 };
  }
  return { ms };
}

// ---------------------------------------------------------------------------------------------------------------

function main(): number {
  const options = parseOptions();
  const work = mkdtempSync(join(tmpdir(), 'cbj-bench-'));
  log(`create-batch-job re-sync benchmark: ${options.runs} runs + 1 warm-up per command (scratch: ${work})`);
  let ok = false;
  try {
    log('\n# 1. build and pack');
    build(options.skipBuild);
    const tgz = pack(work);
    log(`packed ${tgz}`);

    log('\n# 2. generate a 5-job repo and install');
    const createArgv = [
      process.execPath, join(root, 'lib/cli/create.js'), 'repo',
      '--yes', '--name', 'bench-report', '--job', 'a,b,c,d,e', '--framework', 'net10.0',
      '--kind', 'cronjob', '--schedule', '30 3 * * *', '--time-zone', 'Europe/Madrid',
      '--namespace', 'batch-bench', '--registry', 'registry.example.com/bench', '--image-tag', '1.2.3',
      '--ingress-host', 'bench.example.com', '--ingress-service', 'bench-web', '--ingress-port', '8080',
      '--lang', 'en', '--no-install', '--self-spec', tgz,
    ];
    const createEnv = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' }; // English, as test/support/cli.ts runs the bin
    mustRun('create-batch-job', createArgv, { cwd: work, env: createEnv, timeoutMs: 120_000 });
    const repo = join(work, 'repo');
    // The CLI's own npm step (src/cli/install.ts with --self-spec) plus the pinned baseline runner, in one install.
    const installArgv = ['npm', 'install', '--no-audit', '--no-fund', '--loglevel=error', '--no-save', '--no-package-lock', tgz, TS_NODE, TYPESCRIPT];
    mustRun('npm install', installArgv, { cwd: repo, timeoutMs: 600_000 });

    log('\n# 3. the ts-node baseline');
    const baseline = tsNodeBaseline(repo, work);
    log(`projen's default .projenrc.ts task: ${JSON.stringify(baseline.projenDefaultTask.steps)}`);
    log(`  → ts-node command: ${commandLine(baseline.literalArgv)} (typeCheck ${baseline.typeCheck ? 'on: no --transpileOnly' : 'off'})`);
    for (const [key, p] of Object.entries(baseline.probes)) {
      log(`  probe ${key}: exit ${p.exitCode}${p.ranUncompiled ? ', RAN the type error (not compiled by ts-node)' : ''}${p.typeErrorCaught ? ', type error rejected' : ''}  [${p.argv}]`);
    }
    log(`  measured: ${commandLine(baseline.argv, baseline.env)}`);
    log(`  why: ${baseline.why}`);

    const tasksPath = join(repo, '.projen/tasks.json');
    const shippedTasks = JSON.parse(readFileSync(tasksPath, 'utf8')) as { tasks: Record<string, ProjenTask> };
    const patchedTasksText = `${JSON.stringify({ ...shippedTasks, tasks: { ...shippedTasks.tasks, default: baseline.patchedTask } }, null, 2)}\n`;
    // The floor of `npx projen` whatever the runner: npx and projen's CLI start, then a default task that does nothing.
    const floorTask: ProjenTask = { ...shippedTasks.tasks['default']!, steps: [{ execArgs: ['node', '-e', '0'] }] };
    const floorTasksText = `${JSON.stringify({ ...shippedTasks, tasks: { ...shippedTasks.tasks, default: floorTask } }, null, 2)}\n`;
    const shippedTasksText = readFileSync(tasksPath, 'utf8');
    const writeTasks = (text: string) => {
      rmSync(tasksPath, { force: true }); // managed files are read-only
      writeFileSync(tasksPath, text);
    };
    const shell = baseline.patchedTask.steps?.[0]?.shell;
    const shellLine = Array.isArray(shell) ? `${commandLine(shell)} ${quote(commandLine(baseline.argv))}` : commandLine(baseline.argv);

    const commands: Command[] = [
      { id: 'projen-node', label: 'npx projen (node runner, as shipped)', argv: ['npx', 'projen'], env: {} },
      {
        id: 'projen-tsnode',
        label: `npx projen with projen's default ts-node task${baseline.adapted ? ' (ESM-adapted)' : ''}: task env ${commandLine([], baseline.env) || '(none)'}, step ${shellLine}`,
        argv: ['npx', 'projen'],
        env: {},
        prepare: () => {
          rmSync(tasksPath, { force: true }); // managed files are read-only
          writeFileSync(tasksPath, patchedTasksText);
        },
      },
      { id: 'node-direct', label: 'node .projenrc.ts (no projen CLI)', argv: ['node', '.projenrc.ts'], env: {} },
      { id: 'tsnode-direct', label: `${commandLine(baseline.argv, baseline.env)} (no projen CLI, no npx)`, argv: baseline.argv, env: baseline.env },
      {
        id: 'projen-floor',
        label: 'npx projen with a default task that does nothing (node -e 0): what every re-sync pays before .projenrc.ts runs',
        argv: ['npx', 'projen'],
        env: {},
        probe: true,
        prepare: () => writeTasks(floorTasksText),
        // Nothing was synthesised: the next command finds the shipped tasks file again.
        after: () => writeTasks(shippedTasksText),
      },
    ];

    log('\n# 4. measure');
    const rssFile = hasTimeRss() ? join(work, 'rss.txt') : undefined;
    log(rssFile ? 'peak RSS: /usr/bin/time -f %M' : 'peak RSS: skipped (no GNU /usr/bin/time)');
    let reference: Record<string, string> | undefined;
    const measure = measurer(repo, () => reference, rssFile);
    const samples = new Map<string, Sample[]>(commands.map((c) => [c.id, []]));
    for (const command of commands) {
      const s = measure(command, 'warm-up');
      reference ??= fingerprint(repo); // the shipped runner's synthesis; every later run must match it
      log(`  warm-up ${command.id.padEnd(13)} ${s.ms.toFixed(0).padStart(6)} ms`);
    }
    for (let i = 1; i <= options.runs; i++) {
      const line: string[] = [];
      for (const command of commands) {
        const s = measure(command, `run ${i}`);
        samples.get(command.id)!.push(s);
        line.push(`${command.id} ${s.ms.toFixed(0)}`);
      }
      log(`  round ${String(i).padStart(2)}/${options.runs}: ${line.join(' · ')} ms`);
    }
    // No restore needed: every run's synthesis wrote the shipped `.projen/tasks.json` back (checked by the fingerprint).

    log('\n# 5. results');
    const results = commands.map((c) => ({ command: c, stats: stats(samples.get(c.id)!) }));
    const byId = (id: string) => results.find((r) => r.command.id === id)!.stats;
    const header = ['command', 'min', 'median', 'mean', 'p90', 'max', 'peak RSS'];
    const rows = results.map(({ command, stats: s }) => [
      command.id,
      `${s.minMs.toFixed(0)} ms`,
      `${s.medianMs.toFixed(0)} ms`,
      `${s.meanMs.toFixed(0)} ms`,
      `${s.p90Ms.toFixed(0)} ms`,
      `${s.maxMs.toFixed(0)} ms`,
      s.peakRssKb === undefined ? '-' : `${(s.peakRssKb / 1024).toFixed(0)} MiB`,
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    log(fmt(header));
    log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) log(fmt(r));
    log('');
    for (const { command } of results) log(`  ${command.id.padEnd(13)} = ${command.label}`);

    const projenNode = byId('projen-node');
    const projenTsNode = byId('projen-tsnode');
    const nodeDirect = byId('node-direct');
    const tsNodeDirect = byId('tsnode-direct');
    const ratios = {
      'projen-tsnode/projen-node (median)': round(projenTsNode.medianMs / projenNode.medianMs, 2),
      'tsnode-direct/node-direct (median)': round(tsNodeDirect.medianMs / nodeDirect.medianMs, 2),
    };
    const cliOverheadMs = projenNode.medianMs - nodeDirect.medianMs;
    const verdict = projenNode.medianMs <= TARGET_MS ? 'PASS' : 'MISS';
    log('');
    log(`ts-node / node-runner, via npx projen: ${ratios['projen-tsnode/projen-node (median)'].toFixed(2)}x (median ${projenTsNode.medianMs.toFixed(0)} ms vs ${projenNode.medianMs.toFixed(0)} ms)`);
    log(`ts-node / node-runner, runner alone:   ${ratios['tsnode-direct/node-direct (median)'].toFixed(2)}x (median ${tsNodeDirect.medianMs.toFixed(0)} ms vs ${nodeDirect.medianMs.toFixed(0)} ms)`);
    log(`projen CLI + npx overhead (npx projen − node .projenrc.ts, medians): ${cliOverheadMs.toFixed(0)} ms`);
    const floor = byId('projen-floor');
    log(`floor: npx projen with a no-op default task: median ${floor.medianMs.toFixed(0)} ms wall, ${floor.medianCpuMs ?? '-'} ms CPU (${(floor.medianMs / projenNode.medianMs * 100).toFixed(0)}% of a re-sync)`);
    log(`target: npx projen median ≤ ${TARGET_MS} ms → ${verdict} (${projenNode.medianMs.toFixed(0)} ms)`);

    const npmVersion = run(['npm', '--version'], { cwd: root }).stdout.trim();
    const json = {
      generatedAt: new Date().toISOString(),
      environment: {
        node: process.version,
        npm: npmVersion,
        platform: `${process.platform}-${process.arch}`,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
      },
      method: {
        runs: options.runs,
        warmupsPerCommand: 1,
        order: 'round-robin per round, warm-ups first',
        timing: 'wall time around spawnSync of the whole command (process.hrtime)',
        peakRss: rssFile ? '/usr/bin/time -f %M: max RSS of the largest single process in the run (KiB)' : 'not measured',
        p90: 'nearest rank',
        checks: `exit 0, output contains "${MARKER}", ${SENTINEL} deleted before and re-created by each run, all managed files byte-identical to the reference synthesis`,
      },
      commandLines: {
        build: options.skipBuild ? '(skipped)' : commandLine(['npx', 'projen', 'compile'], {}, root),
        pack: commandLine(['npm', 'pack', '--json', '--silent', '--pack-destination', work], {}, root),
        create: commandLine(createArgv, createEnv, work),
        install: commandLine(installArgv, {}, repo),
      },
      tsNodeBaseline: {
        projenDefaultTask: baseline.projenDefaultTask,
        literalCommand: commandLine(baseline.literalArgv),
        typeCheck: baseline.typeCheck,
        tsconfig: baseline.tsconfig,
        measuredCommand: commandLine(baseline.argv, baseline.env),
        measuredTask: baseline.patchedTask,
        adapted: baseline.adapted,
        why: baseline.why,
        probes: baseline.probes,
        versions: [TS_NODE, TYPESCRIPT],
      },
      results: results.map(({ command, stats: s }) => ({
        id: command.id,
        label: command.label,
        command: commandLine(command.argv, command.env),
        stats: {
          ...s,
          minMs: round(s.minMs),
          medianMs: round(s.medianMs),
          meanMs: round(s.meanMs),
          p90Ms: round(s.p90Ms),
          maxMs: round(s.maxMs),
        },
        samples: samples.get(command.id)!.map((x) => ({ ...x, ms: round(x.ms), ...(x.cpuMs !== undefined ? { cpuMs: round(x.cpuMs) } : {}) })),
      })),
      ratios,
      cliOverheadMs: round(cliOverheadMs),
      target: { command: 'npx projen', maxMedianMs: TARGET_MS, medianMs: round(projenNode.medianMs), verdict },
      repo: options.keep ? repo : '(deleted; pass --keep to keep it)',
    };
    mkdirSync(join(root, 'bench/out'), { recursive: true });
    writeFileSync(outFile, `${JSON.stringify(json, null, 2)}\n`);
    log(`\nwrote ${outFile}`);
    ok = true;
    return 0;
  } finally {
    if (options.keep || !ok) log(`scratch kept: ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof BenchError) {
    process.stderr.write(`\nbench failed: ${error.message}\n`);
  } else {
    process.stderr.write(`\nbench crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exitCode = 1;
}

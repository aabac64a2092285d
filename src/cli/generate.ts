import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { CancelledError, InvalidInputError } from '../errors.js';
import { policy } from '../policy/index.js';
import { packageRoot } from '../util/package-info.js';
import { hasUnprintable, stripUnprintable } from '../util/text.js';
import type { BatchJobProjectOptions } from '../project/options.js';
import { resolveOptions, type ResolvedOptions } from '../project/validate.js';
import { mergeAnswers, toProjectOptions, type Answers } from './answers.js';
import { readAnswersFile } from './answers-file.js';
import { applyPlan, isEmptyDir } from './apply.js';
import type { CreateArgs } from './args.js';
import { formatPreview, previewSchedule } from '../schedule/preview.js';
import { catalogs, type Lang, type Messages } from './i18n.js';
import { installSteps, runStep } from './install.js';
import { withProgress } from './progress.js';
import { computePlan, synthesize, type PlannedChange } from './plan.js';
import { cancelledCode, EXIT, type CliIo } from './run-create.js';

// Everything `create-batch-job` needs to generate a repository, loaded by `runCreate` only once the arguments ask
// for a repository: `--help`, `--version` and argument errors never load projen, the validators or the prompts.

const DEFAULT_NAME = 'batch-job';
const DEMO_NAME = 'nightly-report';

interface Target {
  readonly dir: string;
  /** What `.projenrc.ts` records: only the choices made. */
  readonly options: BatchJobProjectOptions;
  /** The same with policy defaults applied, validated. */
  readonly resolved: ResolvedOptions;
}

function flagAnswers(args: CreateArgs): Partial<Answers> {
  const { directory, name, framework, jobs, kind, schedule, timeZone, concurrencyPolicy, restartPolicy } = args;
  const { namespace, registry, imageTag, ingressHost, ingressService, ingressPort, route, gatewayNamespace, gatewaySection, ci, runtimeImage } = args;
  const { instanaZone, instanaCluster, instanaEndpoint, instana } = args;
  return {
    directory, name, framework, jobs: jobs ? [...jobs] : undefined, kind, schedule, timeZone, concurrencyPolicy,
    restartPolicy, namespace, registry, imageTag, ingressHost, ingressService, ingressPort, route, gatewayNamespace, gatewaySection, ci, runtimeImage,
    instanaZone, instanaCluster, instanaEndpoint, instana,
  };
}

/** Flags, answers file and (when interactive) prompts, merged and validated. Writes nothing. */
async function collect(args: CreateArgs, io: CliIo, msgs: Messages, lang: Lang): Promise<Target> {
  const file = args.answers ? readAnswersFile(resolve(io.cwd, args.answers)) : {};
  let answers = mergeAnswers(file, flagAnswers(args));
  if (args.demo) {
    answers.directory = join(mkdtempSync(join(tmpdir(), 'create-batch-job-demo-')), DEMO_NAME);
    answers.name ??= DEMO_NAME;
  }
  if (interactiveRun(args, io)) {
    const { ask } = await import('./prompts.js');
    answers = await ask(answers, DEFAULT_NAME, msgs, lang, io.out);
  }
  if (answers.directory !== undefined && answers.directory.trim() === '') {
    throw new InvalidInputError('directory-invalid', 'directory', answers.directory, 'my-job');
  }
  if (answers.directory !== undefined && hasUnprintable(answers.directory)) {
    throw new InvalidInputError('directory-unprintable', 'directory', answers.directory, stripUnprintable(answers.directory) || 'my-job');
  }
  // Linux and macOS refuse path components over 255 bytes; say so before anything is written.
  if (answers.directory !== undefined && answers.directory.split(/[\\/]/).some((part) => Buffer.byteLength(part) > 255)) {
    throw new InvalidInputError('directory-invalid', 'directory', answers.directory, 'my-job');
  }
  // create-vite style: the directory names the project unless --name says otherwise.
  const name = answers.name ?? (answers.directory !== undefined ? basename(resolve(io.cwd, answers.directory)) : DEFAULT_NAME);
  const directory = answers.directory ?? name;
  const options = toProjectOptions(answers, name);
  return { dir: resolve(io.cwd, directory), options, resolved: resolveOptions(options) };
}

/** The app's project name (`src/<App>/<App>.csproj` → `<App>`): the solution is named after it. */
function appProjectName(resolved: ResolvedOptions): string {
  return basename(resolved.app.project, '.csproj');
}

function checkTarget(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new InvalidInputError('directory-invalid', 'directory', dir, 'my-job');
  if (!force && !isEmptyDir(dir)) throw new InvalidInputError('directory-not-empty', 'directory', dir, 'my-new-job');
}

function printPlan(plan: readonly PlannedChange[], dir: string, io: CliIo, msgs: Messages): void {
  io.out(msgs.planTitle(dir));
  for (const change of plan) {
    if (change.action !== 'unchanged') io.out(`  ${change.action.padEnd(7)} ${change.path}`);
  }
}

function interactiveRun(args: CreateArgs, io: CliIo): boolean {
  return args.interactive ?? (!args.yes && !args.demo && io.stdinIsTTY);
}

/**
 * Without prompts nobody saw the schedules explained: say what each CronJob's schedule means and warn
 * about DST gaps/repeats and piling-up runs, as the interactive flow does before confirming.
 */
function reportSchedules(resolved: ResolvedOptions, lang: Lang, io: CliIo): void {
  for (const job of resolved.jobs) {
    if (job.kind !== 'cronjob') continue;
    let preview;
    try {
      preview = previewSchedule(job.schedule, job.timeZone, lang, { concurrencyPolicy: job.concurrencyPolicy });
    } catch {
      continue; // `@every` has no calendar preview; the apiserver rules already accepted it.
    }
    const [description] = formatPreview(preview, lang);
    io.out(`${job.name}: ${description}`);
    for (const warning of preview.warnings) io.err(`${job.name}: ${catalogs[lang].warning}: ${warning.message}`);
  }
}

/** An unpublished build (a source checkout) cannot be installed by version: pack it and install the tarball. */
async function selfSpec(args: CreateArgs, signal: AbortSignal): Promise<string | undefined> {
  if (args.selfSpec) return args.selfSpec;
  if (!existsSync(join(packageRoot, '.projenrc.ts'))) return undefined;
  const dest = mkdtempSync(join(tmpdir(), 'create-batch-job-pack-'));
  const { execa } = await import('execa');
  const { stdout } = await execa('npm', ['pack', '--silent', '--pack-destination', dest], { cwd: packageRoot, cancelSignal: signal });
  return join(dest, stdout.trim().split('\n').pop()!);
}

export async function generate(args: CreateArgs, io: CliIo, msgs: Messages, lang: Lang): Promise<number> {
  const target = await collect(args, io, msgs, lang);
  checkTarget(target.dir, args.force);
  const support = policy.frameworks[target.resolved.framework].endOfSupport;
  if ((io.now ?? new Date()) >= new Date(support)) io.err(msgs.net8Support(support));

  if (!interactiveRun(args, io)) reportSchedules(target.resolved, lang, io);
  if (target.resolved.http?.route === 'ingress') io.err(`${catalogs[lang].warning}: ${msgs.prompt.ingressRetired}`);

  const staging = mkdtempSync(join(tmpdir(), 'create-batch-job-staging-'));
  try {
    synthesize({ ...target.options, lang }, staging);
    const plan = computePlan(staging, target.dir);
    if (args.dryRun) {
      printPlan(plan, target.dir, io, msgs);
      io.out(msgs.dryRunNothingWritten);
      return EXIT.ok;
    }
    if (io.signal.aborted) throw new CancelledError();
    applyPlan(staging, target.dir, plan);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  io.out(msgs.created(target.dir));
  io.out(msgs.createdSummary(target.resolved.app.project, target.resolved.jobs.map((j) => j.name)));

  if (!args.install) {
    io.out(msgs.installSkipped);
  } else {
    const steps = installSteps(appProjectName(target.resolved), undefined);
    let current = 0;
    try {
      const spec = await selfSpec(args, io.signal);
      steps.splice(0, steps.length, ...installSteps(appProjectName(target.resolved), spec));
      for (; current < steps.length; current++) {
        const step = steps[current]!;
        await withProgress(msgs.installing(step.title), io, () => runStep(step, target.dir, io.signal, io.out));
        if (io.signal.aborted) throw new CancelledError();
      }
    } catch (error) {
      if (!io.signal.aborted) throw error;
      // The repository is complete; only the installs are missing: say how to finish them.
      const rest = steps.slice(current).map((s) => [s.command, ...s.args].join(' '));
      io.err(msgs.interruptedInstall(steps[current]?.title ?? steps[0]!.title, target.dir, rest));
      return cancelledCode(io.signal);
    }
  }
  const rel = relative(io.cwd, target.dir) || '.';
  io.out(msgs.nextSteps);
  io.out(`  cd ${rel.startsWith('..') ? target.dir : rel}`);
  io.out('  dotnet build -warnaserror && dotnet test');
  io.out(`  dotnet run --project ${target.resolved.app.project.split('/').slice(0, -1).join('/')} -- ${target.resolved.jobs[0]!.name}`);
  if (args.demo) io.out(msgs.demoWhere(target.dir));
  return EXIT.ok;
}


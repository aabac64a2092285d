import { dirname, join, resolve } from 'node:path';
import type { DetectedProject } from '../adopt/detect.js';
import type { Drift } from '../check/drift.js';
import { CancelledError, InvalidInputError } from '../errors.js';
import type { MigrationReport } from '../migrate/index.js';
import { batchJobCatalogs, type BatchJobMessages } from './batch-job-messages.js';
import { isBatchJobCommand, parseCommand } from './batch-job-options.js';
import { exitAfterFlush } from './exit.js';
import { catalogs, detectLang, type Lang } from './i18n.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

// `check`, `adopt` and `migrate` load projen, the checker, the C# parser and the differ; help, version and usage
// errors must not wait for them, so each command imports its code when it runs. Their usage errors are only known
// once loaded.
const usageErrors: Array<abstract new (...args: never[]) => Error> = [];
// Known once `adopt` has loaded it: no other command can refuse an app choice.
let appChoiceError: typeof import('../adopt/choose.js').AppChoiceError | undefined;

function printDriftDetails(drifts: readonly Drift[], m: BatchJobMessages): void {
  for (const drift of drifts) {
    out(`${drift.path}: ${m.drift[drift.kind]}`);
    if (drift.diff) out(drift.diff);
    if (drift.kind === 'modified') out(m.keepChange(/\.(ya?ml|json)$/.test(drift.path) ? m.hintStructured(drift.path) : m.hintText));
  }
  out(m.driftCount(drifts.length));
}

/** `src/Api/Api.csproj (Microsoft.NET.Sdk.Web, net8.0 from Directory.Build.props)`. */
function describeProject(p: DetectedProject, m: BatchJobMessages): string {
  const tfm = p.targetFrameworks.join(';') || '?';
  return `${p.path} (${p.sdk || 'Microsoft.NET.Sdk'}, ${p.frameworkSource && p.frameworkSource !== p.path ? m.frameworkFrom(tfm, p.frameworkSource) : tfm})`;
}

/** The app's schedules as `migrate` converts them: one line each, its open decisions, files not scanned. */
function printSchedules(report: MigrationReport, ready: number, held: boolean, app: string, repoArg: string, m: BatchJobMessages): void {
  out(m.schedules(app, report.schedules.length, report.schedules.filter((s) => s.exact).length, report.scanned));
  for (const s of report.schedules) {
    out(m.schedule(`${s.file}:${s.line}`, s.library, s.jobId ?? s.invoked ?? '-', s.source.replace(/\s*\n\s*/g, ' '), s.schedule, s.timeZone, s.exact));
    for (const d of s.decisions) out(m.scheduleDecide(d));
  }
  for (const p of report.problems) out(m.scheduleNotScanned(`${p.file}${p.line ? `:${p.line}` : ''}`, p.message));
  if (held && report.schedules.length > 0) out(m.schedulesHeld(ready, report.schedules.length, repoArg));
  else if (ready < report.schedules.length) out(m.schedulesUndecided(ready, report.schedules.length, repoArg));
}

async function adoptCommand(argv: string[], m: BatchJobMessages, lang: Lang): Promise<number> {
  const { values, positionals } = parseCommand('adopt', argv);
  const [{ adopt, detectForAdoption }, { shadowingProps }, { withSignalsDeferred }, { AppChoiceError, chooseApp }, { policy }] = await Promise.all([
    import('../adopt/adopt.js'),
    import('../adopt/detect.js'),
    import('../util/signals.js'),
    import('../adopt/choose.js'),
    import('../policy/index.js'),
  ]);
  appChoiceError = AppChoiceError;
  const repo = resolve(positionals[0] ?? '.');
  const detection = detectForAdoption(repo);
  let app = values.app;
  // On a terminal several apps are a question; elsewhere (CI, pipes) adopt() refuses, naming --app and the candidates.
  if (app === undefined && detection.candidates.length > 1 && process.stdin.isTTY && process.stdout.isTTY) {
    const { askAdoptApp } = await import('./prompts.js');
    app = await askAdoptApp(
      m.askApp(detection.candidates.length),
      detection.candidates.map((p) => ({ title: describeProject(p, m), value: p.path })),
      lang,
    );
  }
  // The schedule scan is asynchronous (tree-sitter) and adopt() is not: scan the chosen app first, hand adopt the
  // jobs `migrate --write` would write. A refused choice throws here, as adopt() would.
  const chosen = chooseApp(detection, repo, app, process.cwd());
  const appDir = join(repo, dirname(chosen.path));
  const { appMigrationReport, migratedJobs } = await import('../migrate/index.js');
  const migration = chosen.path.includes('/') ? await appMigrationReport(repo, appDir, lang) : undefined;
  const proposal = migration ? migratedJobs(migration.report) : undefined;
  const scanSchedules = (dir: string) => (migration && dir === appDir ? migration : undefined);
  // An interrupted adoption leaves the repo as it was or adopted, never half-written.
  const result = withSignalsDeferred(() =>
    adopt({ repo, force: values.force, dryRun: values['dry-run'], name: values.name, app, detection, scanSchedules, ...(values['job-host'] !== undefined ? { jobHost: values['job-host'] } : {}) }));
  const d = result.detection;
  const l = m.labels;
  const list = (items: readonly string[]) => items.join(', ') || l.none;
  const row = (label: string, value: string) => out(`  ${`${label}:`.padEnd(12)} ${value}`);
  out(m.adopting(repo));
  row(l.solutions, list(d.solutions));
  row(l.projects, list(d.projects.map((p) => p.path)));
  if (d.candidates.length > 1) row(l.candidates, list(d.candidates.map((p) => p.path)));
  row(l.app, describeProject(result.app, m));
  row(l.framework, result.framework ?? m.policyDefaultFramework(policy.defaultFramework, result.app.targetFrameworks.length > 0));
  if (result.app.centralPackages) row(l.centralPackages, result.app.centralPackages.file);
  row(l.dockerfile, list(d.dockerfiles));
  row(l.manifests, list(d.manifests));
  row(l.ci, list(d.ci));
  for (const unresolved of result.app.unresolvedImports) out(m.unresolvedImport(unresolved));
  const shadowing = shadowingProps(result.app);
  if (shadowing) out(m.propsShadowed(shadowing));
  for (const missing of d.missingProjects) out(m.missingProject(missing));
  for (const file of d.unreadable) out(m.unreadableFile(file.path, file.reason));
  if (d.banned.length > 0) {
    out(m.banned(policy.version));
    for (const b of d.banned) out(`  ${b.project}: ${b.package}${b.version ? ` ${b.version}` : ''} (${b.pattern}: ${b.reason})`);
    out(m.bannedNext);
  }
  if (migration && proposal) printSchedules(migration.report, proposal.jobs.length, !result.jobsRunnable, dirname(result.app.path), positionals[0] ?? '.', m);
  if (result.jobHost) out(m.jobHostAdded(result.jobHost.project, result.jobHost.references, result.jobHost.classes.length));
  for (const held of result.heldJobs) if (held.reason.kind !== 'no-job-host') out(m.jobHeld(held.where, held.job.name, held.reason));
  for (const conflict of result.conflicts) {
    out(values.force ? m.replaced(conflict.path) : m.kept(conflict.path));
    if (!values.force) out(conflict.diff);
  }
  for (const change of result.plan) {
    if (change.action === 'create' || change.action === 'update' || change.action === 'delete') out(`  ${change.action.padEnd(7)} ${change.path}`);
  }
  out(values['dry-run'] ? m.dryRun : m.adoptNext);
  return 0;
}

/** Returns the exit code; only the lines below exit (through exitAfterFlush). */
async function main(argv: string[], lang: Lang): Promise<number> {
  const m = batchJobCatalogs[lang];
  const [command, ...rest] = argv;
  if (command === 'help' && rest[0] !== undefined && isBatchJobCommand(rest[0])) {
    out(m.commandHelp[rest[0]]);
    return 0;
  }
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    out(m.help);
    return 0;
  }
  if (isBatchJobCommand(command) && (rest.includes('--help') || rest.includes('-h'))) {
    out(m.commandHelp[command]);
    return 0;
  }
  if (command === 'version' || command === '--version' || command === '-v') {
    parseCommand('version', rest);
    const [{ packageJson }, { policy }] = await Promise.all([import('../util/package-info.js'), import('../policy/current.js')]);
    out(`${packageJson.name} ${packageJson.version} (policy ${policy.version})`);
    return 0;
  }
  if (command === 'check') {
    const { runCheck, CheckUsageError } = await import('./check-command.js');
    usageErrors.push(CheckUsageError);
    return runCheck(rest, lang, (text) => process.stdout.write(text), process.stdout.isTTY === true, (drifts) => printDriftDetails(drifts, m));
  }
  if (command === 'adopt') return await adoptCommand(rest, m, lang);
  if (command === 'migrate') {
    const { runMigrate } = await import('./migrate-command.js');
    return await runMigrate(rest, lang, (text) => process.stdout.write(text), (text) => process.stderr.write(text));
  }
  process.stderr.write(`${m.unknownCommand(command)}\n`);
  return 2;
}

/** `--lang` may stand anywhere; it is taken out before the command's own arguments are parsed. */
function splitLang(argv: string[]): [string[], string | undefined] {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (i < 0) return [argv, undefined];
  const value = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return [argv.filter((_, j) => j !== i && !(j === i + 1 && !argv[i]!.includes('='))), value];
}

const [args, langFlag] = splitLang(process.argv.slice(2));
const lang = detectLang(langFlag, process.env);
try {
  await exitAfterFlush(await main(args, lang));
} catch (error) {
  if (error instanceof InvalidInputError) {
    const { formatProblem } = await import('./format.js');
    process.stderr.write(`${formatProblem(error, catalogs[lang])}\n`);
    await exitAfterFlush(2);
  }
  if (appChoiceError && error instanceof appChoiceError) {
    process.stderr.write(`${batchJobCatalogs[lang].appChoice(error)}\n`);
    await exitAfterFlush(2);
  }
  if (error instanceof CancelledError) {
    process.stderr.write(`${catalogs[lang].cancelled}\n`);
    await exitAfterFlush(130);
  }
  if (usageErrors.some((type) => error instanceof type) || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(error as Error).message}\n`);
    await exitAfterFlush(2);
  }
  process.stderr.write(`${batchJobCatalogs[lang].unexpected}: ${(error as Error).stack ?? String(error)}\n`);
  await exitAfterFlush(1);
}

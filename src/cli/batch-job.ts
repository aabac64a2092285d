#!/usr/bin/env node
import { resolve } from 'node:path';
import { adopt } from '../adopt/adopt.js';
import { DriftCheckError, type Drift } from '../check/drift.js';
import { CheckUsageError, runCheck } from './check-command.js';
import { InvalidInputError } from '../errors.js';
import { policy } from '../policy/index.js';
import { packageJson } from '../util/package-info.js';
import { withSignalsDeferred } from '../util/signals.js';
import { batchJobCatalogs, type BatchJobMessages } from './batch-job-messages.js';
import { isBatchJobCommand, parseCommand } from './batch-job-options.js';
import { formatProblem } from './format.js';
import { catalogs, detectLang, type Lang } from './i18n.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

function printDriftDetails(drifts: readonly Drift[], m: BatchJobMessages): void {
  for (const drift of drifts) {
    out(`${drift.path}: ${m.drift[drift.kind]}`);
    if (drift.diff) out(drift.diff);
    if (drift.kind === 'modified') out(m.keepChange(/\.(ya?ml|json)$/.test(drift.path) ? m.hintStructured(drift.path) : m.hintText));
  }
  out(m.driftCount(drifts.length));
}

function adoptCommand(argv: string[], m: BatchJobMessages): number {
  const { values, positionals } = parseCommand('adopt', argv);
  const repo = resolve(positionals[0] ?? '.');
  // An interrupted adoption leaves the repo as it was or adopted, never half-written.
  const result = withSignalsDeferred(() => adopt({ repo, force: values.force, dryRun: values['dry-run'], name: values.name }));
  const d = result.detection;
  const l = m.labels;
  const list = (items: readonly string[]) => items.join(', ') || l.none;
  const row = (label: string, value: string) => out(`  ${`${label}:`.padEnd(13)}${value}`);
  out(m.adopting(repo));
  row(l.solutions, list(d.solutions));
  row(l.projects, list(d.projects.map((p) => p.path)));
  row(l.app, `${d.app!.path} (${d.app!.sdk || 'Microsoft.NET.Sdk'}, ${d.app!.targetFrameworks.join(';') || '?'})`);
  row(l.framework, d.framework ?? m.policyDefaultFramework(policy.defaultFramework));
  row(l.dockerfile, list(d.dockerfiles));
  row(l.manifests, list(d.manifests));
  row(l.ci, list(d.ci));
  if (d.banned.length > 0) {
    out(m.banned(policy.version));
    for (const b of d.banned) out(`  ${b.project}: ${b.package} (${b.pattern}: ${b.reason})`);
    out(m.bannedNext);
  }
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

/** Returns the exit code; only the lines below call `process.exit`. */
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
    out(`${packageJson.name} ${packageJson.version} (policy ${policy.version})`);
    return 0;
  }
  if (command === 'check') return runCheck(rest, lang, (text) => process.stdout.write(text), process.stdout.isTTY === true, (drifts) => printDriftDetails(drifts, m));
  if (command === 'adopt') return adoptCommand(rest, m);
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
  process.exit(await main(args, lang));
} catch (error) {
  if (error instanceof InvalidInputError) {
    process.stderr.write(`${formatProblem(error, catalogs[lang])}\n`);
    process.exit(2);
  }
  if (error instanceof DriftCheckError || error instanceof CheckUsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  process.stderr.write(`${batchJobCatalogs[lang].unexpected}: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}

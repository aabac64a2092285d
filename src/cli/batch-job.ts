#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DriftCheckError, driftHint, findDrift } from '../check/drift.js';
import { adopt } from '../adopt/adopt.js';
import { InvalidInputError } from '../errors.js';
import { policy } from '../policy/index.js';
import { formatProblem } from './format.js';
import { catalogs, detectLang } from './i18n.js';
import { packageJson } from '../util/package-info.js';

const HELP = `Usage: batch-job <command> [options]

Commands:
  check --drift [dir]   compare the managed files with what .projenrc.ts and the installed policy produce;
                        exit 1 naming each hand-edited, missing or stale file (with its diff)
  adopt [dir]           take an existing .NET repo under the policy: detect its app, framework, Dockerfile,
                        manifests and CI; write .projenrc.ts and the managed files. Existing files the policy
                        would change are kept (shown as diffs, left unmanaged) unless --force, which backs
                        them up as <file>.pre-adopt. --dry-run writes nothing; --name sets the repo name.
  version               print the package and policy versions

Planned: the full compliance scan (check), migrate (Hangfire/Quartz schedules to CronJobs).
To create a repository: npm create batch-job`;

async function check(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { drift: { type: 'boolean', default: false } } });
  if (!values.drift) {
    process.stderr.write('check: only --drift is available yet (example: batch-job check --drift)\n');
    return 2;
  }
  const repo = resolve(positionals[0] ?? '.');
  const drifts = await findDrift(repo);
  if (drifts.length === 0) {
    process.stdout.write(`No drift: every managed file matches .projenrc.ts with policy ${policy.version}.\n`);
    return 0;
  }
  for (const drift of drifts) {
    const what = { modified: 'edited by hand', missing: 'missing', stale: 'no longer generated (run npx projen to delete it)' }[drift.kind];
    process.stdout.write(`${drift.path}: ${what}\n`);
    if (drift.diff) process.stdout.write(`${drift.diff}\n`);
    if (drift.kind === 'modified') process.stdout.write(`  To keep this change, ${driftHint(drift.path)}.\n`);
  }
  process.stdout.write(`${drifts.length} managed file(s) drifted. Run npx projen to restore them.\n`);
  return 1;
}

function adoptCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, name: { type: 'string' } },
  });
  const repo = resolve(positionals[0] ?? '.');
  const result = adopt({ repo, force: values.force, dryRun: values['dry-run'], name: values.name });
  const d = result.detection;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`Adopting ${repo}`);
  out(`  solution(s): ${d.solutions.join(', ') || 'none'}`);
  out(`  projects:    ${d.projects.map((p) => p.path).join(', ')}`);
  out(`  app:         ${d.app!.path} (${d.app!.sdk || 'Microsoft.NET.Sdk'}, ${d.app!.targetFrameworks.join(';') || 'no TargetFramework'})`);
  out(`  framework:   ${d.framework ?? `${policy.defaultFramework} (policy default; the app's is not supported)`}`);
  out(`  Dockerfile:  ${d.dockerfiles.join(', ') || 'none'}`);
  out(`  manifests:   ${d.manifests.join(', ') || 'none'}`);
  out(`  CI:          ${d.ci.join(', ') || 'none'}`);
  if (d.banned.length > 0) {
    out(`Banned scheduling packages (policy ${policy.version}): the build fails until they are removed.`);
    for (const b of d.banned) out(`  ${b.project}: ${b.package} (${b.pattern}: ${b.reason})`);
    out('  Move each recurring job to a CronJob in .projenrc.ts (batch-job migrate will convert their schedules; planned).');
  }
  for (const conflict of result.conflicts) {
    out(values.force ? `${conflict.path}: replaced by the policy's version (backup: ${conflict.path}.pre-adopt)` : `${conflict.path}: kept as it is (unmanaged; --force replaces it). The policy's version differs:`);
    if (!values.force) out(conflict.diff);
  }
  for (const change of result.plan) if (change.action === 'create' || change.action === 'update' || change.action === 'delete') out(`  ${change.action.padEnd(7)} ${change.path}`);
  out(values['dry-run'] ? 'Dry run: nothing was written.' : 'Next: npm install && npx projen (re-sync), then dotnet build.');
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (command === 'version' || command === '--version' || command === '-v') {
    process.stdout.write(`${packageJson.name} ${packageJson.version} (policy ${policy.version})\n`);
    return 0;
  }
  if (command === 'check') return check(rest);
  if (command === 'adopt') return adoptCommand(rest);
  process.stderr.write(`command ${JSON.stringify(command)} is not a batch-job command (example: batch-job --help)\n`);
  return 2;
}

try {
  process.exit(await main(process.argv.slice(2)));
} catch (error) {
  if (error instanceof InvalidInputError) {
    process.stderr.write(`${formatProblem(error, catalogs[detectLang(undefined, process.env)])}\n`);
    process.exit(2);
  }
  if (error instanceof DriftCheckError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Unexpected error: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}

#!/usr/bin/env node
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DriftCheckError, driftHint, findDrift } from '../check/drift.js';
import { policy } from '../policy/index.js';
import { packageJson } from '../util/package-info.js';

const HELP = `Usage: batch-job <command> [options]

Commands:
  check --drift [dir]   compare the managed files with what .projenrc.ts and the installed policy produce;
                        exit 1 naming each hand-edited, missing or stale file (with its diff)
  version               print the package and policy versions

Planned: the full compliance scan (check), adopt (existing repos), migrate (Hangfire/Quartz).
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
  process.stderr.write(`command ${JSON.stringify(command)} is not a batch-job command (example: batch-job --help)\n`);
  return 2;
}

try {
  process.exit(await main(process.argv.slice(2)));
} catch (error) {
  if (error instanceof DriftCheckError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  process.stderr.write(`Unexpected error: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}

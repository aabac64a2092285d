#!/usr/bin/env node
import { packageJson } from '../util/package-info.js';
import { policy } from '../policy/index.js';

const HELP = `Usage: batch-job <command> [options]

Commands:
  version      print the package and policy versions

Planned (see the issue tracker): check (compliance scan), adopt (existing repos), migrate (Hangfire/Quartz).
To create a repository: npm create batch-job`;

const [command] = process.argv.slice(2);
if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
  process.stdout.write(`${HELP}\n`);
  process.exit(0);
}
if (command === 'version' || command === '--version' || command === '-v') {
  process.stdout.write(`${packageJson.name} ${packageJson.version} (policy ${policy.version})\n`);
  process.exit(0);
}
process.stderr.write(`command ${JSON.stringify(command)} is not a batch-job command (example: batch-job --help)\n`);
process.exit(2);

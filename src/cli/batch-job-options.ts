import { parseArgs } from 'node:util';
import { InvalidInputError } from '../errors.js';

/** Flags of each `batch-job` command; each command's `--help` documents every one (a unit test holds them together). */
export const BATCH_JOB_OPTIONS = {
  check: {
    drift: { type: 'boolean', default: false },
    format: { type: 'string', default: 'text' },
    output: { type: 'string', short: 'o' },
    'fail-on': { type: 'string', default: 'error' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  adopt: {
    force: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    name: { type: 'string' },
    app: { type: 'string' },
    'job-host': { type: 'boolean' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  migrate: {
    format: { type: 'string', default: 'text' },
    output: { type: 'string', short: 'o' },
    write: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  version: {
    help: { type: 'boolean', short: 'h', default: false },
  },
} as const;

export type BatchJobCommand = keyof typeof BATCH_JOB_OPTIONS;

export function isBatchJobCommand(command: string): command is BatchJobCommand {
  return Object.hasOwn(BATCH_JOB_OPTIONS, command);
}

/** Parses a command's flags; an unknown or malformed flag is an input error (exit 2, one line). */
export function parseCommand<C extends BatchJobCommand>(command: C, argv: readonly string[]) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: BATCH_JOB_OPTIONS[command] });
  } catch (error) {
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1] ?? String(argv[0] ?? '');
    const code = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'option-unknown' : 'option-invalid';
    throw new InvalidInputError(code, flag, '', `batch-job ${command} --help`);
  }
}

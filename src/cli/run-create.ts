import { InvalidInputError, CancelledError, StepFailedError } from '../errors.js';
import { parseCreateArgs } from './args.js';
import { catalogs, detectLang } from './i18n.js';

/** The process surface the CLI uses, injectable so tests can run it in-process. */
export interface CliIo {
  readonly argv: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly stdinIsTTY: boolean;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  /** Aborted on Ctrl+C once generation has started. */
  readonly signal: AbortSignal;
  /** Writes text as is (no newline), for a spinner; set only when stdout is a terminal. @default - no spinner */
  readonly progress?: (text: string) => void;
  /** Today, for the support-date note. */
  readonly now?: Date;
}

export const EXIT = { ok: 0, failure: 1, usage: 2, cancelled: 130, terminated: 143 } as const;

/** 130 after Ctrl+C, 143 after SIGTERM: the shell's convention (128 + signal number). */
export function cancelledCode(signal: AbortSignal): number {
  return signal.reason === 'SIGTERM' ? EXIT.terminated : EXIT.cancelled;
}

/** `create-batch-job`: returns the exit code; only the bin entry calls `process.exit`. */
export async function runCreate(io: CliIo): Promise<number> {
  let msgs = catalogs[detectLang(undefined, io.env)];
  try {
    const args = parseCreateArgs(io.argv);
    const lang = detectLang(args.lang, io.env);
    msgs = catalogs[lang];
    if (args.help) {
      io.out(msgs.help);
      return EXIT.ok;
    }
    // `--help` needs only the parser and the catalog: the version, the policy and the error formatting (with the
    // answers' flag names) are loaded where they are used.
    if (args.version) {
      const [{ packageJson }, { policy }] = await Promise.all([import('../util/package-info.js'), import('../policy/current.js')]);
      io.out(`${packageJson.name} ${packageJson.version} (policy ${policy.version})`);
      return EXIT.ok;
    }
    const { generate } = await import('./generate.js');
    return await generate(args, io, msgs, lang);
  } catch (error) {
    if (error instanceof InvalidInputError) {
      const [{ formatProblem }, { flagFor }] = await Promise.all([import('./format.js'), import('./answers.js')]);
      io.err(formatProblem(error, msgs, flagFor(error.field)));
      return EXIT.usage;
    }
    if (error instanceof CancelledError || io.signal.aborted) {
      io.err(msgs.cancelled);
      return cancelledCode(io.signal);
    }
    if (error instanceof StepFailedError) {
      io.err(msgs.stepFailed(error.step));
      io.err(error.output);
      return EXIT.failure;
    }
    io.err(`${msgs.unexpected}: ${(error as Error).stack ?? String(error)}`);
    return EXIT.failure;
  }
}

import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

const driver = fileURLToPath(new URL('./pty-drive.py', import.meta.url));

export interface PtyStep {
  /** Regular expression the screen must show (after the previous match) before typing. */
  readonly expect: string;
  readonly send: string;
}

export interface PtyResult {
  readonly exitCode: number;
  readonly transcript: string;
  /** Index of the step whose text never appeared, or null. */
  readonly failedStep: number | null;
}

/** Runs `cmd` in a real pseudo-terminal (Python's `pty`), typing each step's keys once its prompt shows. */
export async function drivePty(cmd: readonly string[], cwd: string, steps: readonly PtyStep[], env: Record<string, string> = {}): Promise<PtyResult> {
  const { stdout } = await execa('python3', [driver], {
    input: JSON.stringify({ cmd, cwd, env: { TERM: 'xterm', LANG: 'C', ...env }, steps, timeout: 60 }),
  });
  return JSON.parse(stdout) as PtyResult;
}

import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';

export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const createBin = join(repoRoot, 'lib/cli/create.js');
export const batchJobBin = join(repoRoot, 'lib/cli/batch-job.js');

export function tempDir(prefix = 'cbj-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Runs the built `create-batch-job` bin as a user would: no TTY, English unless LANG says otherwise. */
export interface BinResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** How long a create that installs (npm and NuGet) may take on a loaded CI machine. */
export const INSTALL_TIMEOUT = 600_000;

/**
 * @param options.timeout kill the bin after this many ms. Creating with an install runs `npm install` and
 * `dotnet restore`, which on a loaded 2-core CI machine have taken past two minutes, so e2e callers raise it.
 * @default 120_000
 */
export async function runCreateBin(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string>; timeout?: number },
): Promise<BinResult> {
  const result = await execa(process.execPath, [createBin, ...args], {
    cwd: options.cwd,
    env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env },
    reject: false,
    stdin: 'ignore',
    timeout: options.timeout ?? 120_000,
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** A fingerprint of a directory tree (paths, sizes, modes and contents) to prove nothing was written. */
export function snapshot(dir: string): string {
  const rows: string[] = [];
  const walk = (current: string, rel: string) => {
    for (const entry of readdirSync(current).sort()) {
      const full = join(current, entry);
      const path = rel ? `${rel}/${entry}` : entry;
      const stat = statSync(full);
      if (stat.isDirectory()) {
        rows.push(`${path}/ ${stat.mode}`);
        walk(full, path);
      } else {
        rows.push(`${path} ${stat.mode} ${readFileSync(full, 'base64')}`);
      }
    }
  };
  walk(dir, '');
  return rows.join('\n');
}

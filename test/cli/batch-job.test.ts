import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { batchJobBin, tempDir } from '../support/cli.js';

function run(args: string[], env: Record<string, string> = {}) {
  return execa(process.execPath, [batchJobBin, ...args], { cwd: tempDir(), reject: false, env: { LANG: 'C', ...env } });
}

describe('batch-job bin', () => {
  it('prints help in English or Spanish', async () => {
    expect((await run(['--help'])).stdout).toContain('Usage: batch-job');
    expect((await run(['--help', '--lang', 'es'])).stdout).toContain('Uso: batch-job');
    expect((await run(['--help'], { LANG: 'es_ES.UTF-8' })).stdout).toContain('Uso: batch-job');
  });

  it('exits 2 on an unknown command and on a bad check flag value', async () => {
    const unknown = await run(['frobnicate']);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('batch-job --help');
    const format = await run(['check', '--format', 'xml']);
    expect(format.exitCode).toBe(2);
    expect(format.stderr).toContain('--format "xml" is not one of text|json|sarif (example: batch-job check --format text)');
    expect((await run(['check', '--fail-on', 'sometimes'])).exitCode).toBe(2);
    const missing = await run(['check', 'no-such-folder']);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('"no-such-folder" is not a folder (example: batch-job check .');
  });

  it('exits 2 when asked to check a folder that is not a batch-job repo', async () => {
    const result = await run(['check', '--drift']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no .projenrc.ts');
  });

  it('adopt explains in Spanish why a folder cannot be adopted', async () => {
    const result = await run(['adopt', '--lang', 'es']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no .csproj found');
    expect(result.stderr).toContain('ejemplo');
  });
});

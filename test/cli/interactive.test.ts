import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBin, snapshot, tempDir } from '../support/cli.js';
import { drivePty } from '../support/pty.js';

const ENTER = '\r';
const CTRL_C = '\x03';
const DOWN = '\x1b[B';
const BACKSPACE = '\x7f';

describe('create-batch-job: interactive (real pseudo-terminal)', () => {
  it('asks every question, rejects a bad name in place, and generates', async () => {
    const cwd = tempDir();
    const result = await drivePty([process.execPath, createBin, '--no-install'], cwd, [
      { expect: 'Directory to create', send: `reports${ENTER}` },
      { expect: 'Repository and app name', send: `Bad_Name${ENTER}` },
      { expect: 'is not a lowercase DNS-1123 label', send: `${BACKSPACE.repeat(8)}nightly-report${ENTER}` },
      { expect: 'Target framework', send: `${DOWN}${ENTER}` },
      { expect: 'Job names', send: `export, cleanup${ENTER}` },
      { expect: 'Next steps', send: '' },
    ]);
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(0);
    const dir = join(cwd, 'reports');
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('net10.0');
    expect(existsSync(join(dir, 'src/NightlyReport/Jobs/ExportJob.cs'))).toBe(true);
    expect(existsSync(join(dir, 'src/NightlyReport/Jobs/CleanupJob.cs'))).toBe(true);
  });

  it('Ctrl+C at a prompt exits 130 and writes nothing', async () => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const result = await drivePty([process.execPath, createBin, '--no-install'], cwd, [
      { expect: 'Directory to create', send: `reports${ENTER}` },
      { expect: 'Repository and app name', send: CTRL_C },
    ]);
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(130);
    expect(result.transcript).toContain('Cancelled: nothing was written.');
    expect(snapshot(cwd)).toBe(before);
  });
});

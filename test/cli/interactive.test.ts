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
      { expect: 'How does the first job run', send: ENTER },
      { expect: 'Time zone of the schedule', send: `Europe/Madrid${ENTER}` },
      { expect: 'previous one still runs', send: ENTER },
      // Six fields: the apiserver's parser refuses it, in place.
      { expect: 'Schedule \\(cron', send: `0 0 * * * *${ENTER}` },
      { expect: 'is a schedule Kubernetes would reject', send: `${BACKSPACE.repeat(11)}30 2 * * *${ENTER}` },
      // Words, the next runs in the zone, and the DST warning for 02:30 in Madrid, before confirming.
      { expect: 'Next 5 runs:[\\s\\S]*Europe/Madrid[\\s\\S]*Warning:[\\s\\S]*Use this schedule', send: ENTER },
      { expect: 'Pod restart policy', send: ENTER },
      { expect: 'Kubernetes namespace', send: `reporting${ENTER}` },
      { expect: 'Image registry', send: ENTER },
      { expect: 'web front', send: ENTER },
      { expect: 'Instana zone', send: `eu-west${ENTER}` },
      { expect: 'Cluster name in Instana', send: ENTER },
      { expect: 'Instana backend endpoint', send: ENTER },
      { expect: 'CI system', send: `${DOWN}${ENTER}` },
      { expect: 'Next steps', send: '' },
    ]);
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(0);
    const dir = join(cwd, 'reports');
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('net10.0');
    expect(existsSync(join(dir, 'src/NightlyReport/Jobs/ExportJob.cs'))).toBe(true);
    expect(existsSync(join(dir, 'src/NightlyReport/Jobs/CleanupJob.cs'))).toBe(true);
    const cronJob = readFileSync(join(dir, 'deploy/k8s/export.cronjob.yaml'), 'utf8');
    expect(cronJob).toContain('schedule: 30 2 * * *');
    expect(cronJob).toContain('timeZone: Europe/Madrid');
    const rc = readFileSync(join(dir, '.projenrc.ts'), 'utf8');
    // Accepted defaults are not recorded, so they keep following the policy.
    expect(rc).toContain("namespace: 'reporting'");
    expect(rc).not.toContain('registry');
    expect(rc).not.toContain('concurrencyPolicy');
    expect(rc).toContain("ci: 'azure'");
    expect(existsSync(join(dir, 'azure-pipelines.yml'))).toBe(true);
    expect(existsSync(join(dir, '.github'))).toBe(false);
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

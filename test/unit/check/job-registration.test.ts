import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { synthesize } from '../../../src/cli/plan.js';
import { checkDirectory, checkMemory } from '../../../src/check/run.js';
import { synthFiles } from '../../support/synth.js';

const PROGRAM = 'src/Reports/Program.cs';
const findings = async (files: Map<string, string>) =>
  (await checkMemory(files)).findings.filter((f) => f.rule === 'job-not-registered');

describe('check: job-not-registered', () => {
  const generated = synthFiles({ name: 'reports', jobs: [{ name: 'reports' }, { name: 'cleanup', kind: 'job' }] });

  it('a generated repository registers every job its manifests run', async () => {
    expect(generated.get(PROGRAM)).toContain('jobs.Add<');
    expect(await findings(generated)).toEqual([]);
  });

  it('a job added in .projenrc.ts (manifest) without a registration in Program.cs is named, at the manifest\'s args line', async () => {
    // What a re-sync leaves: manifests for every job, Program.cs (team-owned) as it was written for the first one.
    const withNewJob = synthFiles({ name: 'reports', jobs: [{ name: 'reports' }, { name: 'cleanup', kind: 'job' }, { name: 'archive' }] });
    withNewJob.set(PROGRAM, generated.get(PROGRAM)!);
    const found = await findings(withNewJob);
    expect(found.map((f) => f.file)).toEqual(['deploy/k8s/archive.cronjob.yaml']);
    expect(found[0]!.message).toContain("job 'archive' is not registered");
    expect(found[0]!.message).toContain('registered: cleanup, reports');
    const lines = withNewJob.get('deploy/k8s/archive.cronjob.yaml')!.split('\n');
    expect(lines[found[0]!.line! - 1]).toMatch(/archive/);
  });

  it('the README\'s "Adding a job" steps hold: a re-sync writes the class and test, keeps Program.cs, and check names the gap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbj-add-job-'));
    try {
      synthesize({ name: 'reports' }, dir);
      const program = readFileSync(join(dir, PROGRAM), 'utf8');
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('### Adding a job');
      synthesize({ name: 'reports', jobs: [{ name: 'reports' }, { name: 'archive', schedule: '0 3 * * *' }] }, dir);
      expect(existsSync(join(dir, 'src/Reports/Jobs/ArchiveJob.cs'))).toBe(true);
      expect(existsSync(join(dir, 'tests/Reports.Tests/ArchiveJobTests.cs'))).toBe(true);
      expect(readFileSync(join(dir, PROGRAM), 'utf8')).toBe(program);
      const report = await checkDirectory(dir, 'reports', { kubectl: false });
      expect(report.findings.filter((f) => f.rule === 'job-not-registered').map((f) => f.file)).toEqual(['deploy/k8s/archive.cronjob.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a registration whose name is not a literal makes the list unknown: nothing is reported', async () => {
    const files = new Map(generated);
    files.set(PROGRAM, generated.get(PROGRAM)!.replace('jobs.Add<CleanupJob, CleanupJobOptions>("cleanup");', 'jobs.Add<CleanupJob, CleanupJobOptions>(JobNames.Cleanup);'));
    expect(files.get(PROGRAM)).toContain('JobNames.Cleanup');
    expect(await findings(files)).toEqual([]);
  });

  it('an app without the job host (its own entry point) is not checked', async () => {
    const files = new Map(generated);
    files.set(PROGRAM, 'Console.WriteLine("own entry point");\n');
    expect(await findings(files)).toEqual([]);
  });
});

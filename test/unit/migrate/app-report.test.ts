/**
 * The migrate scan as adopt uses it: one app's folder, paths relative to the repository, and the jobs `migrate --write`
 * would write (the same choice, checked against a real write on a copy).
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appMigrationReport, migratedJobs, migrationReport, writeMigration } from '../../../src/migrate/index.js';
import { projenrcSample } from '../../../src/project/projenrc-sample.js';
import { repoRoot } from '../../support/cli.js';

const FIXTURES = join(repoRoot, 'test/fixtures');
const where = (s: { file: string; line: number }) => `${s.file}:${s.line}`;

describe('migrate for adopt', () => {
  it("scans only the app's folder and reports repo-relative paths", async () => {
    const repo = mkdtempSync(join(tmpdir(), 'cbj-app-report-'));
    cpSync(join(FIXTURES, 'migrate/hangfire'), repo, { recursive: true });
    // A second app with its own schedules, which the scan of src/App must not report.
    cpSync(join(FIXTURES, 'migrate/quartz/src'), join(repo, 'other'), { recursive: true });
    const whole = (await migrationReport(repo)).report;
    const app = (await appMigrationReport(repo, join(repo, 'src/App'))).report;
    expect(whole.schedules.some((s) => s.file.startsWith('other/'))).toBe(true);
    expect(app.schedules.length).toBeGreaterThan(0);
    expect(app.schedules.map(where)).toEqual(whole.schedules.filter((s) => s.file.startsWith('src/App/')).map(where));
    expect(app.schedules.every((s) => s.registration.file.startsWith('src/App/'))).toBe(true);
  });

  it('proposes the jobs migrate --write writes, and none whose zone is a decision', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'cbj-app-report-'));
    cpSync(join(FIXTURES, 'migrate/hangfire'), repo, { recursive: true });
    writeFileSync(join(repo, '.projenrc.ts'), projenrcSample({ name: 'shop', existingApp: { project: 'src/App/App.csproj' } }, 'create-batch-job'));
    const { report, detected } = await appMigrationReport(repo, join(repo, 'src/App'));
    const proposed = migratedJobs(report);
    expect(proposed.jobs.length).toBeGreaterThan(0);
    expect(proposed.jobs.length + proposed.skipped.length).toBe(report.schedules.length);
    const written = writeMigration(repo, report, detected);
    expect(proposed.jobs.map((j) => j.name)).toEqual(written.jobs);
    const projenrc = readFileSync(join(repo, '.projenrc.ts'), 'utf8');
    for (const j of proposed.jobs) expect(projenrc).toContain(`schedule: '${j.schedule}'`);

    const relay = join(FIXTURES, 'adopt/relay-server');
    const relayReport = (await appMigrationReport(relay, join(relay, 'src/Notifications'))).report;
    expect(relayReport.schedules).toHaveLength(3);
    expect(migratedJobs(relayReport).jobs).toEqual([]);
  });
});

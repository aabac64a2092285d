/**
 * `batch-job migrate` as a user runs it: text grouped by file (en/es), JSON valid against its schema, exit codes,
 * bad input (not a folder, not a .NET repository, a broken .cs file) with nothing written, and `--write` adding the
 * jobs to `.projenrc.ts` plus a job class per schedule next to the managed job host.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { MIGRATE_REPORT_SCHEMA } from '../../src/migrate/report.js';
import { batchJobBin, repoRoot, snapshot, tempDir } from '../support/cli.js';

const FIXTURES = join(repoRoot, 'test/fixtures/migrate');

async function migrate(args: string[], lang: 'en' | 'es' = 'en', cwd = tempDir()) {
  const r = await execa(process.execPath, [batchJobBin, 'migrate', ...args], { cwd, reject: false, stdin: 'ignore', env: { LANG: lang === 'es' ? 'es_ES.UTF-8' : 'C', LC_ALL: '' } });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

function copyFixture(name: string): string {
  const dir = tempDir('cbj-migrate-');
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

describe('batch-job migrate', () => {
  it('prints the schedules grouped by file, exit 0', async () => {
    const r = await migrate([join(FIXTURES, 'hangfire')]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/10 found \(6 exact\) in 2 file\(s\)/);
    const programAt = r.stdout.indexOf('\nsrc/App/Program.cs\n');
    const workersAt = r.stdout.indexOf('\nsrc/App/Workers.cs\n');
    expect(programAt).toBeGreaterThan(0);
    expect(workersAt).toBeGreaterThan(programAt);
    expect(r.stdout.slice(programAt, workersAt)).toContain('CronJob: 0 3 * * 1-5  time zone Europe/Berlin  exact');
    expect(r.stdout).toContain('remove once the CronJob runs: src/App/Program.cs:11-15');
  });

  it('speaks Spanish', async () => {
    const r = await migrate([join(FIXTURES, 'quartz')], 'es');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('Planificaciones en');
    expect(r.stdout).toContain('(decisión tuya)');
    expect(r.stdout).toContain('la zona se elige en ejecución entre "Romance Standard Time" (= Europe/Paris), "Europe/Paris"');
    expect(r.stdout).toContain('Quartz ejecuta los triggers sin InTimeZone en la zona local del servidor');
  });

  it('--format json follows the schema: one object per schedule with the required fields', async () => {
    const r = await migrate([join(FIXTURES, 'quartz'), '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(MIGRATE_REPORT_SCHEMA);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schedules).toHaveLength(7);
    for (const s of report.schedules) for (const key of ['source', 'exact', 'schedule', 'timeZone', 'reason', 'file', 'line', 'library']) expect(s).toHaveProperty(key);
    // The schema rejects what it should: a schedule without `exact`.
    delete report.schedules[0].exact;
    expect(validate(report)).toBe(false);
  });

  it('a broken .cs file is reported with its line, the rest still scanned; exit 1; --write writes nothing', async () => {
    const dir = copyFixture('broken');
    writeFileSync(join(dir, '.projenrc.ts'), "import { BatchJobProject } from 'create-batch-job';\nconst project = new BatchJobProject({\n  name: 'broken',\n});\nproject.synth();\n");
    const before = snapshot(dir);
    const r = await migrate([dir, '--write']);
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('src/App/Broken.cs:5: syntax error');
    expect(r.stdout).toContain('src/App/Good.cs');
    expect(r.stderr).toContain('nothing was written');
    expect(snapshot(dir)).toBe(before);
  });

  it.each([
    ['not a folder', (dir: string) => join(dir, 'missing'), /dir/],
    ['not a .NET repository', (dir: string) => (writeFileSync(join(dir, 'README.md'), '# hi\n'), dir), /not a \.NET repository/],
  ])('%s: one line, exit 2, nothing written', async (_name, make, message) => {
    const dir = tempDir();
    const target = make(dir);
    const before = snapshot(dir);
    const r = await migrate([target, '--write']);
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(snapshot(dir)).toBe(before);
  });

  it('--output writes the report to a file and nothing to stdout', async () => {
    const dir = tempDir();
    const file = join(dir, 'report.json');
    const r = await migrate([join(FIXTURES, 'ncronjob'), '--format', 'json', '-o', file]);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(file, 'utf8')).schedules.map((s: { schedule: string }) => s.schedule)).toEqual(['*/5 * * * *', '0 8 * * 1-5', '0 * * * *']);
  });

  it('--format xml is refused naming the flag, exit 2', async () => {
    const r = await migrate([join(FIXTURES, 'hangfire'), '--format', 'xml']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('format');
    expect(r.stderr).toContain('json');
  });

  it('--write without .projenrc.ts: exit 2, nothing written', async () => {
    const dir = copyFixture('hangfire');
    const before = snapshot(dir);
    const r = await migrate([dir, '--write']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('adopt');
    expect(snapshot(dir)).toBe(before);
  });

  it('--write adds the decided jobs to .projenrc.ts and one job class per schedule next to JobHost.cs', async () => {
    const dir = copyFixture('hangfire');
    writeFileSync(
      join(dir, '.projenrc.ts'),
      "import { BatchJobProject } from 'create-batch-job';\n\nconst project = new BatchJobProject({\n  name: 'shop',\n  existingApp: {\n    project: 'src/App/App.csproj',\n  },\n  jobs: [\n    { name: 'hourly', schedule: '5 * * * *' },\n  ],\n});\n\nproject.synth();\n",
    );
    mkdirSync(join(dir, 'src/Host'), { recursive: true });
    writeFileSync(join(dir, 'src/Host/JobHost.cs'), 'namespace Shop.Host;\npublic static partial class JobHost { }\n');
    const r = await migrate([dir, '--write']);
    expect(r.exitCode, r.stderr).toBe(0);
    const projenrc = readFileSync(join(dir, '.projenrc.ts'), 'utf8');
    // Existing job kept; its name is taken, so the migrated "hourly" becomes "hourly-2".
    expect(projenrc).toContain("{ name: 'hourly', schedule: '5 * * * *' },");
    for (const [name, schedule, zone] of [
      ['daily-report', '30 2 * * *', 'Etc/UTC'],
      ['hourly-2', '0 * * * *', 'Etc/UTC'],
      ['cleanup', '0 3 * * 1-5', 'Europe/Berlin'],
      ['weekly', '0 18 * * 5', 'Etc/UTC'],
    ]) {
      expect(projenrc).toMatch(new RegExp(`name: '${name}',\\n\\s+schedule: '${schedule!.replace(/[*]/g, '\\*')}',\\n\\s+timeZone: '${zone}'`));
    }
    // Decisions are not written: the configuration-driven and Local-zone schedules are listed instead.
    expect(projenrc).not.toContain('from-config');
    expect(projenrc).not.toContain('via-manager');
    expect(r.stdout).toMatch(/Not written[\s\S]*configuration key Jobs:Report:Cron/);
    const job = readFileSync(join(dir, 'src/Host/Jobs/Migrated/DailyReportJob.cs'), 'utf8');
    expect(job).toContain('public sealed class DailyReportJob(ReportJob target) : IJob');
    expect(job).toContain('target.Run();');
    expect(job).toContain('using Acme.Reports;');
    expect(job).toContain('namespace Shop.Host.Jobs.Migrated;');
    expect(job).toContain('jobs.Add<DailyReportJob>("daily-report");');
    expect(job).toContain('jobs.Services.TryAddTransient<ReportJob>();');
    expect(r.stdout).toContain('Shop.Host.Jobs.Migrated.DailyReportJob.Register(jobs);');
    // Old registrations are listed, never deleted.
    expect(r.stdout).toContain('src/App/Program.cs:8  RecurringJob.AddOrUpdate<ReportJob>("daily-report"');
    expect(readFileSync(join(dir, 'src/App/Program.cs'), 'utf8')).toBe(readFileSync(join(FIXTURES, 'hangfire/src/App/Program.cs'), 'utf8'));
    // A second run recognises what it wrote: nothing added, nothing overwritten.
    const before = snapshot(dir);
    const again = await migrate([dir, '--write']);
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('Already in .projenrc.ts (written by an earlier run):\n  src/App/Program.cs:8\n');
    expect(snapshot(dir)).toBe(before);
  });

  it("reports every schedule of the relay-server fixture (Quartz triggers in variables bound later) and leaves the run-time zone to the user", async () => {
    const relay = join(repoRoot, 'test/fixtures/adopt/relay-server');
    const file = 'src/Notifications/Jobs/JobScheduling.cs';
    const lines = readFileSync(join(relay, file), 'utf8').split('\n');
    // Every schedule builder in the file, found independently of the detector.
    const expected = lines.flatMap((text, i) => (/\.With(Cron|Simple)Schedule\(/.test(text) ? [i + 1] : []));
    expect(expected).toHaveLength(3);
    const r = await migrate([relay, '--format', 'json']);
    expect(r.exitCode, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.problems).toEqual([]);
    expect(report.schedules.map((s: { file: string; line: number }) => `${s.file}:${s.line}`)).toEqual(expected.map((l) => `${file}:${l}`));
    for (const s of report.schedules) {
      expect(s.library).toBe('quartz');
      // The expression as written sits on the reported line.
      expect(lines[s.line - 1]).toContain(s.source);
    }
    const [digest, cleanup, heartbeat] = report.schedules;
    expect(digest).toMatchObject({ jobId: 'daily-digest', source: '"0 0 7 ? * MON-FRI"', expression: '0 0 7 ? * MON-FRI', schedule: '0 7 * * 1-5', timeZone: null, exact: false });
    expect(cleanup).toMatchObject({ jobId: 'nightly-cleanup', source: '"0 30 2 * * ?"', schedule: '30 2 * * *', timeZone: null, exact: false });
    expect(heartbeat).toMatchObject({ jobId: 'heartbeat', source: 'WithSimpleSchedule(x => x.WithIntervalInMinutes(15).RepeatForever())', schedule: '*/15 * * * *', timeZone: null });
    // ChooseTimeZone() picks a Windows id, its IANA twin, or the host's zone: a decision naming the choices, not a guess.
    expect(digest.reasonCodes).toContain('time-zone-undecided');
    expect(digest.decisions).toEqual(['the zone is chosen at run time among "Eastern Standard Time" (= America/New_York), TimeZoneInfo.Local']);
    for (const s of [cleanup, heartbeat]) expect(s.decisions).toEqual(["Quartz runs triggers without InTimeZone in the server's local zone: choose the IANA zone the server used"]);
  });
});

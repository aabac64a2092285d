/**
 * Fixtures per library and per trap: each schedule must be found at the line carrying its `// expect:<id>` marker,
 * with the expression as written, the time zone (or the decision) and the job it runs. Lines come from the
 * markers, so editing a fixture keeps the test honest; a schedule found anywhere else, or not found, fails.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RepoFiles } from '../../../src/check/walk.js';
import { buildReport, type MigrationEntry, type MigrationReport } from '../../../src/migrate/report.js';
import { scanRepository } from '../../../src/migrate/scan.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/migrate');
const FROM = new Date('2027-01-01T00:00:00Z');

async function report(name: string): Promise<MigrationReport> {
  const root = join(FIXTURES, name);
  return buildReport(root, await scanRepository(root), FROM);
}

/** `{ id → "file:line" }` from the `// expect:<id>` markers of a fixture's files. */
function markers(name: string, files: string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files) {
    readFileSync(join(FIXTURES, name, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        const m = /\/\/ expect:([\w-]+)/.exec(line);
        if (m) out.set(m[1]!, `${file}:${i + 1}`);
      });
  }
  return out;
}

type Expected = Partial<Pick<MigrationEntry, 'library' | 'jobId' | 'invoked' | 'source' | 'expression' | 'schedule' | 'timeZone' | 'exact'>> & { decision?: RegExp; note?: RegExp; reason?: RegExp };

async function expectFixture(name: string, files: string[], expected: Record<string, Expected>) {
  const r = await report(name);
  const at = markers(name, files);
  expect([...at.keys()].sort()).toEqual(Object.keys(expected).sort());
  const found = new Map(r.schedules.map((s) => [`${s.file}:${s.line}`, s]));
  for (const [id, exp] of Object.entries(expected)) {
    const entry = found.get(at.get(id)!);
    expect(entry, `${id}: nothing reported at ${at.get(id)}; reported: ${[...found.keys()].join(', ')}`).toBeDefined();
    const { decision, note, reason, ...fields } = exp;
    expect(entry, id).toMatchObject(fields);
    if (decision) expect(entry!.decisions.join('\n'), id).toMatch(decision);
    else expect(entry!.decisions, id).toEqual([]);
    if (note) expect(entry!.notes.join('\n'), id).toMatch(note);
    if (reason) expect(entry!.reason ?? '', id).toMatch(reason);
  }
  // Nothing reported beyond the markers.
  expect(r.schedules.length).toBe(at.size);
  return r;
}

describe('migrate detection', () => {
  it('hangfire: overloads, Cron helpers and method groups, options time zone, IRecurringJobManager, a team\'s own Cron', async () => {
    await expectFixture('hangfire', ['src/App/Program.cs', 'src/App/Workers.cs', 'src/App/TeamScheduling.cs'], {
      helper: { library: 'hangfire', jobId: 'daily-report', invoked: 'ReportJob.Run', source: 'Cron.Daily(2, 30)', expression: '30 2 * * *', schedule: '30 2 * * *', timeZone: 'Etc/UTC', exact: true },
      'method-group': { jobId: 'hourly', source: 'Cron.Hourly', expression: '0 * * * *', exact: true },
      const: { jobId: 'nightly', invoked: 'Console.WriteLine', source: 'NightlyCron', expression: '30 2 * * *', exact: true },
      multiline: { jobId: 'cleanup', invoked: 'CleanupJob.Clean', source: '"0 3 * * 1-5"', schedule: '0 3 * * 1-5', timeZone: 'Europe/Berlin', exact: true },
      config: { jobId: 'from-config', expression: '0 4 * * *', exact: false, decision: /configuration key Jobs:Report:Cron/ },
      'no-id': { jobId: 'ReportJob.Run', source: '"*/10 * * * * *"', schedule: '* * * * *', timeZone: 'Etc/UTC', exact: false, reason: /more than once a minute/ },
      manager: { jobId: 'via-manager', invoked: 'CleanupJob.Clean', schedule: '0 0 28-31 * *', timeZone: null, exact: false, decision: /TimeZoneInfo\.Local/ },
      weekly: { jobId: 'weekly', source: 'Cron.Weekly(DayOfWeek.Friday, 18)', expression: '0 18 * * 5', exact: true },
      named: { jobId: 'named-args', invoked: 'ReportJob.Run', source: 'Cron.Monthly(15, 6)', expression: '0 6 15 * *', schedule: '0 6 15 * *', timeZone: 'Asia/Tokyo', exact: true },
      // Acme.Scheduling.Cron is the team's class: its result is not guessed.
      'own-cron': { jobId: 'with-own-cron', expression: null, schedule: null, exact: false, reason: /Acme\.Scheduling\.Cron\.Daily\(\)/ },
    });
  });

  it('quartz: cron and builder schedules, Windows and run-time zones, triggers bound later through variables and lists', async () => {
    await expectFixture('quartz', ['src/App/Program.cs'], {
      'runtime-zone': { library: 'quartz', jobId: 'invoices', invoked: 'InvoiceJob.Execute', source: '"0 0 6 ? * MON-FRI"', schedule: '0 6 * * 1-5', timeZone: null, exact: false, decision: /chosen at run time among "Romance Standard Time" \(= Europe\/Paris\), "Europe\/Paris"/ },
      'list-1': { jobId: 'reports', invoked: 'ReportJob.Execute', schedule: '0 7 * * 1', timeZone: null, decision: /server's local zone/, note: /bound to ReportJob by scheduler\.ScheduleJob\(reportJob, reportTriggers/ },
      builder: { jobId: 'reports', source: 'CronScheduleBuilder.DailyAtHourAndMinute(19, 30)', expression: '0 30 19 ? * *', schedule: '30 19 * * *', timeZone: 'Europe/Berlin', exact: true },
      simple: { invoked: 'PollJob.Execute', schedule: '*/15 * * * *', exact: false, decision: /local zone/, reason: /not aligned to the clock/ },
      orphan: { jobId: null, schedule: '15 10 28-31 * *', decision: /local zone/, note: /`orphan` was not followed/ },
      forjob: { jobId: 'archive', invoked: 'ArchiveJob.Execute', schedule: '30 1 * * 0', decision: /local zone/ },
      'schedulejob-generic': { jobId: 'poll-di', invoked: 'PollJob.Execute', schedule: '*/5 * * * *', timeZone: 'Etc/UTC', exact: true },
    });
  });

  it('ncronjob: generic jobs, Windows zone id, named jobs, lambda jobs', async () => {
    await expectFixture('ncronjob', ['src/App/Program.cs'], {
      basic: { library: 'ncronjob', jobId: 'PrintJob', schedule: '*/5 * * * *', timeZone: 'Etc/UTC', exact: true },
      zoned: { jobId: 'morning', source: '"0 0 8 * * 1-5"', schedule: '0 8 * * 1-5', timeZone: 'America/New_York', exact: true },
      lambda: { invoked: 'logger.LogInformation', schedule: '0 * * * *', exact: true },
    });
  });

  it('coravel: intervals with day restrictions, Zoned, Cron with AND-ed days, sub-minute', async () => {
    await expectFixture('coravel', ['src/App/Program.cs'], {
      interval: { library: 'coravel', jobId: 'SendEmails', invoked: 'SendEmails.Invoke', source: 'EveryFiveMinutes().Weekday()', schedule: '*/5 * * * 1-5', exact: true },
      zoned: { source: 'DailyAt(2, 30).Zoned(TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid"))', schedule: '30 2 * * *', timeZone: 'Europe/Madrid', exact: false, reason: /daylight-saving/ },
      cron: { source: 'Cron("0 0 13 * 5")', schedule: '0 0 13 * *', exact: false, reason: /AND-ed/ },
      seconds: { source: 'EverySeconds(20)', schedule: '* * * * *', exact: false, reason: /more than once a minute/ },
    });
  });

  it('hosted services: constant Task.Delay and PeriodicTimer periods, a period from configuration', async () => {
    await expectFixture('hosted', ['src/App/Workers.cs'], {
      delay: { library: 'hosted-service', jobId: 'Cleaner', schedule: '*/5 * * * *', exact: false, reason: /300s/ },
      timer: { jobId: 'Ticker', source: 'new PeriodicTimer(TimeSpan.FromHours(1))', schedule: '0 * * * *', exact: false },
      config: { jobId: 'FromConfig', schedule: null, exact: false, note: /Workers:Period/ },
    });
  });

  it('a file with a syntax error is reported with its line; the other files are still scanned', async () => {
    const r = await expectFixture('broken', ['src/App/Good.cs'], { good: { jobId: 'good', schedule: '0 1 * * *', exact: true } });
    expect(r.problems).toEqual([expect.objectContaining({ file: 'src/App/Broken.cs', line: 5, kind: 'syntax-error' })]);
  });

  it('an unreadable file is reported and the rest is still scanned', async () => {
    const files = new Map([
      ['src/App/App.csproj', '<Project Sdk="Microsoft.NET.Sdk" />'],
      ['src/App/Jobs.cs', 'using Hangfire;\nRecurringJob.AddOrUpdate("a", () => Console.WriteLine(), "0 3 * * *");\n'],
      ['src/App/Locked.cs', ''],
    ]);
    const repo: RepoFiles = {
      paths: [...files.keys()],
      notes: [],
      read(path) {
        if (path === 'src/App/Locked.cs') {
          this.notes.push({ kind: 'unreadable', file: path, message: 'not readable: EACCES' });
          return undefined;
        }
        return files.get(path);
      },
    };
    const r = buildReport('/repo', await scanRepository('/repo', repo), FROM);
    expect(r.schedules.map((s) => [s.file, s.line, s.schedule])).toEqual([['src/App/Jobs.cs', 2, '0 3 * * *']]);
    expect(r.problems).toEqual([{ file: 'src/App/Locked.cs', kind: 'unreadable', message: 'not readable: EACCES' }]);
  });
});

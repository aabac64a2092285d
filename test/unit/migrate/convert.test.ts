/**
 * Conversion cases from every dialect, exact and not. Each case asserts the converter's own fire-time comparison
 * over the four-year horizon (exact: no difference and the same number of runs; not exact: the first differing
 * local date and time, and which side fires there) AND re-checks it with evaluators that share no code with the
 * converter: croner (AND-ed day fields, seconds, year, `L`/`W`/`#`, Quartz weekday numbering: the source
 * dialects' semantics) for the source, and test/support/cron-oracle.ts (cron-parser + robfig's rules) for Kubernetes.
 */
import { Cron } from 'croner';
import { describe, expect, it } from 'vitest';
import { convert } from '../../../src/migrate/convert.js';
import { DialectError } from '../../../src/migrate/dialect-fields.js';
import { parseCoravel } from '../../../src/migrate/dialects/coravel.js';
import { parseCronos } from '../../../src/migrate/dialects/cronos.js';
import { parseInterval } from '../../../src/migrate/dialects/interval.js';
import { parseQuartz } from '../../../src/migrate/dialects/quartz.js';
import type { SourceSchedule } from '../../../src/migrate/source-schedule.js';
import { oracleRuns } from '../../support/cron-oracle.js';

const FROM = new Date('2027-01-01T00:00:00Z');
const DAY = 86_400_000;

interface Case {
  readonly name: string;
  readonly source: () => SourceSchedule;
  /** croner pattern with the source's meaning (undefined: croner cannot express it). */
  readonly croner?: string;
  readonly quartz?: boolean;
  readonly zone?: string;
  readonly schedule: string;
  /** undefined = exact; otherwise the first difference as `YYYY-MM-DD HH:MM:SS source|kubernetes[ gap|repeat]`. */
  readonly diff?: string;
  readonly reason?: string;
}

const hangfire = (e: string) => () => parseCronos(e, 'hangfire');
const ncron = (e: string) => () => parseCronos(e, 'ncronjob');
const quartz = (e: string) => () => parseQuartz(e);
const coravel = (method: string, args: (number | string)[] = [], days: string[] = []) => () => parseCoravel(method, args, days, `${method}(${args.join(', ')})${days.map((d) => `.${d}()`).join('')}`);

const CASES: Case[] = [
  // Hangfire (Cronos)
  { name: 'hangfire daily 02:00 UTC', source: hangfire('0 2 * * *'), croner: '0 2 * * *', schedule: '0 2 * * *' },
  { name: 'hangfire every 15 minutes', source: hangfire('*/15 * * * *'), croner: '*/15 * * * *', schedule: '*/15 * * * *' },
  { name: 'hangfire 7 is Sunday', source: hangfire('0 0 * * 7'), croner: '0 0 * * 0', schedule: '0 0 * * 0' },
  { name: 'hangfire MON-FRI names', source: hangfire('0 9 * * MON-FRI'), croner: '0 9 * * 1-5', schedule: '0 9 * * 1-5' },
  { name: 'hangfire 6 fields: seconds offset', source: hangfire('30 0 9 * * *'), croner: '30 0 9 * * *', schedule: '0 9 * * *', diff: '2027-01-01 09:00:00 kubernetes', reason: 'seconds-offset' },
  { name: 'hangfire every 10 seconds', source: hangfire('*/10 * * * * *'), croner: '*/10 * * * * *', schedule: '* * * * *', diff: '2027-01-01 00:00:10 source', reason: 'sub-minute' },
  { name: 'hangfire Friday 13th is AND', source: hangfire('0 0 13 * 5'), croner: '0 0 13 * 5', schedule: '0 0 13 * *', diff: '2027-01-13 00:00:00 kubernetes', reason: 'day-fields-and' },
  { name: 'hangfire L last day', source: hangfire('0 0 L * *'), croner: '0 0 L * *', schedule: '0 0 28-31 * *', diff: '2027-01-28 00:00:00 kubernetes', reason: 'day-special' },
  { name: 'hangfire L-2', source: hangfire('0 0 L-2 * *'), schedule: '0 0 26-29 * *', diff: '2027-01-26 00:00:00 kubernetes', reason: 'day-special' },
  { name: 'hangfire 15W', source: hangfire('0 0 15W * *'), croner: '0 0 15W * *', schedule: '0 0 14-16 * *', diff: '2027-01-14 00:00:00 kubernetes', reason: 'day-special' },
  { name: 'hangfire third Friday 5#3', source: hangfire('0 0 * * 5#3'), croner: '0 0 * * 5#3', schedule: '0 0 * * 5', diff: '2027-01-01 00:00:00 kubernetes', reason: 'day-special' },
  { name: 'hangfire last Friday 5L', source: hangfire('0 0 * * 5L'), croner: '0 0 * * 5L', schedule: '0 0 * * 5', diff: '2027-01-01 00:00:00 kubernetes', reason: 'day-special' },
  { name: 'hangfire LW', source: hangfire('0 0 LW * *'), schedule: '0 0 26-31 * *', diff: '2027-01-26 00:00:00 kubernetes', reason: 'day-special' },
  { name: 'hangfire @weekly', source: hangfire('@weekly'), croner: '0 0 * * 0', schedule: '0 0 * * 0' },
  { name: 'hangfire @monthly', source: hangfire('@monthly'), croner: '0 0 1 * *', schedule: '0 0 1 * *' },
  { name: 'hangfire 02:00 Madrid: DST gap', source: hangfire('0 2 * * *'), croner: '0 2 * * *', zone: 'Europe/Madrid', schedule: '0 2 * * *', diff: '2027-03-28 02:00:00 source gap', reason: 'dst' },
  { name: 'hangfire 01:30 New York: DST repeat', source: hangfire('30 1 * * *'), croner: '30 1 * * *', zone: 'America/New_York', schedule: '30 1 * * *', diff: '2027-11-07 01:30:00 source repeat', reason: 'dst' },
  { name: 'hangfire 01:30 Madrid: outside both changes', source: hangfire('30 1 * * *'), croner: '30 1 * * *', zone: 'Europe/Madrid', schedule: '30 1 * * *' },
  { name: 'hangfire every 2 hours', source: hangfire('0 */2 * * *'), croner: '0 */2 * * *', schedule: '0 */2 * * *' },
  { name: 'hangfire 1st and 15th', source: hangfire('0 0 1,15 * *'), croner: '0 0 1,15 * *', schedule: '0 0 1,15 * *' },
  { name: 'hangfire ? in day-of-month', source: hangfire('0 0 ? * SUN'), croner: '0 0 * * 0', schedule: '0 0 * * 0' },
  { name: 'hangfire month names', source: hangfire('0 0 1 JAN,JUL *'), croner: '0 0 1 1,7 *', schedule: '0 0 1 1,7 *' },
  { name: 'hangfire weekdays noon Madrid', source: hangfire('0 12 * * 1-5'), croner: '0 12 * * 1-5', zone: 'Europe/Madrid', schedule: '0 12 * * 1-5' },
  { name: 'hangfire 5/10 minutes', source: hangfire('5/10 * * * *'), croner: '5-59/10 * * * *', schedule: '5/10 * * * *' },
  { name: 'hangfire every hour all hours in Madrid (no DST issue)', source: hangfire('0 * * * *'), croner: '0 * * * *', zone: 'Europe/Madrid', schedule: '0 * * * *' },
  // NCronJob (Cronos)
  { name: 'ncronjob every 6 hours', source: ncron('0 */6 * * *'), croner: '0 */6 * * *', schedule: '0 */6 * * *' },
  { name: 'ncronjob 6 fields at second 0', source: ncron('0 0 0 * * 1'), croner: '0 0 0 * * 1', schedule: '0 0 * * 1' },
  { name: 'ncronjob every 30 seconds', source: ncron('*/30 * * * * *'), croner: '*/30 * * * * *', schedule: '* * * * *', diff: '2027-01-01 00:00:30 source', reason: 'sub-minute' },
  { name: 'ncronjob day 31 AND Monday', source: ncron('0 6 31 * MON'), croner: '0 6 31 * 1', schedule: '0 6 31 * *', diff: '2027-01-31 06:00:00 kubernetes', reason: 'day-fields-and' },
  // Quartz
  { name: 'quartz noon every day', source: quartz('0 0 12 * * ?'), croner: '0 0 12 * * ?', quartz: true, schedule: '0 12 * * *' },
  { name: 'quartz 10:15 MON-FRI', source: quartz('0 15 10 ? * MON-FRI'), croner: '0 15 10 ? * MON-FRI', quartz: true, schedule: '15 10 * * 1-5' },
  { name: 'quartz 1 is Sunday', source: quartz('0 0 12 ? * 1'), croner: '0 0 12 ? * 1', quartz: true, schedule: '0 12 * * 0' },
  { name: 'quartz 2,4,6 are Mon/Wed/Fri', source: quartz('0 0 12 ? * 2,4,6'), croner: '0 0 12 ? * 2,4,6', quartz: true, schedule: '0 12 * * 1,3,5' },
  { name: 'quartz 7 is Saturday', source: quartz('0 0 12 ? * 7'), croner: '0 0 12 ? * 7', quartz: true, schedule: '0 12 * * 6' },
  { name: 'quartz bare L in day-of-week is Saturday', source: quartz('0 0 12 ? * L'), croner: '0 0 12 ? * 7', quartz: true, schedule: '0 12 * * 6' },
  { name: 'quartz 0/5 minutes at 14h', source: quartz('0 0/5 14 * * ?'), croner: '0 */5 14 * * ?', quartz: true, schedule: '*/5 14 * * *' },
  { name: 'quartz every 5th day from the 1st', source: quartz('0 0 12 1/5 * ?'), croner: '0 0 12 1-31/5 * ?', quartz: true, schedule: '0 12 */5 * *' },
  { name: 'quartz 11/11 11:11', source: quartz('0 11 11 11 11 ?'), croner: '0 11 11 11 11 ?', quartz: true, schedule: '11 11 11 11 *' },
  { name: 'quartz L', source: quartz('0 15 10 L * ?'), croner: '0 15 10 L * ?', quartz: true, schedule: '15 10 28-31 * *', diff: '2027-01-28 10:15:00 kubernetes', reason: 'day-special' },
  { name: 'quartz 6L last Friday', source: quartz('0 15 10 ? * 6L'), croner: '0 15 10 ? * 6L', quartz: true, schedule: '15 10 * * 5', diff: '2027-01-01 10:15:00 kubernetes', reason: 'day-special' },
  { name: 'quartz 6#3 third Friday', source: quartz('0 15 10 ? * 6#3'), croner: '0 15 10 ? * 6#3', quartz: true, schedule: '15 10 * * 5', diff: '2027-01-01 10:15:00 kubernetes', reason: 'day-special' },
  { name: 'quartz year 2027 only', source: quartz('0 15 10 * * ? 2027'), croner: '0 15 10 * * ? 2027', quartz: true, schedule: '15 10 * * *', diff: '2028-01-01 10:15:00 kubernetes', reason: 'year' },
  { name: 'quartz 30 s into the minute', source: quartz('30 0 12 * * ?'), croner: '30 0 12 * * ?', quartz: true, schedule: '0 12 * * *', diff: '2027-01-01 12:00:00 kubernetes', reason: 'seconds-offset' },
  { name: 'quartz 15W', source: quartz('0 0 0 15W * ?'), croner: '0 0 0 15W * ?', quartz: true, schedule: '0 0 14-16 * *', diff: '2027-01-14 00:00:00 kubernetes', reason: 'day-special' },
  { name: 'quartz 02:30 Berlin: DST gap', source: quartz('0 30 2 * * ?'), croner: '0 30 2 * * ?', quartz: true, zone: 'Europe/Berlin', schedule: '30 2 * * *', diff: '2027-03-28 02:30:00 source gap', reason: 'dst' },
  // Coravel
  { name: 'coravel EveryFiveMinutes', source: coravel('EveryFiveMinutes'), croner: '*/5 * * * *', schedule: '*/5 * * * *' },
  { name: 'coravel DailyAt(13, 30)', source: coravel('DailyAt', [13, 30]), croner: '30 13 * * *', schedule: '30 13 * * *' },
  { name: 'coravel Weekly is Monday', source: coravel('Weekly'), croner: '0 0 * * 1', schedule: '0 0 * * 1' },
  { name: 'coravel Hourly().Weekday()', source: coravel('Hourly', [], ['Weekday']), croner: '0 * * * 1-5', schedule: '0 * * * 1-5' },
  { name: 'coravel Monthly', source: coravel('Monthly'), croner: '0 0 1 * *', schedule: '0 0 1 * *' },
  { name: 'coravel EveryThirtySeconds', source: coravel('EveryThirtySeconds'), croner: '*/30 * * * * *', schedule: '* * * * *', diff: '2027-01-01 00:00:30 source', reason: 'sub-minute' },
  { name: 'coravel Cron AND-ed days', source: coravel('Cron', ['0 0 13 * 5']), croner: '0 0 13 * 5', schedule: '0 0 13 * *', diff: '2027-01-13 00:00:00 kubernetes', reason: 'day-fields-and' },
  { name: 'coravel DailyAtHour(2) Madrid: DST gap', source: coravel('DailyAtHour', [2]), croner: '0 2 * * *', zone: 'Europe/Madrid', schedule: '0 2 * * *', diff: '2027-03-28 02:00:00 source gap', reason: 'dst' },
  { name: 'coravel Daily().Weekend()', source: coravel('Daily', [], ['Weekend']), croner: '0 0 * * 0,6', schedule: '0 0 * * 0,6' },
];

function diffText(c: ReturnType<typeof convert>): string | undefined {
  const d = c.comparison?.firstDifference;
  return d && `${d.date} ${d.time} ${d.source ? 'source' : 'kubernetes'}${d.dst ? ` ${d.dst}` : ''}`;
}

/** Instant of a local date-time in a zone (the first one, for repeated times). */
function instantOf(local: string, zone: string): number {
  const guess = Date.parse(`${local.replace(' ', 'T')}Z`);
  // Largest offset first: the earliest instant with that wall clock.
  for (let off = 14 * 60; off >= -14 * 60; off -= 15) {
    const ms = guess - off * 60_000;
    const f = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(new Date(ms));
    if (f === local) return ms;
  }
  // Inside a spring-forward gap: an hour earlier, plus the hour.
  return instantOf(new Date(guess - 3_600_000).toISOString().slice(0, 19).replace('T', ' '), zone) + 3_600_000;
}

describe('convert: fire times compared over the horizon', () => {
  it('has at least 40 cases across the four dialects, exact and not', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(40);
    const dialects = new Set(CASES.map((c) => c.source().dialect));
    expect([...dialects].sort()).toEqual(['coravel', 'hangfire', 'ncronjob', 'quartz']);
    expect(CASES.filter((c) => c.diff).length).toBeGreaterThanOrEqual(15);
    expect(CASES.filter((c) => !c.diff).length).toBeGreaterThanOrEqual(15);
  });

  it.each(CASES)('$name', (c) => {
    const zone = c.zone ?? 'Etc/UTC';
    const result = convert(c.source(), { timeZone: zone, from: FROM });
    expect(result.schedule).toBe(c.schedule);
    expect(result.timeZone).toBe(zone);
    const cmp = result.comparison!;
    expect(Date.parse(cmp.to) - Date.parse(cmp.from)).toBeGreaterThanOrEqual(2 * 365 * DAY);
    if (c.diff === undefined) {
      expect(result.exact).toBe(true);
      expect(diffText(result)).toBeUndefined();
      expect(cmp.sourceRuns).toBe(cmp.kubernetesRuns);
      expect(cmp.sourceRuns).toBeGreaterThan(0);
      expect(result.reasons).toEqual([]);
    } else {
      expect(result.exact).toBe(false);
      expect(diffText(result)).toBe(c.diff);
      expect(result.reasons.map((r) => r.code)).toContain(c.reason);
    }
    // Independent evaluators: croner for the source dialect, the cron-parser oracle for Kubernetes.
    if (c.croner === undefined) return;
    const cron = new Cron(c.croner, { timezone: zone, domAndDow: true, alternativeWeekdays: c.quartz === true, paused: true });
    // Around the expected difference (or the first 10 days when exact): both sides' instants, to the minute.
    const firstRun = cron.nextRun(new Date(FROM.getTime() - 1))!.getTime();
    const at = c.diff ? instantOf(c.diff.slice(0, 19), zone) : firstRun;
    const from = Math.max(FROM.getTime(), at - 2 * DAY);
    const to = c.diff ? at + 2 * DAY : at + 10 * DAY;
    const source: number[] = [];
    for (let t = cron.nextRun(new Date(from - 1)); t && t.getTime() <= to; t = cron.nextRun(t)) source.push(t.getTime());
    const kube = oracleRuns(c.schedule, zone, from - 60_000, to);
    if (c.diff === undefined) {
      expect(source.length).toBeGreaterThan(0);
      expect(kube).toEqual(source);
      return;
    }
    const sourceSet = new Set(source);
    const kubeSet = new Set(kube);
    const firstOnlyOne = [...new Set([...source, ...kube])].sort((a, b) => a - b).find((t) => sourceSet.has(t) !== kubeSet.has(t)
      // A repeated wall time: Kubernetes runs it twice, the source once.
      || kube.filter((k) => k === t).length !== source.filter((s) => s === t).length);
    if (c.diff.endsWith('repeat')) {
      // The oracle lists the second pass an hour later; croner does not.
      expect(kube.filter((k) => k === at + 3_600_000)).toHaveLength(1);
      expect(sourceSet.has(at + 3_600_000)).toBe(false);
      return;
    }
    expect(firstOnlyOne).toBeDefined();
    const expectedSide = c.diff.includes(' source') ? sourceSet : kubeSet;
    if (c.diff.endsWith('gap')) {
      // The source fires at the end of the gap (03:00 local), Kubernetes not at all that day.
      expect(kube.some((k) => k >= at - 3_600_000 && k <= at + 3_600_000)).toBe(false);
      expect(source.some((s) => s >= at - 3_600_000 && s <= at + 3_600_000)).toBe(true);
      return;
    }
    expect(firstOnlyOne).toBe(at);
    expect(expectedSide.has(at)).toBe(true);
  });
});

describe('convert: what is never exact', () => {
  it('a drifting Task.Delay interval gets the clock-aligned nearest schedule and no exact claim', () => {
    const r = convert(parseInterval(300, 'Task.Delay(TimeSpan.FromMinutes(5))'), { timeZone: 'Etc/UTC', from: FROM });
    expect(r).toMatchObject({ exact: false, schedule: '*/5 * * * *' });
    expect(r.reasons.map((x) => x.code)).toEqual(['drifting-interval']);
  });

  it('a 7-minute PeriodicTimer gets the nearest divisor of the hour', () => {
    expect(convert(parseInterval(420, 'new PeriodicTimer(TimeSpan.FromMinutes(7))'), { timeZone: 'Etc/UTC', from: FROM }).schedule).toBe('*/6 * * * *');
  });

  it('an undecided time zone is never exact, even when the fields agree', () => {
    const r = convert(parseQuartz('0 0 2 * * ?'), { from: FROM });
    expect(r.exact).toBe(false);
    expect(r.timeZone).toBeUndefined();
    expect(r.reasons.map((x) => x.code)).toEqual(['time-zone-undecided']);
    expect(r.comparison?.firstDifference).toBeUndefined();
  });

  it('the guard for a day rule is given only when the nearest schedule covers every source run', () => {
    const l = convert(parseCronos('0 0 L * *', 'hangfire'), { timeZone: 'Etc/UTC', from: FROM });
    expect(l.comparison?.kubernetesCoversSource).toBe(true);
    expect(l.guard).toContain('now.Day == DateTime.DaysInMonth(now.Year, now.Month)');
    const and = convert(parseCronos('0 0 13 * 5', 'hangfire'), { timeZone: 'Etc/UTC', from: FROM });
    expect(and.guard).toContain('DayOfWeek.Friday');
    expect(convert(parseCronos('0 2 * * *', 'hangfire'), { timeZone: 'Etc/UTC', from: FROM }).guard).toBeUndefined();
  });
});

describe('dialect grammar', () => {
  it.each([
    ['quartz restricting both day fields', () => parseQuartz('0 0 12 * * *')],
    ['quartz with 5 fields', () => parseQuartz('0 12 * * ?')],
    ['quartz day-of-week 0', () => parseQuartz('0 0 12 ? * 0')],
    ['cronos with 7 fields', () => parseCronos('0 0 12 * * * 2027', 'hangfire')],
    ['cronos unknown macro', () => parseCronos('@fortnightly', 'hangfire')],
    ['cronos minute 60', () => parseCronos('60 * * * *', 'hangfire')],
    ['cronos backwards range', () => parseCronos('0 5-2 * * *', 'hangfire')],
    ['coravel Cron with 6 fields', () => parseCoravel('Cron', ['0 0 0 * * *'], [], 'Cron(...)')],
  ])('%s is refused as the library would', (_name, parse) => {
    expect(parse).toThrow(DialectError);
  });
});

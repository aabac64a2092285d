/**
 * Source schedule → Kubernetes `schedule` + `timeZone`. The schedule is built field by field; whether it is exact
 * is never assumed from the construction: `compareFireTimes` evaluates both sides over the horizon and `exact` is
 * its verdict. When it is not exact the result names why (`reasons`), the nearest schedule (one that fires at least
 * whenever the source does, where one exists) and the in-job `guard` that would skip the extra runs.
 */
import { compareFireTimes, HORIZON_DAYS, type Comparison } from './compare.js';
import { nearestForPeriod } from './dialects/interval.js';
import {
  daysInMonth,
  isDomPlain,
  isDowPlain,
  sourceDayMatches,
  valuesOf,
  weekdayOf,
  type DayOfMonthRule,
  type DayOfWeekRule,
  type SourceSchedule,
} from './source-schedule.js';

export type ReasonCode =
  | 'seconds-offset'
  | 'sub-minute'
  | 'year'
  | 'day-fields-and'
  | 'day-special'
  | 'drifting-interval'
  | 'dst'
  | 'time-zone-undecided'
  | 'mismatch';

export interface Reason {
  readonly code: ReasonCode;
  /** Parameters of the message (see `migrate/messages.ts`). */
  readonly detail: string;
}

export interface Conversion {
  readonly exact: boolean;
  /** The 5-field Kubernetes schedule: exact, or the nearest one. */
  readonly schedule: string;
  /** IANA zone for `spec.timeZone`; undefined when the source's zone is a decision left to the user. */
  readonly timeZone?: string;
  readonly reasons: readonly Reason[];
  /** C# for the top of the job's run method that makes the nearest schedule exact (skips the extra runs). */
  readonly guard?: string;
  readonly comparison?: Comparison;
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `[0,5,10,…,55]` → `*\/5`; `[1,2,3,7]` → `1-3,7`; every value → `*`. */
export function renderField(values: readonly number[], min: number, max: number): string {
  if (values.length === max - min + 1) return '*';
  if (values.length >= 2) {
    const step = values[1]! - values[0]!;
    const arithmetic = values.every((v, i) => i === 0 || v - values[i - 1]! === step);
    // `*/30` reads better than `0,30` (minutes, hours); `1,7` months and `0,6` weekdays stay lists, and an offset
    // start only pays off with a longer series (`5/10`, not `1/2`).
    if (step > 1 && arithmetic && values.at(-1)! + step > max && (values[0] === min ? values.length >= 3 || max - min >= 23 : values.length > 3)) return values[0] === min ? `*/${step}` : `${values[0]}/${step}`;
  }
  const parts: string[] = [];
  for (let i = 0; i < values.length; ) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    parts.push(j - i >= 2 ? `${values[i]}-${values[j]}` : j === i ? `${values[i]}` : `${values[i]},${values[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

export interface ConvertOptions {
  /** IANA zone; undefined when the zone is decided at run time or read from configuration. */
  readonly timeZone?: string;
  /** Start of the comparison horizon. @default now */
  readonly from?: Date;
  /** @default HORIZON_DAYS (4 years) */
  readonly days?: number;
}

export function convert(source: SourceSchedule, options: ConvertOptions = {}): Conversion {
  // Whole minutes, so conversions in one run share the horizon (and its cached DST transitions).
  const fromMs = Math.floor((options.from ?? new Date()).getTime() / 60_000) * 60_000;
  const days = options.days ?? HORIZON_DAYS;
  const reasons: Reason[] = [];
  const undecided = options.timeZone === undefined;
  if (undecided) reasons.push({ code: 'time-zone-undecided', detail: '' });
  const zone = options.timeZone ?? 'Etc/UTC';

  if (source.driftingIntervalSeconds !== undefined) {
    const near = nearestForPeriod(source.driftingIntervalSeconds);
    reasons.push({ code: 'drifting-interval', detail: `${source.driftingIntervalSeconds}s${near.samePeriod ? '' : ', nearest clock-aligned period differs'}` });
    if (source.driftingIntervalSeconds < 60) reasons.push({ code: 'sub-minute', detail: `${source.driftingIntervalSeconds}s` });
    return { exact: false, schedule: near.schedule, ...(undecided ? {} : { timeZone: zone }), reasons };
  }

  const guards: string[] = [];
  const seconds = valuesOf(source.seconds);
  if (seconds.length > 1) {
    reasons.push({ code: 'sub-minute', detail: seconds.join(',') });
    guards.push(`// Kubernetes starts the job once a minute: run the work at seconds ${seconds.join(', ')} of it.\nforeach (var second in new[] { ${seconds.join(', ')} })\n{\n    var wait = TimeSpan.FromSeconds(second) - TimeSpan.FromSeconds(DateTime.UtcNow.Second);\n    if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);\n    /* run the work */\n}`);
  } else if (seconds[0] !== 0) {
    reasons.push({ code: 'seconds-offset', detail: String(seconds[0]) });
    guards.push(`await Task.Delay(TimeSpan.FromSeconds(${seconds[0]}), cancellationToken); // the source fires ${seconds[0]} s into the minute`);
  }
  if (source.years) reasons.push({ code: 'year', detail: [...source.years].sort().join(',') });

  const minute = renderField(valuesOf(source.minutes), 0, 59);
  const hour = renderField(valuesOf(source.hours), 0, 23);
  const month = renderField(valuesOf(source.months), 1, 12);
  const [dom, dow, dayReason] = dayFields(source, fromMs, days);
  if (dayReason) reasons.push(dayReason);
  if (dayReason || source.years) guards.push(`if (!(${dayGuard(source)})) return 0; // ${describeDays(source)}`);
  const schedule = `${minute} ${hour} ${dom} ${month} ${dow}`;

  const comparison = compareFireTimes(source, schedule, zone, fromMs, days);
  const diff = comparison.firstDifference;
  if (diff?.dst) reasons.push({ code: 'dst', detail: `${diff.date} ${diff.time} ${diff.dst}` });
  else if (diff && reasons.length === (undecided ? 1 : 0)) {
    // The construction believed it exact; the evaluation says otherwise. Say so rather than hide it.
    reasons.push({ code: 'mismatch', detail: `${diff.date} ${diff.time}` });
  }
  const exact = !undecided && diff === undefined;
  const zoneForGuard = undecided ? '<the IANA zone you choose>' : zone;
  const guard = guards.length > 0 ? [`var now = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "${zoneForGuard}");`, ...guards].join('\n') : undefined;
  return {
    exact,
    schedule,
    ...(undecided ? {} : { timeZone: zone }),
    reasons: exact ? [] : reasons,
    ...(!exact && guard && comparison.kubernetesCoversSource ? { guard } : {}),
    comparison,
  };
}

/**
 * The day-of-month and day-of-week fields. Plain rules map one to one when at most one of them is restricted;
 * otherwise (AND-ed restrictions, `L`, `W`, `#`) the nearest schedule restricts only one field, to the days or
 * weekdays on which the source fires within the horizon, whichever runs fewer times.
 */
function dayFields(s: SourceSchedule, fromMs: number, days: number): [string, string, Reason | undefined] {
  const { dayOfMonth: domRule, dayOfWeek: dowRule } = s;
  const domText = (r: DayOfMonthRule) => renderField(valuesOf(r.values), 1, 31);
  const dowText = (r: DayOfWeekRule) => renderField(valuesOf(r.values).filter((v) => v < 7), 0, 6);
  if (domRule.star && dowRule.star) return ['*', '*', undefined];
  if (isDomPlain(domRule) && dowRule.star) return [domText(domRule), '*', undefined];
  if (domRule.star && isDowPlain(dowRule)) return ['*', dowText(dowRule), undefined];
  // Which days of the month and weekdays the source can fire on: one 28-year cycle (the Gregorian weekday pattern
  // repeats every 28 years between 1901 and 2099), so the nearest schedule covers every future month, not only
  // the comparison horizon.
  const doms = new Set<number>();
  const dows = new Set<number>();
  const start = new Date(fromMs);
  const base = Date.UTC(start.getUTCFullYear(), 0, 1);
  const cycle = Math.round((Date.UTC(start.getUTCFullYear() + 28, 0, 1) - base) / 86_400_000);
  for (let i = 0; i < cycle; i++) {
    const d = new Date(base + i * 86_400_000);
    if (sourceDayMatches({ ...s, years: undefined }, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())) {
      doms.add(d.getUTCDate());
      dows.add(d.getUTCDay());
    }
  }
  let domCount = 0;
  let dowCount = 0;
  for (let i = 0; i < days; i++) {
    const d = new Date(fromMs + i * 86_400_000);
    if (s.months[d.getUTCMonth() + 1] !== true) continue;
    if (doms.has(d.getUTCDate())) domCount++;
    if (dows.has(d.getUTCDay())) dowCount++;
  }
  const both = isDomPlain(domRule) && isDowPlain(dowRule);
  const reason: Reason = both
    ? { code: 'day-fields-and', detail: `${domText(domRule)} AND ${dowText(dowRule)}` }
    : { code: 'day-special', detail: describeDays(s) };
  if (doms.size === 0) return ['*', '*', reason];
  const byDom: [string, string] = [renderField([...doms].sort((a, b) => a - b), 1, 31), '*'];
  const byDow: [string, string] = ['*', renderField([...dows].sort((a, b) => a - b), 0, 6)];
  // robfig ORs restricted day fields, so a single restricted field is the only way to keep a superset.
  return [...(dowCount < domCount ? byDow : byDom), reason];
}

/** The source's day rule in words (English, for guards' comments and reason details). */
export function describeDays(s: SourceSchedule): string {
  const parts: string[] = [];
  const d = s.dayOfMonth;
  if (!d.star) {
    const bits: string[] = [];
    if (valuesOf(d.values).length > 0) bits.push(`day ${renderField(valuesOf(d.values), 1, 31)}`);
    for (const k of d.last) bits.push(k === 0 ? 'the last day of the month' : `${k} day(s) before the last day of the month`);
    if (d.lastWeekday) bits.push('the last weekday (Mon-Fri) of the month');
    for (const n of d.nearestWeekday) bits.push(`the weekday nearest day ${n}`);
    parts.push(bits.join(' or '));
  }
  const w = s.dayOfWeek;
  if (!w.star) {
    const bits: string[] = [];
    const plain = valuesOf(w.values);
    if (plain.length > 0) bits.push(plain.map((v) => WEEKDAY_NAMES[v]).join('/'));
    for (const r of w.nth) bits.push(`the ${['', '1st', '2nd', '3rd', '4th', '5th'][r.n]} ${WEEKDAY_NAMES[r.dow]}`);
    for (const v of w.last) bits.push(`the last ${WEEKDAY_NAMES[v]}`);
    parts.push(bits.join(' or '));
  }
  if (s.years) parts.push(`in ${[...s.years].sort().join(', ')}`);
  return parts.join(' and ') || 'every day';
}

/** The source's day rule as a C# condition on `now` (the local time in the schedule's zone). */
export function dayGuard(s: SourceSchedule): string {
  const conds: string[] = [];
  const d = s.dayOfMonth;
  const dim = 'DateTime.DaysInMonth(now.Year, now.Month)';
  if (!d.star) {
    const bits: string[] = [];
    const plain = valuesOf(d.values);
    if (plain.length > 0) bits.push(`new[] { ${plain.join(', ')} }.Contains(now.Day)`);
    for (const k of d.last) bits.push(`now.Day == ${dim}${k ? ` - ${k}` : ''}`);
    if (d.lastWeekday) bits.push(`now.Day == Enumerable.Range(1, ${dim}).Last(day => new DateTime(now.Year, now.Month, day).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))`);
    for (const n of d.nearestWeekday) {
      bits.push(
        `now.Day == Enumerable.Range(1, ${dim}).Where(day => new DateTime(now.Year, now.Month, day).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).OrderBy(day => Math.Abs(day - Math.Min(${n}, ${dim}))).ThenBy(day => day).First()`,
      );
    }
    conds.push(bits.length > 1 ? `(${bits.join(' || ')})` : bits[0]!);
  }
  const w = s.dayOfWeek;
  if (!w.star) {
    const bits: string[] = [];
    const plain = valuesOf(w.values);
    if (plain.length > 0) bits.push(`new[] { ${plain.map((v) => `DayOfWeek.${WEEKDAY_NAMES[v]}`).join(', ')} }.Contains(now.DayOfWeek)`);
    for (const r of w.nth) bits.push(`(now.DayOfWeek == DayOfWeek.${WEEKDAY_NAMES[r.dow]} && (now.Day - 1) / 7 + 1 == ${r.n})`);
    for (const v of w.last) bits.push(`(now.DayOfWeek == DayOfWeek.${WEEKDAY_NAMES[v]} && now.Day + 7 > ${dim})`);
    conds.push(bits.length > 1 ? `(${bits.join(' || ')})` : bits[0]!);
  }
  if (s.years) conds.push(`new[] { ${[...s.years].sort().join(', ')} }.Contains(now.Year)`);
  return conds.join(' && ') || 'true';
}

// Exported for tests of the day rule helpers.
export { daysInMonth, weekdayOf };

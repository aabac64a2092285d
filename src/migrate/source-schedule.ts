/**
 * A recurring schedule as the source library means it, whatever its dialect: which seconds, minutes, hours,
 * months and years fire, and the day rule. Every dialect handled here (Cronos for Hangfire and NCronJob, Quartz,
 * Coravel) AND-s the day-of-month and day-of-week parts (Quartz forbids restricting both); Kubernetes OR-s them
 * when both are restricted (design §7), which is one of the things the converter checks.
 */

export type Dialect = 'hangfire' | 'ncronjob' | 'quartz' | 'coravel' | 'interval';

export interface DayOfMonthRule {
  /** `*` or `?`: every day. */
  readonly star: boolean;
  /** Plain values, index 1-31. */
  readonly values: readonly boolean[];
  /** `L` (0) and `L-n` (n): days before the last day of the month. */
  readonly last: readonly number[];
  /** `LW`: the last weekday (Mon–Fri) of the month. */
  readonly lastWeekday: boolean;
  /** `nW`: the weekday nearest day n, never leaving the month. */
  readonly nearestWeekday: readonly number[];
}

export interface DayOfWeekRule {
  readonly star: boolean;
  /** Plain values, 0 = Sunday … 6 = Saturday (already normalised from the dialect's numbering). */
  readonly values: readonly boolean[];
  /** `d#n`: the n-th weekday d of the month. */
  readonly nth: readonly { readonly dow: number; readonly n: number }[];
  /** `dL`: the last weekday d of the month. */
  readonly last: readonly number[];
}

export interface SourceSchedule {
  readonly dialect: Dialect;
  /** The expression or helper call as written. */
  readonly written: string;
  readonly seconds: readonly boolean[];
  readonly minutes: readonly boolean[];
  readonly hours: readonly boolean[];
  /** Index 1-12. */
  readonly months: readonly boolean[];
  /** Quartz's optional year field; undefined = every year. */
  readonly years?: ReadonlySet<number>;
  readonly dayOfMonth: DayOfMonthRule;
  readonly dayOfWeek: DayOfWeekRule;
  /**
   * Not anchored to the clock (a delay after each run, a timer started with the process): fire times depend on
   * when the app started and how long each run took, so no cron expression matches them.
   */
  readonly driftingIntervalSeconds?: number;
}

export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();
export const weekdayOf = (year: number, month: number, day: number): number => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

function nearestWeekday(year: number, month: number, target: number): number {
  const dim = daysInMonth(year, month);
  const day = Math.min(target, dim);
  const dow = weekdayOf(year, month, day);
  if (dow === 6) return day === 1 ? 3 : day - 1;
  if (dow === 0) return day === dim ? day - 2 : day + 1;
  return day;
}

function lastWeekdayOfMonth(year: number, month: number): number {
  let day = daysInMonth(year, month);
  while (weekdayOf(year, month, day) === 0 || weekdayOf(year, month, day) === 6) day--;
  return day;
}

export function domMatches(rule: DayOfMonthRule, year: number, month: number, day: number): boolean {
  if (rule.star) return true;
  if (rule.values[day] === true) return true;
  const dim = daysInMonth(year, month);
  if (rule.last.some((offset) => dim - offset === day)) return true;
  if (rule.lastWeekday && lastWeekdayOfMonth(year, month) === day) return true;
  return rule.nearestWeekday.some((n) => nearestWeekday(year, month, n) === day);
}

export function dowMatches(rule: DayOfWeekRule, year: number, month: number, day: number): boolean {
  if (rule.star) return true;
  const dow = weekdayOf(year, month, day);
  if (rule.values[dow] === true) return true;
  if (rule.nth.some((r) => r.dow === dow && Math.floor((day - 1) / 7) + 1 === r.n)) return true;
  return rule.last.includes(dow) && day + 7 > daysInMonth(year, month);
}

/** Whether the source library fires on this local date (any time of day). */
export function sourceDayMatches(s: SourceSchedule, year: number, month: number, day: number): boolean {
  if (s.months[month] !== true) return false;
  if (s.years && !s.years.has(year)) return false;
  return domMatches(s.dayOfMonth, year, month, day) && dowMatches(s.dayOfWeek, year, month, day);
}

/** The seconds of the day at which the source fires on a matching day, ascending. */
export function sourceTimesOfDay(s: SourceSchedule): number[] {
  const out: number[] = [];
  for (let h = 0; h < 24; h++) {
    if (!s.hours[h]) continue;
    for (let m = 0; m < 60; m++) {
      if (!s.minutes[m]) continue;
      for (let sec = 0; sec < 60; sec++) if (s.seconds[sec]) out.push(h * 3600 + m * 60 + sec);
    }
  }
  return out;
}

export const all = (min: number, max: number): boolean[] => Array.from({ length: max + 1 }, (_, i) => i >= min);
export const only = (max: number, ...values: number[]): boolean[] => Array.from({ length: max + 1 }, (_, i) => values.includes(i));

export const STAR_DOM: DayOfMonthRule = { star: true, values: [], last: [], lastWeekday: false, nearestWeekday: [] };
export const STAR_DOW: DayOfWeekRule = { star: true, values: [], nth: [], last: [] };

/** Values of a boolean field, ascending. */
export const valuesOf = (field: readonly boolean[]): number[] => field.flatMap((on, i) => (on ? [i] : []));

export const isDomPlain = (r: DayOfMonthRule): boolean => !r.star && r.last.length === 0 && !r.lastWeekday && r.nearestWeekday.length === 0;
export const isDowPlain = (r: DayOfWeekRule): boolean => !r.star && r.nth.length === 0 && r.last.length === 0;

/**
 * Coravel's scheduler, read from its documentation ("Scheduling Tasks"): fluent intervals, `Cron(...)` with its
 * own 5-field parser (`*`, lists, ranges, `*\/n`; day-of-month and day-of-week AND-ed, day-of-week 0-6 with
 * 0 = Sunday), day restrictions (`Monday()`…`Sunday()`, `Weekday()`, `Weekend()`) that further filter the days,
 * and `Zoned(TimeZoneInfo)` (default UTC). Intervals are the library's own cron strings: `Hourly` = `00 * * * *`,
 * `Daily` = `00 00 * * *`, `Weekly` = `00 00 * * 1` (Monday), `Monthly` = `00 00 1 * *`. Sub-minute intervals
 * (`EverySecond`, `EverySeconds(n)`, …) fire on the seconds of each minute divisible by n.
 */
import { DialectError, parsePlain, WEEKDAYS } from '../dialect-fields.js';
import { STAR_DOM, STAR_DOW, only, type SourceSchedule } from '../source-schedule.js';

const INTERVALS: Readonly<Record<string, (args: number[]) => string>> = {
  EverySecond: () => '*/1 * * * * *',
  EveryFiveSeconds: () => '*/5 * * * * *',
  EveryTenSeconds: () => '*/10 * * * * *',
  EveryFifteenSeconds: () => '*/15 * * * * *',
  EveryThirtySeconds: () => '*/30 * * * * *',
  EverySeconds: ([n]) => `*/${n} * * * * *`,
  EveryMinute: () => '* * * * *',
  EveryFiveMinutes: () => '*/5 * * * *',
  EveryTenMinutes: () => '*/10 * * * *',
  EveryFifteenMinutes: () => '*/15 * * * *',
  EveryThirtyMinutes: () => '*/30 * * * *',
  Hourly: () => '0 * * * *',
  HourlyAt: ([m]) => `${m} * * * *`,
  Daily: () => '0 0 * * *',
  DailyAtHour: ([h]) => `0 ${h} * * *`,
  DailyAt: ([h, m]) => `${m} ${h} * * *`,
  Weekly: () => '0 0 * * 1',
  Monthly: () => '0 0 1 * *',
};

export const CORAVEL_INTERVALS = new Set([...Object.keys(INTERVALS), 'Cron']);

/** Day restrictions, as the weekdays they keep (0 = Sunday). */
export const CORAVEL_DAYS: Readonly<Record<string, readonly number[]>> = {
  Sunday: [0], Monday: [1], Tuesday: [2], Wednesday: [3], Thursday: [4], Friday: [5], Saturday: [6],
  Weekday: [1, 2, 3, 4, 5],
  Weekend: [0, 6],
};

/**
 * `method` is the interval (`DailyAt`) or `Cron`; `args` its constant arguments (numbers, or the cron string);
 * `days` the day restrictions chained after it. `written` is what the report shows.
 */
export function parseCoravel(method: string, args: readonly (number | string)[], days: readonly string[], written: string): SourceSchedule {
  let expr: string;
  if (method === 'Cron') {
    if (typeof args[0] !== 'string') throw new DialectError(`Cron(...) needs a constant string`);
    expr = args[0];
    if (expr.trim().split(/\s+/).length !== 5) throw new DialectError(`${JSON.stringify(expr)}: Coravel's Cron takes 5 fields`);
  } else {
    const make = INTERVALS[method];
    if (!make) throw new DialectError(`${method}: not a Coravel interval`);
    if (!args.every((a) => typeof a === 'number' && Number.isInteger(a))) throw new DialectError(`${method}(...) needs constant integers`);
    expr = make(args as number[]);
  }
  const parts = expr.trim().split(/\s+/);
  const [sec, min, hour, dom, month, dow] = parts.length === 6 ? parts : ['0', ...parts];
  const domField = parsePlain(dom!, { what: 'day of month', min: 1, max: 31 });
  const dowField = parsePlain(dow!, { what: 'day of week', min: 0, max: 6, names: WEEKDAYS });
  let dowValues = dowField.values;
  let dowStar = dowField.star;
  if (days.length > 0) {
    const keep = new Set(days.flatMap((d) => CORAVEL_DAYS[d] ?? []));
    dowValues = dowValues.map((on, i) => on && keep.has(i));
    dowStar = false;
  }
  return {
    dialect: 'coravel',
    written,
    seconds: parsePlain(sec!, { what: 'second', min: 0, max: 59 }).values,
    minutes: parsePlain(min!, { what: 'minute', min: 0, max: 59 }).values,
    hours: parsePlain(hour!, { what: 'hour', min: 0, max: 23 }).values,
    months: parsePlain(month!, { what: 'month', min: 1, max: 12 }).values,
    dayOfMonth: domField.star ? STAR_DOM : { ...STAR_DOM, star: false, values: domField.values },
    dayOfWeek: dowStar ? STAR_DOW : { ...STAR_DOW, star: false, values: dowValues.length ? dowValues : only(6) },
  };
}

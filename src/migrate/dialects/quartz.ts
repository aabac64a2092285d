/**
 * Quartz.NET `CronExpression`, read from its tutorial ("Lesson 6: CronTrigger") and API docs:
 * - 6 or 7 fields: seconds, minutes, hours, day-of-month, month, day-of-week, optional year (1970-2099);
 * - day-of-week 1-7 with 1 = SUNDAY, or SUN-SAT; a bare `L` there is 7 (Saturday);
 * - `?` means "no specific value" and one of day-of-month / day-of-week must carry it: restricting both is
 *   refused ("Support for specifying both a day-of-week AND a day-of-month parameter is not implemented");
 * - `L`, `L-n`, `LW`, `nW` in day-of-month; `dL` and `d#n` in day-of-week; `/n` alone means `0/n`.
 * - A trigger without `InTimeZone` runs in the server's local zone (`TimeZoneInfo.Local`).
 */
import { DialectError, MONTHS, parseDayOfMonth, parseDayOfWeek, parsePlain } from '../dialect-fields.js';
import type { SourceSchedule } from '../source-schedule.js';

const QUARTZ_WEEKDAYS: Readonly<Record<string, number>> = { sun: 1, mon: 2, tue: 3, wed: 4, thu: 5, fri: 6, sat: 7 };

export function parseQuartz(expression: string): SourceSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6 && parts.length !== 7) {
    throw new DialectError(`${JSON.stringify(expression)}: Quartz takes 6 fields (seconds first) or 7 with a year; got ${parts.length}`);
  }
  const [sec, min, hour, dom, month, dow, year] = parts as [string, string, string, string, string, string, string?];
  if ((dom === '?') === (dow === '?')) {
    throw new DialectError(`${JSON.stringify(expression)}: Quartz needs '?' in exactly one of day-of-month and day-of-week (example: 0 0 12 ? * MON-FRI)`);
  }
  let years: Set<number> | undefined;
  if (year !== undefined && year !== '*') {
    const y = parsePlain(year, { what: 'year', min: 1970, max: 2099 });
    years = new Set(y.values.flatMap((on, i) => (on ? [i] : [])));
  }
  return {
    dialect: 'quartz',
    written: expression,
    seconds: parsePlain(sec, { what: 'second', min: 0, max: 59 }).values,
    minutes: parsePlain(min, { what: 'minute', min: 0, max: 59 }).values,
    hours: parsePlain(hour, { what: 'hour', min: 0, max: 23 }).values,
    dayOfMonth: parseDayOfMonth(dom, true),
    months: parsePlain(month, { what: 'month', min: 1, max: 12, names: MONTHS }).values,
    dayOfWeek: parseDayOfWeek(dow, { what: 'day of week', min: 1, max: 7, names: QUARTZ_WEEKDAYS, question: true }, (n) => n - 1, 7),
    ...(years ? { years } : {}),
  };
}

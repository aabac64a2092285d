/**
 * Cronos, the cron library of Hangfire (since 1.7) and NCronJob. Read from its README:
 * - 5 fields, or 6 with seconds first (Hangfire and NCronJob pick `CronFormat.IncludeSeconds` when they count 6);
 * - day-of-week 0-7 (0 and 7 are Sunday) or SUN-SAT; months 1-12 or JAN-DEC; `?` is `*` in the day fields;
 * - `L`, `L-n`, `LW`, `nW` in day-of-month; `dL` and `d#n` in day-of-week;
 * - day-of-month and day-of-week restricted together are AND-ed (unlike Vixie cron and Kubernetes);
 * - macros `@every_second`, `@every_minute`, `@hourly`, `@daily`, `@midnight`, `@weekly`, `@monthly`,
 *   `@yearly`, `@annually`.
 * - DST: a time skipped by a spring-forward gap fires at the end of the gap; a repeated time fires once, except
 *   for interval-like expressions (`*` or a step in the hour field), which fire in both passes.
 */
import { DialectError, MONTHS, WEEKDAYS, parseDayOfMonth, parseDayOfWeek, parsePlain } from '../dialect-fields.js';
import type { SourceSchedule } from '../source-schedule.js';

const MACROS: Readonly<Record<string, string>> = {
  '@every_second': '* * * * * *',
  '@every_minute': '* * * * *',
  '@hourly': '0 * * * *',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@weekly': '0 0 * * 0',
  '@monthly': '0 0 1 * *',
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
};

export function parseCronos(expression: string, dialect: 'hangfire' | 'ncronjob'): SourceSchedule {
  const trimmed = expression.trim();
  const expanded = trimmed.startsWith('@') ? MACROS[trimmed.toLowerCase()] : trimmed;
  if (expanded === undefined) throw new DialectError(`${JSON.stringify(expression)}: unknown macro (Cronos knows ${Object.keys(MACROS).join(' ')})`);
  const parts = expanded.split(/\s+/);
  if (parts.length !== 5 && parts.length !== 6) throw new DialectError(`${JSON.stringify(expression)}: Cronos takes 5 fields, or 6 with seconds first; got ${parts.length}`);
  const [sec, min, hour, dom, month, dow] = parts.length === 6 ? parts : ['0', ...parts];
  return {
    dialect,
    written: expression,
    seconds: parsePlain(sec!, { what: 'second', min: 0, max: 59 }).values,
    minutes: parsePlain(min!, { what: 'minute', min: 0, max: 59 }).values,
    hours: parsePlain(hour!, { what: 'hour', min: 0, max: 23 }).values,
    dayOfMonth: parseDayOfMonth(dom!, true),
    months: parsePlain(month!, { what: 'month', min: 1, max: 12, names: MONTHS }).values,
    dayOfWeek: parseDayOfWeek(dow!, { what: 'day of week', min: 0, max: 7, names: WEEKDAYS, question: true }, (n) => n % 7),
  };
}

/**
 * An oracle for Kubernetes CronJob fire times that shares no code with `src/schedule/`: fields parsed by a second
 * cron library (cron-parser), wall clocks from `Intl.DateTimeFormat`, and robfig/cron v3's rules written out from
 * its documentation: a run is due at every minute whose wall clock in the zone matches (a time skipped by a DST
 * gap never runs, a repeated one runs twice); day-of-month and day-of-week are OR-ed unless either is a star
 * (`*`, `?` or `*\/1`; a step above 1 is not a star).
 */
import { CronExpressionParser } from 'cron-parser';

const MINUTE = 60_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

interface Wall {
  minute: number;
  hour: number;
  day: number;
  month: number;
  weekday: number;
}

function wallClock(format: Intl.DateTimeFormat, ms: number): Wall {
  const parts = Object.fromEntries(format.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return {
    minute: Number(parts['minute']),
    hour: Number(parts['hour']),
    day: Number(parts['day']),
    month: Number(parts['month']),
    weekday: WEEKDAYS.indexOf(parts['weekday']!),
  };
}

const isStar = (field: string): boolean => /^[*?](\/1)?$/.test(field);

/** Every fire time in (fromMs, toMs], in milliseconds since the epoch. Five-field schedules only. */
export function oracleRuns(schedule: string, timeZone: string, fromMs: number, toMs: number): number[] {
  const raw = schedule.trim().split(/\s+/);
  if (raw.length !== 5) throw new Error(`oracle takes 5 fields: ${schedule}`);
  const { fields } = CronExpressionParser.parse(schedule.replace(/\?/g, '*'));
  const set = (values: readonly (number | string)[]) => new Set(values.map(Number));
  const minutes = set(fields.minute.values);
  const hours = set(fields.hour.values);
  const days = set(fields.dayOfMonth.values);
  const months = set(fields.month.values);
  const weekdays = new Set([...set(fields.dayOfWeek.values)].map((d) => d % 7));
  const starred = isStar(raw[2]!) || isStar(raw[4]!);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
  });
  const runs: number[] = [];
  for (let ms = Math.floor(fromMs / MINUTE) * MINUTE + MINUTE; ms <= toMs; ms += MINUTE) {
    const w = wallClock(format, ms);
    if (!minutes.has(w.minute) || !hours.has(w.hour) || !months.has(w.month)) continue;
    const dom = days.has(w.day);
    const dow = weekdays.has(w.weekday);
    if (starred ? dom && dow : dom || dow) runs.push(ms);
  }
  return runs;
}

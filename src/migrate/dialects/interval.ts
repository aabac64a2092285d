/**
 * A hosted-service loop (`await Task.Delay(x)` or `PeriodicTimer(x)`) or a Quartz simple schedule
 * (`WithIntervalInSeconds(x).RepeatForever()`): fire times counted from when the process (or the trigger) started,
 * plus, for `Task.Delay`, the duration of each run. No cron expression reproduces them; the nearest one is the
 * clock-aligned schedule with the same period when the period divides the hour or the day.
 */
import { STAR_DOM, STAR_DOW, all, only, type SourceSchedule } from '../source-schedule.js';

export function parseInterval(seconds: number, written: string): SourceSchedule {
  return {
    dialect: 'interval',
    written,
    seconds: only(59, 0),
    minutes: all(0, 59),
    hours: all(0, 23),
    months: all(1, 12),
    dayOfMonth: STAR_DOM,
    dayOfWeek: STAR_DOW,
    driftingIntervalSeconds: seconds,
  };
}

/** The clock-aligned 5-field schedule nearest to a period, and whether its period is the same. */
export function nearestForPeriod(seconds: number): { schedule: string; samePeriod: boolean } {
  const minutes = seconds / 60;
  if (seconds < 60) return { schedule: '* * * * *', samePeriod: false };
  if (Number.isInteger(minutes) && minutes < 60 && 60 % minutes === 0) return { schedule: minutes === 1 ? '* * * * *' : `*/${minutes} * * * *`, samePeriod: true };
  const hours = minutes / 60;
  if (Number.isInteger(hours) && hours < 24 && 24 % hours === 0) return { schedule: hours === 1 ? '0 * * * *' : `0 */${hours} * * *`, samePeriod: true };
  if (hours === 24) return { schedule: '0 0 * * *', samePeriod: true };
  if (hours === 24 * 7) return { schedule: '0 0 * * 1', samePeriod: true };
  // Not a divisor of the hour or the day: the nearest period that is.
  if (minutes < 60) {
    const m = [1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30].reduce((a, b) => (Math.abs(b - minutes) < Math.abs(a - minutes) ? b : a));
    return { schedule: m === 1 ? '* * * * *' : `*/${m} * * * *`, samePeriod: false };
  }
  if (hours < 24) {
    const h = [1, 2, 3, 4, 6, 8, 12].reduce((a, b) => (Math.abs(b - hours) < Math.abs(a - hours) ? b : a));
    return { schedule: h === 1 ? '0 * * * *' : `0 */${h} * * *`, samePeriod: false };
  }
  return { schedule: '0 0 * * *', samePeriod: false };
}

/** IANA time-zone arithmetic on top of `Intl` (no extra dependency): wall clock, UTC offset, DST transitions. */
import type { WallTime } from './fields.js';

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const UTC_ALIASES = ['UTC', 'UCT', 'GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Greenwich', 'Universal', 'Zulu'];

/**
 * The tz database's fixed-offset names, exact spelling, with their offset (minutes east of UTC). `Etc/GMT+5` is
 * UTC-05:00: POSIX signs are inverted. Answered without `Intl`, whose first `DateTimeFormat` loads ICU's calendar
 * and time-zone data (about 40 ms, most of the schedule preview of a default create in `Etc/UTC`).
 */
const FIXED_OFFSETS: ReadonlyMap<string, number> = new Map([
  ...UTC_ALIASES.flatMap((name) => [[name, 0], [`Etc/${name}`, 0]] as [string, number][]),
  ...Array.from({ length: 12 }, (_, i) => [`Etc/GMT+${i + 1}`, -(i + 1) * 60] as [string, number]),
  ...Array.from({ length: 14 }, (_, i) => [`Etc/GMT-${i + 1}`, (i + 1) * 60] as [string, number]),
]);

/** Minutes east of UTC of a fixed-offset zone spelled as the tz database does; undefined for any other name. */
export function fixedOffsetMinutes(timeZone: string): number | undefined {
  return FIXED_OFFSETS.get(timeZone);
}

/** Throws a RangeError when `timeZone` is not an IANA name the runtime knows. */
export function assertTimeZone(timeZone: string): void {
  if (FIXED_OFFSETS.has(timeZone)) return;
  try {
    formatter(timeZone);
  } catch {
    throw new RangeError(`time zone ${JSON.stringify(timeZone)} is not a known IANA time zone`);
  }
}

export interface ZonedTime extends WallTime {
  readonly second: number;
  /** Minutes east of UTC, e.g. 60 for UTC+01:00. */
  readonly offset: number;
}

/** The wall clock in `timeZone` at instant `ms`. */
export function zoned(ms: number, timeZone: string): ZonedTime {
  const fixed = FIXED_OFFSETS.get(timeZone);
  if (fixed === undefined) return intlZoned(ms, timeZone);
  // Whole seconds, as Intl reports them.
  const wallMs = Math.floor(ms / 1000) * 1000 + fixed * MINUTE_MS;
  return { ...naiveMsToWall(wallMs), second: new Date(wallMs).getUTCSeconds(), offset: fixed };
}

/** {@link zoned} through `Intl`, for any zone the runtime knows (exported for the test that pins the fixed zones to it). */
export function intlZoned(ms: number, timeZone: string): ZonedTime {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const year = get('year');
  const month = get('month');
  const day = get('day');
  const hour = get('hour') % 24;
  const minute = get('minute');
  const second = get('second');
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const offset = Math.round((wallAsUtc - Math.floor(ms / 1000) * 1000) / MINUTE_MS);
  return { year, month, day, hour, minute, second, offset };
}

export function offsetAt(ms: number, timeZone: string): number {
  return zoned(ms, timeZone).offset;
}

/** A change of UTC offset: from `instant` on, the offset is `after` instead of `before` (minutes east of UTC). */
export interface Transition {
  readonly instant: number;
  readonly before: number;
  readonly after: number;
}

const SAMPLE_MS = 6 * HOUR_MS;

/**
 * The tz database's fixed-offset zones: `Etc/*` (UTC, GMT, GMT+5…) and their aliases never change offset by
 * definition, so sampling a year of them (1,460 `Intl` calls, most of a default create's schedule preview) is skipped.
 */
const FIXED_ZONE = /^(?:Etc\/.+|UTC|UCT|GMT(?:[+-]0)?|GMT0|Greenwich|Universal|Zulu)$/;

export function isFixedOffsetZone(timeZone: string): boolean {
  return FIXED_ZONE.test(timeZone);
}

/** Offset changes in (`fromMs`, `toMs`], to the minute. Assumes at most one change per 6 hours (true of the tz database). */
export function transitions(fromMs: number, toMs: number, timeZone: string): Transition[] {
  return isFixedOffsetZone(timeZone) ? [] : sampledTransitions(fromMs, toMs, timeZone);
}

/** {@link transitions} by sampling every 6 hours and bisecting each change to the minute. */
export function sampledTransitions(fromMs: number, toMs: number, timeZone: string): Transition[] {
  const out: Transition[] = [];
  let a = fromMs;
  let offA = offsetAt(a, timeZone);
  while (a < toMs) {
    const b = Math.min(a + SAMPLE_MS, toMs);
    const offB = offsetAt(b, timeZone);
    if (offB !== offA) {
      // Binary search over whole minutes; invariant: offset(lo) = offA, offset(hi) = offB.
      let lo = Math.floor(a / MINUTE_MS);
      let hi = Math.ceil(b / MINUTE_MS);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (offsetAt(mid * MINUTE_MS, timeZone) === offA) lo = mid;
        else hi = mid;
      }
      const instant = hi * MINUTE_MS;
      out.push({ instant, before: offA, after: offB });
    }
    a = b;
    offA = offB;
  }
  return out;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `UTC+01:00`, `UTC-05:00`, `UTC+05:30`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function formatDate(t: { year: number; month: number; day: number }): string {
  return `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
}

export function formatClock(t: { hour: number; minute: number }): string {
  return `${pad(t.hour)}:${pad(t.minute)}`;
}

/** Wall-clock minutes as a naive (zone-less) count, for walking local time ranges. */
export function wallToNaiveMs(t: WallTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute);
}

export function naiveMsToWall(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
  };
}

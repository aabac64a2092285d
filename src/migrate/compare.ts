/**
 * The check behind `exact`: the source library's fire times and the Kubernetes CronJob's, evaluated day by day over
 * the horizon in the schedule's zone, each with its own semantics. The source side is `source-schedule.ts` (the
 * dialect's day rule, AND-ed day fields, seconds, year); the Kubernetes side is `src/schedule/fields.ts`, the
 * robfig/cron v3 reading the preview uses (OR-ed day fields unless one is starred, whole minutes only).
 *
 * Days and times of day are compared as wall clocks; the instants where wall clocks and elapsed time part
 * (DST changes) are compared separately: Kubernetes skips a time inside a spring-forward gap and runs a repeated
 * time twice, while Cronos and Quartz move a skipped time to the end of the gap and run a repeated one once,
 * unless the hour field selects every hour (then both fire at every real instant that matches).
 */
import { dayMatches, parseSchedule, selected, selectsAll } from '../schedule/fields.js';
import { DAY_MS, MINUTE_MS, naiveMsToWall, offsetAt, transitions, zoned } from '../schedule/zone.js';
import { sourceDayMatches, sourceTimesOfDay, type SourceSchedule } from './source-schedule.js';

/** Four years: always longer than the two the issue asks for, and always holds a 29 February. */
export const HORIZON_DAYS = 4 * 365 + 1;

export interface FireDifference {
  /** Local date in the schedule's zone, `YYYY-MM-DD`. */
  readonly date: string;
  /** Local time, `HH:MM:SS`. */
  readonly time: string;
  /** Whether each side fires at that local date and time. */
  readonly source: boolean;
  readonly kubernetes: boolean;
  /** Set when the difference comes from a DST change (wall clock skipped or repeated). */
  readonly dst?: 'gap' | 'repeat';
}

export interface Comparison {
  readonly from: string;
  readonly to: string;
  /** Fire times of the source in the horizon (wall-clock count). */
  readonly sourceRuns: number;
  readonly kubernetesRuns: number;
  /** The first disagreement; undefined when every fire time agrees over the horizon. */
  readonly firstDifference?: FireDifference;
  /** Every source fire time is also a Kubernetes one (so an in-job guard can make the CronJob exact). */
  readonly kubernetesCoversSource: boolean;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const clock = (secs: number) => `${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}`;

/** Compares the source's fire times with a 5-field Kubernetes schedule in `timeZone` over `days` days from `fromMs`. */
export function compareFireTimes(source: SourceSchedule, schedule: string, timeZone: string, fromMs: number, days = HORIZON_DAYS): Comparison {
  const fields = parseSchedule(schedule);
  const srcTimes = sourceTimesOfDay(source);
  const k8sTimes = selected(fields.hour).flatMap((h) => selected(fields.minute).map((m) => h * 3600 + m * 60));
  const k8sSet = new Set(k8sTimes);
  const srcSet = new Set(srcTimes);
  const timesEqual = srcTimes.length === k8sTimes.length && srcTimes.every((t) => k8sSet.has(t));
  const timesCovered = srcTimes.every((t) => k8sSet.has(t));
  const start = zoned(fromMs, timeZone);
  const startNaive = Date.UTC(start.year, start.month - 1, start.day);
  let firstDifference: FireDifference | undefined;
  let covers = true;
  let sourceRuns = 0;
  let kubernetesRuns = 0;
  const dayOf = (i: number) => new Date(startNaive + i * DAY_MS);
  const dateText = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  for (let i = 0; i < days; i++) {
    const d = dayOf(i);
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth() + 1;
    const da = d.getUTCDate();
    const src = sourceDayMatches(source, y, mo, da);
    const k8s = fields.month.values[mo] === true && dayMatches(fields, y, mo, da);
    if (src) sourceRuns += srcTimes.length;
    if (k8s) kubernetesRuns += k8sTimes.length;
    if (src && (!k8s || !timesCovered)) covers = false;
    if (firstDifference || (src === k8s && (!src || timesEqual))) continue;
    // The first time of day at which only one side fires.
    const candidates = [...(src ? srcTimes : []), ...(k8s ? k8sTimes : [])].sort((a, b) => a - b);
    const t = candidates.find((c) => (src && srcSet.has(c)) !== (k8s && k8sSet.has(c)))!;
    firstDifference = { date: dateText(d), time: clock(t), source: src && srcSet.has(t), kubernetes: k8s && k8sSet.has(t) };
  }
  const endMs = fromMs + days * DAY_MS;
  if (!firstDifference && !selectsAll(fields.hour, 0, 23)) firstDifference = dstDifference(source, srcTimes, timeZone, fromMs, endMs);
  return {
    from: dateText(dayOf(0)),
    to: dateText(dayOf(days - 1)),
    sourceRuns,
    kubernetesRuns,
    ...(firstDifference ? { firstDifference } : {}),
    kubernetesCoversSource: covers,
  };
}

const transitionCache = new Map<string, ReturnType<typeof transitions>>();

/** One report converts many schedules over the same horizon and zone: the offset changes are found once. */
function cachedTransitions(fromMs: number, toMs: number, timeZone: string): ReturnType<typeof transitions> {
  const key = `${timeZone}|${fromMs}|${toMs}`;
  let found = transitionCache.get(key);
  if (!found) {
    // Daily samples find the days with a change (no zone changes its offset twice within a day), then the
    // shared 6-hourly search pins each one down: ~4x fewer Intl calls than searching the whole horizon.
    found = [];
    let before = offsetAt(fromMs, timeZone);
    for (let day = fromMs; day < toMs; day += DAY_MS) {
      const next = Math.min(day + DAY_MS, toMs);
      const after = offsetAt(next, timeZone);
      if (after !== before) found.push(...transitions(day, next, timeZone));
      before = after;
    }
    if (transitionCache.size > 64) transitionCache.clear();
    transitionCache.set(key, found);
  }
  return found;
}

/** A fire time inside a DST gap or overlap on a day the schedule fires: the two sides part there. */
function dstDifference(source: SourceSchedule, srcTimes: readonly number[], timeZone: string, fromMs: number, toMs: number): FireDifference | undefined {
  for (const t of cachedTransitions(fromMs, toMs, timeZone)) {
    const wallOld = t.instant + t.before * MINUTE_MS;
    const wallNew = t.instant + t.after * MINUTE_MS;
    const lo = Math.min(wallOld, wallNew);
    const hi = Math.max(wallOld, wallNew);
    const day = naiveMsToWall(lo);
    if (!sourceDayMatches(source, day.year, day.month, day.day)) continue;
    const dayStart = Date.UTC(day.year, day.month - 1, day.day);
    const hit = srcTimes.find((s) => dayStart + s * 1000 >= lo && dayStart + s * 1000 < hi);
    if (hit === undefined) continue;
    const gap = t.after > t.before;
    return {
      date: `${day.year}-${pad(day.month)}-${pad(day.day)}`,
      time: clock(hit),
      // Gap: the source runs at the end of the gap, Kubernetes not at all. Repeat: Kubernetes runs twice.
      source: true,
      kubernetes: !gap,
      dst: gap ? 'gap' : 'repeat',
    };
  }
  return undefined;
}

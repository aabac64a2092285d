/**
 * What the interactive prompt and the CLI show before confirming a CronJob schedule: a description (cronstrue),
 * the next fire times as the kube-controller-manager computes them, and warnings (DST gaps and repeats, runs
 * piling up under concurrencyPolicy Allow).
 *
 * Fire times follow robfig/cron v3 (what the CronJob controller uses), found by reading its source:
 * - `parser.go` `getRange`: `*` or `?` sets a star bit unless the step is above 1; `n/step` means `n-max/step`.
 * - `spec.go` `dayMatches`: day-of-month and day-of-week are AND-ed when either is starred, OR-ed otherwise.
 * - `spec.go` `Next`: walks the schedule's zone by absolute `t.Add(1 * time.Hour)` / `t.Add(1 * time.Minute)`
 *   steps and checks the local fields, so a local time inside a spring-forward gap is never seen (that run is
 *   skipped, not moved to the end of the gap), and a local time inside a fall-back overlap is seen twice (the
 *   minute walk goes 02:59 CEST -> 02:00 CET and the hour still matches), so the job runs twice; reported against
 *   Kubernetes in kubernetes/kubernetes#121594.
 * In short, a run happens at every instant whose wall clock in `spec.timeZone` matches the schedule.
 *
 * croner finds the candidates (pattern rewritten by `toCronerPattern`, `domAndDow: false` = OR semantics); it
 * differs from robfig only around DST changes for fixed-time schedules (it runs a gap time at the end of the gap
 * and an overlapped time once), so the minutes around each offset change are recomputed here.
 * Not modelled: zones whose DST change happens at midnight, where robfig's day loop has its own quirks.
 */
import { Cron } from 'croner';
import cronstrue from 'cronstrue';
// Registers Spanish on the module above. English is built in; the all-locales bundle (`cronstrue/i18n.js`, about
// 30 locales) cost every create a sixth of its run for two languages.
import 'cronstrue/locales/es.js';
import { type CronFields, expandSchedule, matchesWall, parseSchedule, selected, selectsAll, toCronerPattern } from './fields.js';
import { catalogs, type ScheduleLang } from './messages.js';
import {
  DAY_MS,
  MINUTE_MS,
  assertTimeZone,
  fixedOffsetMinutes,
  formatClock,
  formatDate,
  formatOffset,
  naiveMsToWall,
  transitions,
  zoned,
} from './zone.js';

export type { ScheduleLang } from './messages.js';
// The prompt imports both from here; format.ts only imports types back, so there is no runtime cycle.
export { formatPreview } from './format.js';

export type ConcurrencyPolicy = 'Allow' | 'Forbid' | 'Replace';

export type ScheduleWarningCode = 'dst-gap' | 'dst-repeat' | 'every-minute-allow' | 'sub-hourly-allow';

export interface ScheduleWarning {
  readonly code: ScheduleWarningCode;
  readonly message: string;
  /** DST warnings: the local date of the change, `YYYY-MM-DD`. */
  readonly date?: string;
  /** DST warnings: the schedule's local times that are skipped or repeated, `HH:MM`. */
  readonly times?: readonly string[];
}

export interface NextRun {
  /** UTC, `2026-11-26T01:30:00.000Z`. */
  readonly iso: string;
  /** Wall clock in the time zone, `2026-11-26 02:30 (Europe/Madrid, UTC+01:00)`. */
  readonly local: string;
}

export interface SchedulePreview {
  readonly schedule: string;
  readonly timeZone: string;
  readonly description: string;
  readonly nextRuns: readonly NextRun[];
  readonly warnings: readonly ScheduleWarning[];
}

export interface PreviewOptions {
  /** Runs strictly after this instant are listed; DST changes are looked for in the 366 days after it. Default: now. */
  readonly from?: Date;
  /** How many runs to list. Default 5. */
  readonly count?: number;
  /**
   * The policy the CronJob will have. Concurrency warnings are only given for `Allow`; when omitted none are given
   * (pass the value the manifest will carry — Kubernetes defaults to Allow).
   */
  readonly concurrencyPolicy?: ConcurrencyPolicy;
}

/** How far ahead DST changes are looked for. */
export const DST_HORIZON_DAYS = 366;

type ToString = (expression: string, options?: Record<string, unknown>) => string;

/**
 * `cronstrue` is CommonJS without named-export hints, so under Node ESM the default import is its
 * `module.exports` (`{ toString, default }`); bundlers may hand over `default` directly. Accept both.
 * (Locale paths need their `.js`: the package has no `exports` map.)
 */
function ownToString(m: unknown): ToString | undefined {
  if (m === null || (typeof m !== 'object' && typeof m !== 'function')) return undefined;
  const fn: unknown = Object.hasOwn(m, 'toString') ? (m as { toString: unknown }).toString : undefined;
  return typeof fn === 'function' ? (fn as ToString) : undefined;
}

const cronstrueToString: ToString = (() => {
  const mod: unknown = cronstrue;
  const fn = ownToString(mod) ?? ownToString((mod as { default?: unknown } | undefined)?.default);
  if (!fn) throw new Error('cronstrue: toString not found');
  return fn;
})();

/** cronstrue's description, 24-hour clock, in English or Spanish. */
export function describeSchedule(schedule: string, lang: ScheduleLang): string {
  return cronstrueToString(expandSchedule(schedule), {
    locale: lang,
    use24HourTimeFormat: true,
    dayOfWeekStartIndexZero: true,
    throwExceptionOnParseError: true,
  });
}

/** `2026-11-26 02:30 (Europe/Madrid, UTC+01:00)`. */
export function formatLocal(ms: number, timeZone: string): string {
  const z = zoned(ms, timeZone);
  return `${formatDate(z)} ${formatClock(z)} (${timeZone}, ${formatOffset(z.offset)})`;
}

function wallMatches(fields: CronFields, ms: number, timeZone: string): boolean {
  return matchesWall(fields, zoned(ms, timeZone));
}

/**
 * The next `count` instants (epoch ms, strictly after `fromMs`) at which Kubernetes creates a Job for this
 * schedule in `timeZone`.
 */
export function kubernetesRuns(fields: CronFields, timeZone: string, fromMs: number, count: number): number[] {
  if (count <= 0) return [];
  // A fixed offset as croner's utcOffset: plain UTC arithmetic, no Intl (see fixedOffsetMinutes).
  const fixed = fixedOffsetMinutes(timeZone);
  const zone = fixed === undefined ? { timezone: timeZone } : { utcOffset: fixed };
  const cron = new Cron(toCronerPattern(fields), { ...zone, domAndDow: false, paused: true });
  const batch = count + 4;
  const found: number[] = [];
  let cursor = new Date(fromMs);
  let horizon = fromMs;
  for (;;) {
    const candidates = cron.nextRuns(batch, cursor);
    for (const c of candidates) {
      // Drops croner's end-of-gap stand-ins for times that do not exist.
      if (wallMatches(fields, c.getTime(), timeZone)) found.push(c.getTime());
    }
    const last = candidates[candidates.length - 1];
    if (last) {
      horizon = last.getTime();
      cursor = last;
    }
    if (found.length >= count || candidates.length < batch) break;
  }
  // Around each offset change, check every minute: adds the second pass of repeated times.
  const runs = new Set(found);
  for (const t of transitions(fromMs, horizon, timeZone)) {
    const span = Math.abs(t.after - t.before) * MINUTE_MS + MINUTE_MS;
    for (let ms = t.instant - span; ms <= t.instant + span; ms += MINUTE_MS) {
      if (ms > fromMs && ms <= horizon && wallMatches(fields, ms, timeZone)) runs.add(ms);
    }
  }
  return [...runs].sort((a, b) => a - b).slice(0, count);
}

function dstWarnings(fields: CronFields, timeZone: string, fromMs: number, lang: ScheduleLang): ScheduleWarning[] {
  // A schedule that fires in every hour keeps its spacing in elapsed time across a change; nothing to warn about.
  if (selectsAll(fields.hour, 0, 23)) return [];
  const text = catalogs[lang];
  const out: ScheduleWarning[] = [];
  for (const t of transitions(fromMs, fromMs + DST_HORIZON_DAYS * DAY_MS, timeZone)) {
    const delta = t.after - t.before;
    // Naive (zone-less) wall-clock ms of the change instant, read with the old and the new offset.
    const wallOld = t.instant + t.before * MINUTE_MS;
    const wallNew = t.instant + t.after * MINUTE_MS;
    const lo = Math.min(wallOld, wallNew);
    const hi = Math.max(wallOld, wallNew);
    const hits: number[] = [];
    for (let w = lo; w < hi; w += MINUTE_MS) if (matchesWall(fields, naiveMsToWall(w))) hits.push(w);
    const first = hits[0];
    if (first === undefined) continue;
    const times = hits.map((w) => formatClock(naiveMsToWall(w)));
    const date = formatDate(naiveMsToWall(first));
    const from = formatClock(naiveMsToWall(wallOld));
    const to = formatClock(naiveMsToWall(wallNew));
    if (delta > 0) {
      const [next] = kubernetesRuns(fields, timeZone, t.instant - MINUTE_MS, 1);
      const message = text.dstGap({
        date,
        timeZone,
        jumpFrom: from,
        jumpTo: to,
        times,
        ...(next === undefined ? {} : { nextRun: formatLocal(next, timeZone) }),
      });
      out.push({ code: 'dst-gap', message, date, times });
    } else {
      const utc = (w: number, offset: number): string => formatClock(naiveMsToWall(w - offset * MINUTE_MS));
      const message = text.dstRepeat({
        date,
        timeZone,
        backFrom: from,
        backTo: to,
        times,
        utc: [utc(first, t.before), utc(first, t.after)],
      });
      out.push({ code: 'dst-repeat', message, date, times });
    }
  }
  return out;
}

/** Shortest gap in minutes between two consecutive fire times within an hour (wrapping to the next hour). */
function shortestMinuteGap(fields: CronFields): number {
  const minutes = selected(fields.minute);
  let gap = 60;
  for (let i = 0; i < minutes.length; i++) {
    const a = minutes[i] ?? 0;
    const b = i + 1 < minutes.length ? (minutes[i + 1] ?? 0) : (minutes[0] ?? 0) + 60;
    gap = Math.min(gap, b - a);
  }
  return gap;
}

function concurrencyWarnings(fields: CronFields, policy: ConcurrencyPolicy | undefined, lang: ScheduleLang): ScheduleWarning[] {
  if (policy !== 'Allow') return [];
  const text = catalogs[lang];
  if (selectsAll(fields.minute, 0, 59)) return [{ code: 'every-minute-allow', message: text.everyMinuteAllow }];
  const gap = shortestMinuteGap(fields);
  if (gap < 60) return [{ code: 'sub-hourly-allow', message: text.subHourlyAllow(gap) }];
  return [];
}

/**
 * Describes a CronJob schedule (5 fields or a descriptor, already accepted by the apiserver grammar) in `timeZone`
 * (IANA name): description, next runs, warnings. Throws RangeError for an unknown time zone or `@every`.
 */
export function previewSchedule(schedule: string, timeZone: string, lang: ScheduleLang, options: PreviewOptions = {}): SchedulePreview {
  assertTimeZone(timeZone);
  const fields = parseSchedule(schedule);
  const fromMs = (options.from ?? new Date()).getTime();
  const count = options.count ?? 5;
  const nextRuns = kubernetesRuns(fields, timeZone, fromMs, count).map((ms) => ({
    iso: new Date(ms).toISOString(),
    local: formatLocal(ms, timeZone),
  }));
  return {
    schedule,
    timeZone,
    description: describeSchedule(schedule, lang),
    nextRuns,
    warnings: [...concurrencyWarnings(fields, options.concurrencyPolicy, lang), ...dstWarnings(fields, timeZone, fromMs, lang)],
  };
}

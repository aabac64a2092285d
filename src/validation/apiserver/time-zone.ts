/**
 * `CronJob.spec.timeZone` as the apiserver judges it on create (`validateTimeZone` in
 * pkg/apis/batch/validation/validation.go): non-empty, each `/`-separated part made of `[A-Za-z.\-_0-9+]{1,14}`
 * (not `.`/`..`, not starting with `-`), not `Local` in any case, and loadable by Go's `time.LoadLocation`.
 */
import { GO_TZ_NAMES } from './tz-names.js';

let known: { readonly exact: ReadonlySet<string>; readonly lower: ReadonlySet<string> } | undefined;

/** Go's list plus ICU's canonical names, exact case and lower-cased. */
function knownNames(): NonNullable<typeof known> {
  if (!known) {
    let intl: string[] = [];
    try {
      intl = Intl.supportedValuesOf('timeZone');
    } catch {
      // Older runtimes without supportedValuesOf: the Go list and the probe below still work.
    }
    const exact = new Set([...GO_TZ_NAMES, ...intl]);
    known = { exact, lower: new Set([...exact].map((n) => n.toLowerCase())) };
  }
  return known;
}

/** Whether ICU accepts the name at all (it also accepts aliases, and ignores case). */
function intlAccepts(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether Go's tz database (as loaded by `time.LoadLocation` on Linux) has this exact name. Known names (the
 * Go list, or ICU's canonical list) are matched case-sensitively; a name only ICU's alias table knows is
 * accepted when no known name differs from it just by case. ICU's UTC-offset identifiers (`+01:00`) are not
 * tz database names.
 */
export function isTzDatabaseName(name: string): boolean {
  const { exact, lower } = knownNames();
  if (exact.has(name)) return true;
  if (lower.has(name.toLowerCase())) return false;
  if (/^[+-]/.test(name) || name.includes(':')) return false;
  return intlAccepts(name);
}

/** Go `time.LoadLocation`: `""` and `UTC` are UTC, `Local` is the process zone, else a tz database file. */
export function loadLocationProblem(name: string): string | undefined {
  if (name === '' || name === 'UTC' || name === 'Local') return undefined;
  if (name.includes('..') || name.startsWith('/') || name.startsWith('\\')) return 'time: invalid location name';
  return isTzDatabaseName(name) ? undefined : `unknown time zone ${name}`;
}

// https://data.iana.org/time-zones/theory.html#naming, plus 0-9 and + tolerated for legacy names.
const VALID_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

/** Every message `validateTimeZone` would report for a set `spec.timeZone`, in the apiserver's order. */
export function timeZoneProblems(timeZone: string): string[] {
  if (timeZone.length === 0) return ['timeZone must be nil or non-empty string'];
  for (const part of timeZone.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !VALID_PART.test(part)) {
      return [`unknown time zone ${timeZone}`];
    }
  }
  const problems: string[] = [];
  if (timeZone.toLowerCase() === 'local') {
    problems.push('timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
  }
  const load = loadLocationProblem(timeZone);
  if (load) problems.push(load);
  return problems;
}

/**
 * Why the apiserver would reject this `spec.timeZone` on create, in one line, or `undefined` if it is accepted
 * (an IANA name such as `Europe/Rome`, `Etc/UTC`, `UTC` or the alias `America/Buenos_Aires`).
 */
export function timeZoneProblem(tz: string): string | undefined {
  return timeZoneProblems(tz)[0];
}

/**
 * The schedule grammar the Kubernetes apiserver accepts for `CronJob.spec.schedule`: robfig/cron v3
 * `cron.ParseStandard` (5 fields, or a descriptor), called by `validateScheduleFormat` in
 * `pkg/apis/batch/validation/validation.go`, followed by the apiserver's own `TZ`/`CRON_TZ` rule.
 *
 * This is deliberately a re-implementation of robfig's parser rather than croner: the two grammars differ
 * (robfig has no `L`, `W`, `#`, no seconds field in the standard parser, day-of-week 0–6 only, and it silently
 * tolerates some odd input such as empty list items), and the apiserver is the one that decides.
 */
import { goAtoi, goFields, goTrimSpace } from './internal.js';
import { loadLocationProblem } from './time-zone.js';

export type ScheduleResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

interface Bounds {
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
}

// robfig/cron v3 spec.go bounds. The standard parser has no seconds field (it is fixed to "0").
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };
const FIELDS: readonly Bounds[] = [MINUTES, HOURS, DOM, MONTHS, DOW];

const DESCRIPTORS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const EVERY = '@every ';

class ParseError extends Error {}

/** robfig `mustParseInt`: `strconv.Atoi`, then no negatives. */
function parseUint(expr: string): bigint {
  const n = goAtoi(expr);
  if (n === undefined) throw new ParseError(`failed to parse int from ${expr}`);
  if (n < 0n) throw new ParseError(`negative number (${n}) not allowed: ${expr}`);
  // Kept exact (an int64, like Go's): the range messages print the value as written.
  return n;
}

/** robfig `parseIntOrName`: a (lower-cased) name of the field, else an integer. */
function parseIntOrName(expr: string, names: Bounds['names']): bigint {
  const named = names?.[expr.toLowerCase()];
  return named === undefined ? parseUint(expr) : BigInt(named);
}

/** robfig `getRange`: `number | number "-" number [ "/" number ]`, `*` or `?` for the whole range. */
function checkRange(expr: string, r: Bounds): void {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0]!.split('-');
  const singleDigit = lowAndHigh.length === 1;
  const min = BigInt(r.min);
  const max = BigInt(r.max);
  let start: bigint;
  let end: bigint;
  let step = 1n;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // Note: robfig ignores whatever follows the star, so `*-5` is accepted as `*`.
    start = min;
    end = max;
  } else {
    start = parseIntOrName(lowAndHigh[0]!, r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1]!, r.names);
    else throw new ParseError(`too many hyphens: ${expr}`);
  }
  if (rangeAndStep.length === 2) {
    step = parseUint(rangeAndStep[1]!);
    // "N/step" means "N-max/step".
    if (singleDigit) end = max;
  } else if (rangeAndStep.length > 2) {
    throw new ParseError(`too many slashes: ${expr}`);
  }
  if (start < min) throw new ParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > max) throw new ParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new ParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0n) throw new ParseError(`step of range should be a positive number: ${expr}`);
}

/** robfig `getField`: a comma-separated list of ranges; empty list items are skipped (`strings.FieldsFunc`). */
function checkField(field: string, r: Bounds): void {
  for (const expr of field.split(',')) {
    if (expr !== '') checkRange(expr, r);
  }
}

const DURATION_UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  'µs': 1_000n, // U+00B5 micro sign
  'μs': 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const TWO_63 = 1n << 63n;

/** Go `time.ParseDuration` acceptance: `[-+]?([0-9]*(\.[0-9]*)?[a-z]+)+`, or `0`, within int64 nanoseconds. */
export function goDurationProblem(orig: string): string | undefined {
  const invalid = `time: invalid duration ${JSON.stringify(orig)}`;
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return undefined;
  if (s === '') return invalid;
  let total = 0n;
  while (s !== '') {
    if (!/^[0-9.]/.test(s)) return invalid;
    const intPart = /^[0-9]*/.exec(s)![0];
    s = s.slice(intPart.length);
    let v = intPart === '' ? 0n : BigInt(intPart);
    if (v > TWO_63) return invalid; // leadingInt overflow
    let fraction = '';
    let post = false;
    if (s.startsWith('.')) {
      s = s.slice(1);
      fraction = /^[0-9]*/.exec(s)![0];
      s = s.slice(fraction.length);
      post = fraction !== '';
    }
    if (intPart === '' && !post) return invalid;
    const unitMatch = /^[^0-9.]+/.exec(s);
    if (!unitMatch) return `time: missing unit in duration ${JSON.stringify(orig)}`;
    const unitName = unitMatch[0];
    s = s.slice(unitName.length);
    const unit = DURATION_UNITS[unitName];
    if (unit === undefined) return `time: unknown unit ${JSON.stringify(unitName)} in duration ${JSON.stringify(orig)}`;
    if (v > TWO_63 / unit) return invalid;
    v *= unit;
    if (fraction !== '') {
      v += BigInt(Math.floor(Number(`0.${fraction}`) * Number(unit)));
      if (v > TWO_63) return invalid;
    }
    total += v;
    if (total > TWO_63) return invalid;
  }
  if (!neg && total > TWO_63 - 1n) return invalid;
  return undefined;
}

/** robfig `parseDescriptor`. `@every <d>` accepts any Go duration (robfig rounds it up to at least 1s). */
function checkDescriptor(descriptor: string): void {
  if (DESCRIPTORS.has(descriptor)) return;
  if (descriptor.startsWith(EVERY)) {
    const problem = goDurationProblem(descriptor.slice(EVERY.length));
    if (problem) throw new ParseError(`failed to parse duration ${descriptor}: ${problem}`);
    return;
  }
  throw new ParseError(`unrecognized descriptor: ${descriptor}`);
}

/**
 * Exactly what robfig/cron v3 `cron.ParseStandard` accepts (including its `TZ=`/`CRON_TZ=` prefix, and the
 * panic on a prefix without a following space, which the apiserver turns into "invalid schedule format").
 * This is the parser alone; the apiserver additionally rejects any `TZ` on create — see `parseStandardSchedule`.
 */
export function parseRobfigStandard(spec: string): ScheduleResult {
  try {
    if (spec.length === 0) throw new ParseError('empty spec string');
    if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
      const space = spec.indexOf(' ');
      // robfig slices spec[eq+1:-1] here and panics; the apiserver recovers and reports this message.
      if (space === -1) throw new ParseError('invalid schedule format');
      const eq = spec.indexOf('=');
      const location = spec.slice(eq + 1, space);
      const problem = loadLocationProblem(location);
      if (problem) throw new ParseError(`provided bad location ${location}: ${problem}`);
      spec = goTrimSpace(spec.slice(space));
    }
    if (spec.startsWith('@')) {
      checkDescriptor(spec);
      return { ok: true };
    }
    const fields = goFields(spec);
    if (fields.length !== FIELDS.length) {
      throw new ParseError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
    }
    fields.forEach((field, i) => checkField(field, FIELDS[i]!));
    return { ok: true };
  } catch (error) {
    if (error instanceof ParseError) return { ok: false, reason: error.message };
    throw error;
  }
}

export const TZ_IN_SCHEDULE_MESSAGE = 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';

/**
 * Every message `validateScheduleFormat` would produce for a schedule on create (`allowTZInSchedule` is only
 * true on update of an object whose old schedule already contained `TZ`). The caller handles the empty string
 * (the apiserver reports it as `Required` instead).
 */
export const TZ_AND_TIME_ZONE_MESSAGE = 'cannot use both timeZone field and TZ or CRON_TZ in schedule';

/** What `validateScheduleFormat` needs besides the schedule. */
export interface ScheduleContext {
  /** `spec.timeZone` is set (to anything). @default false */
  readonly timeZoneSet?: boolean;
  /** An update whose old schedule already contained `TZ` (grandfathered). @default false */
  readonly allowTZInSchedule?: boolean;
}

export function scheduleProblems(schedule: string, context: ScheduleContext = {}): string[] {
  const problems: string[] = [];
  const parsed = parseRobfigStandard(schedule);
  if (!parsed.ok) problems.push(parsed.reason);
  // The apiserver checks for the substring, not the prefix: any "TZ" anywhere counts.
  if (schedule.includes('TZ')) {
    if (context.timeZoneSet) problems.push(TZ_AND_TIME_ZONE_MESSAGE);
    else if (!context.allowTZInSchedule) problems.push(TZ_IN_SCHEDULE_MESSAGE);
  }
  return problems;
}

/**
 * Whether `kubectl apply` of a new CronJob would accept this `spec.schedule`: robfig's standard grammar
 * (5 fields minute hour day-of-month month day-of-week, or `@yearly @annually @monthly @weekly @daily @midnight
 * @hourly`, or `@every <duration>`), and no `TZ=`/`CRON_TZ=` (use `spec.timeZone`). `reason` is one line.
 */
export function parseStandardSchedule(s: string): ScheduleResult {
  if (s.length === 0) return { ok: false, reason: 'schedule is required' };
  const [first] = scheduleProblems(s);
  return first === undefined ? { ok: true } : { ok: false, reason: first };
}

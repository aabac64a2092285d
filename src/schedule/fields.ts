/**
 * The five fields of a Kubernetes CronJob schedule, parsed the way robfig/cron v3 `ParseStandard` does
 * (the parser the kube-controller-manager uses), so the preview can match fire times exactly.
 *
 * Grammar validation is not done here (src/validation/apiserver/schedule.ts does it); this assumes the schedule
 * already passed it, and only throws on input it cannot make sense of at all.
 */

/** A parsed field: `values[v]` is true when value `v` is selected. */
export interface CronField {
  readonly values: readonly boolean[];
  /**
   * robfig's `starBit`: set when any comma part starts with `*` or `?` and has no step above 1
   * (`*`, `?`, `*\/1`). Only matters for day-of-month and day-of-week: when either is starred the two are AND-ed,
   * otherwise OR-ed (Vixie cron semantics).
   */
  readonly star: boolean;
}

export interface CronFields {
  readonly minute: CronField;
  readonly hour: CronField;
  readonly dayOfMonth: CronField;
  readonly month: CronField;
  readonly dayOfWeek: CronField;
}

/** robfig/cron v3 descriptors (`parseDescriptor`), as their 5-field equivalents. */
export const DESCRIPTORS: Readonly<Record<string, string>> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTH_NAMES: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const DOW_NAMES: Readonly<Record<string, number>> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** Turns a descriptor into its 5-field form and collapses whitespace; anything else is returned trimmed. */
export function expandSchedule(schedule: string): string {
  const trimmed = schedule.trim();
  if (trimmed.startsWith('@')) {
    const expanded = DESCRIPTORS[trimmed.toLowerCase()];
    if (expanded === undefined) {
      throw new RangeError(`schedule ${JSON.stringify(schedule)}: unsupported descriptor (only ${Object.keys(DESCRIPTORS).join(' ')} can be previewed)`);
    }
    return expanded;
  }
  return trimmed.split(/\s+/).join(' ');
}

function parseValue(text: string, names: Readonly<Record<string, number>> | undefined, what: string): number {
  const named = names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) throw new RangeError(`${what}: cannot read ${JSON.stringify(text)}`);
  return Number(text);
}

/** robfig `getField`/`getRange`: `list = range {"," range}`, `range = (* | ? | n[-m])[/step]`, `n/step` means `n-max/step`. */
export function parseField(expr: string, min: number, max: number, what: string, names?: Readonly<Record<string, number>>): CronField {
  const values: boolean[] = new Array<boolean>(max + 1).fill(false);
  let star = false;
  for (const part of expr.split(',')) {
    if (part === '') continue;
    const [rangeText = '', stepText, ...extraSlash] = part.split('/');
    if (extraSlash.length > 0) throw new RangeError(`${what}: too many slashes in ${JSON.stringify(part)}`);
    const bounds = rangeText.split('-');
    let start: number;
    let end: number;
    let partStar = false;
    if (rangeText === '*' || rangeText === '?') {
      start = min;
      end = max;
      partStar = true;
    } else {
      if (bounds.length > 2) throw new RangeError(`${what}: too many hyphens in ${JSON.stringify(part)}`);
      start = parseValue(bounds[0] ?? '', names, what);
      end = bounds.length === 2 ? parseValue(bounds[1] ?? '', names, what) : start;
    }
    let step = 1;
    if (stepText !== undefined) {
      step = parseValue(stepText, undefined, what);
      if (step < 1) throw new RangeError(`${what}: step must be positive in ${JSON.stringify(part)}`);
      if (bounds.length === 1 && !partStar) end = max;
      if (step > 1) partStar = false;
    }
    if (start < min || end > max || start > end) throw new RangeError(`${what}: ${JSON.stringify(part)} is outside ${min}-${max}`);
    for (let v = start; v <= end; v += step) values[v] = true;
    star ||= partStar;
  }
  if (!values.some(Boolean)) throw new RangeError(`${what}: ${JSON.stringify(expr)} selects nothing`);
  return { values, star };
}

/** Parses a schedule (5 fields or a descriptor). */
export function parseSchedule(schedule: string): CronFields {
  const parts = expandSchedule(schedule).split(' ');
  if (parts.length !== 5) throw new RangeError(`schedule ${JSON.stringify(schedule)}: expected 5 fields, got ${parts.length}`);
  const [minute = '', hour = '', dayOfMonth = '', month = '', dayOfWeek = ''] = parts;
  return {
    minute: parseField(minute, 0, 59, 'minute'),
    hour: parseField(hour, 0, 23, 'hour'),
    dayOfMonth: parseField(dayOfMonth, 1, 31, 'day of month'),
    month: parseField(month, 1, 12, 'month', MONTH_NAMES),
    dayOfWeek: parseField(dayOfWeek, 0, 6, 'day of week', DOW_NAMES),
  };
}

/** The selected values of a field, ascending. */
export function selected(field: CronField): number[] {
  const out: number[] = [];
  field.values.forEach((on, v) => {
    if (on) out.push(v);
  });
  return out;
}

/** True when the field selects every value between `min` and `max`. */
export function selectsAll(field: CronField, min: number, max: number): boolean {
  for (let v = min; v <= max; v++) if (!field.values[v]) return false;
  return true;
}

/** A local wall-clock date and time (month 1-12, dayOfWeek 0 = Sunday). */
export interface WallTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** robfig `dayMatches`: AND when day-of-month or day-of-week is starred, OR otherwise. */
export function dayMatches(fields: CronFields, year: number, month: number, day: number): boolean {
  const dow = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  const domMatch = fields.dayOfMonth.values[day] === true;
  const dowMatch = fields.dayOfWeek.values[dow] === true;
  if (fields.dayOfMonth.star || fields.dayOfWeek.star) return domMatch && dowMatch;
  return domMatch || dowMatch;
}

/** Whether the schedule names this local wall-clock minute. */
export function matchesWall(fields: CronFields, t: WallTime): boolean {
  return (
    fields.minute.values[t.minute] === true &&
    fields.hour.values[t.hour] === true &&
    fields.month.values[t.month] === true &&
    dayMatches(fields, t.year, t.month, t.day)
  );
}

function render(field: CronField, min: number, max: number, keepStar: boolean): string {
  if (keepStar ? field.star : selectsAll(field, min, max)) return '*';
  return selected(field).join(',');
}

/**
 * The schedule as a croner pattern with the same meaning under `domAndDow: false`: explicit value lists
 * (croner rejects robfig's `n/step` and treats `*\/1` as not starred), `*` exactly where robfig sets its star bit
 * on the day fields (croner's `starDOM`/`starDOW` only recognise a bare `*`).
 */
export function toCronerPattern(fields: CronFields): string {
  return [
    render(fields.minute, 0, 59, false),
    render(fields.hour, 0, 23, false),
    render(fields.dayOfMonth, 1, 31, true),
    render(fields.month, 1, 12, false),
    render(fields.dayOfWeek, 0, 6, true),
  ].join(' ');
}

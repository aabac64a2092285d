/**
 * Field grammar shared by the source dialects (`*`, `?`, `n`, `n-m`, `/step`, names, lists). The day fields' special
 * tokens (`L`, `W`, `#`) are read by each dialect before calling this; what remains must be plain.
 */
import type { DayOfMonthRule, DayOfWeekRule } from './source-schedule.js';

/** A source expression the dialect refuses (the library would throw at registration). */
export class DialectError extends Error {}

export const MONTHS: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 };
export const WEEKDAYS: Readonly<Record<string, number>> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

export interface FieldSpec {
  readonly what: string;
  readonly min: number;
  readonly max: number;
  readonly names?: Readonly<Record<string, number>>;
  /** Whether `?` is allowed (day fields). */
  readonly question?: boolean;
}

function value(text: string, spec: FieldSpec): number {
  const named = spec.names?.[text.toLowerCase()];
  if (named !== undefined) return named;
  if (!/^\d+$/.test(text)) throw new DialectError(`${spec.what}: cannot read ${JSON.stringify(text)}`);
  const n = Number(text);
  if (n < spec.min || n > spec.max) throw new DialectError(`${spec.what}: ${n} is outside ${spec.min}-${spec.max}`);
  return n;
}

/** A plain field into a value set (index = value). `star` tells whether it was `*`/`?` without a step. */
export function parsePlain(expr: string, spec: FieldSpec): { values: boolean[]; star: boolean } {
  const values = new Array<boolean>(spec.max + 1).fill(false);
  let star = false;
  for (const part of expr.split(',')) {
    if (part === '') throw new DialectError(`${spec.what}: empty list item in ${JSON.stringify(expr)}`);
    const [range = '', stepText, ...extra] = part.split('/');
    if (extra.length > 0) throw new DialectError(`${spec.what}: too many slashes in ${JSON.stringify(part)}`);
    let start: number;
    let end: number;
    if (range === '*' || (range === '?' && spec.question) || (range === '' && stepText !== undefined)) {
      start = spec.min;
      end = spec.max;
      if (stepText === undefined) star = true;
    } else {
      const bounds = range.split('-');
      if (bounds.length > 2) throw new DialectError(`${spec.what}: too many hyphens in ${JSON.stringify(part)}`);
      start = value(bounds[0]!, spec);
      end = bounds.length === 2 ? value(bounds[1]!, spec) : stepText !== undefined ? spec.max : start;
      if (end < start) throw new DialectError(`${spec.what}: range ${JSON.stringify(range)} runs backwards`);
    }
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1 || !/^\d+$/.test(stepText ?? '1')) throw new DialectError(`${spec.what}: bad step in ${JSON.stringify(part)}`);
    for (let v = start; v <= end; v += step) values[v] = true;
  }
  return { values, star };
}

/** Splits `L`, `L-n`, `LW`, `nW` out of a day-of-month field; the rest is plain. */
export function parseDayOfMonth(expr: string, question: boolean): DayOfMonthRule {
  const last: number[] = [];
  const nearest: number[] = [];
  let lastWeekday = false;
  const plain: string[] = [];
  for (const part of expr.split(',')) {
    const upper = part.toUpperCase();
    let m: RegExpExecArray | null;
    if (upper === 'L') last.push(0);
    else if (upper === 'LW' || upper === 'WL') lastWeekday = true;
    else if ((m = /^L-(\d+)$/.exec(upper))) {
      const n = Number(m[1]);
      if (n > 30) throw new DialectError(`day of month: L-${n} is more than 30 days before the end of the month`);
      last.push(n);
    } else if ((m = /^(\d+)W$/.exec(upper))) {
      const n = Number(m[1]);
      if (n < 1 || n > 31) throw new DialectError(`day of month: ${part} is outside 1-31`);
      nearest.push(n);
    } else plain.push(part);
  }
  const specials = last.length > 0 || nearest.length > 0 || lastWeekday;
  const p = plain.length > 0 ? parsePlain(plain.join(','), { what: 'day of month', min: 1, max: 31, question }) : { values: [], star: false };
  if (p.star && specials) throw new DialectError(`day of month: ${JSON.stringify(expr)} mixes * with L/W`);
  return { star: p.star, values: p.values, last, lastWeekday, nearestWeekday: nearest };
}

/**
 * Splits `d#n`, `dL` (and a bare `L` = Saturday in Quartz) out of a day-of-week field. `toZeroBased` maps the
 * dialect's numbering to 0 = Sunday; the plain part is parsed with the dialect's own range.
 */
export function parseDayOfWeek(expr: string, spec: FieldSpec, toZeroBased: (n: number) => number, bareL?: number): DayOfWeekRule {
  const nth: { dow: number; n: number }[] = [];
  const last: number[] = [];
  const plain: string[] = [];
  const day = (text: string): number => toZeroBased(value(text, spec));
  for (const part of expr.split(',')) {
    let m: RegExpExecArray | null;
    if ((m = /^(\w+)#(\d+)$/.exec(part))) {
      const n = Number(m[2]);
      if (n < 1 || n > 5) throw new DialectError(`day of week: ${part}: the occurrence must be 1-5`);
      nth.push({ dow: day(m[1]!), n });
    } else if ((m = /^(\w+?)L$/i.exec(part))) last.push(day(m[1]!));
    else if (part.toUpperCase() === 'L' && bareL !== undefined) plain.push(String(bareL));
    else plain.push(part);
  }
  const specials = nth.length > 0 || last.length > 0;
  const values = new Array<boolean>(7).fill(false);
  let star = false;
  if (plain.length > 0) {
    const p = parsePlain(plain.join(','), spec);
    star = p.star;
    p.values.forEach((on, v) => {
      if (on) values[toZeroBased(v)] = true;
    });
  }
  if (star && specials) throw new DialectError(`day of week: ${JSON.stringify(expr)} mixes * with L/#`);
  return { star, values, nth, last };
}

/**
 * Small helpers shared by the apiserver validators: reading untyped manifest values the way the apiserver's
 * decoder would see them, and a Go-compatible reading of integers and whitespace.
 */

/** One problem found by a rule, before it is turned into a `Finding`. */
export interface Issue {
  /** Apiserver-style field path, e.g. `spec.template.spec.restartPolicy`. */
  readonly path: string;
  /** Kebab-case rule id. */
  readonly rule: string;
  readonly message: string;
}

export type Obj = Readonly<Record<string, unknown>>;

/** A plain mapping (YAML mapping / JSON object), else `undefined`. */
export function asObj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** An array, else `undefined`. */
export function asArr(value: unknown): readonly unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** A string, else `undefined`. */
export function asStr(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** An integer, else `undefined` (wrongly-typed values are the schema validator's business). */
export function asInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

/** A boolean, else `undefined`. */
export function asBool(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

/** Go pointers: a YAML `null` and a missing key both decode to nil. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Go's `unicode.IsSpace` set, as used by `strings.Fields` and `strings.TrimSpace` (no U+FEFF, unlike JS `\s`). */
const GO_SPACE_CLASS = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_SPACES = new RegExp(`[${GO_SPACE_CLASS}]+`, 'u');
const GO_TRIM = new RegExp(`^[${GO_SPACE_CLASS}]+|[${GO_SPACE_CLASS}]+$`, 'gu');

/** Go `strings.Fields`. */
export function goFields(s: string): string[] {
  return s.split(GO_SPACES).filter((f) => f !== '');
}

/** Go `strings.TrimSpace`. */
export function goTrimSpace(s: string): string {
  return s.replace(GO_TRIM, '');
}

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);

/** Go `strconv.Atoi` on a 64-bit platform: optional sign, decimal digits only, within int64; else `undefined`. */
export function goAtoi(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const value = BigInt(s);
  return value > INT64_MAX || value < INT64_MIN ? undefined : value;
}

/** Quote like Go's `%q` for messages (close enough for ASCII). */
export function q(s: string): string {
  return JSON.stringify(s);
}

/** Joins a child to a field path. */
export function child(path: string, ...names: string[]): string {
  return [path, ...names].filter((p) => p !== '').join('.');
}

/** `path[i]` */
export function index(path: string, i: number | string): string {
  return `${path}[${i}]`;
}

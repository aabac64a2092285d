/**
 * What a C# expression evaluates to, as far as reading the source can tell without running it: a constant
 * (literals, `const` fields, locals assigned once), a configuration key (`configuration["Jobs:Cron"]`,
 * `GetValue<string>(...)`, `GetSection(...)`, environment variables), a choice made at run time (a conditional,
 * a variable assigned on several paths such as try/catch), or unknown. Data flow is followed within the enclosing
 * method (or top-level statements) and the enclosing class; never across files or calls.
 */
import type { Node } from 'web-tree-sitter';

export type Value =
  | { readonly kind: 'constant'; readonly value: string }
  | { readonly kind: 'config'; readonly key: string; readonly fallback?: string }
  | { readonly kind: 'runtime'; readonly choices: readonly Value[]; readonly text: string }
  | { readonly kind: 'unknown'; readonly text: string };

const SCOPES = new Set(['method_declaration', 'constructor_declaration', 'local_function_statement', 'accessor_declaration', 'property_declaration']);
const CLASSES = new Set(['class_declaration', 'record_declaration', 'struct_declaration']);

/** The argument's value node (skipping a `name:` prefix) and its name. */
export function argumentParts(arg: Node): { name?: string; value: Node } {
  const named = arg.namedChildren.filter((c): c is Node => c !== null);
  if (named.length >= 2 && named[0]!.type === 'identifier' && /^\s*@?\w+\s*:/.test(arg.text)) return { name: named[0]!.text, value: named.at(-1)! };
  // `ref`/`out` modifiers are not named children; the value is the last one.
  return { value: named.at(-1)! };
}

export function argumentsOf(call: Node): { name?: string; value: Node }[] {
  const list = call.childForFieldName('arguments') ?? call.namedChildren.find((c) => c?.type === 'argument_list');
  if (!list) return [];
  return list.namedChildren.filter((c): c is Node => c?.type === 'argument').map(argumentParts);
}

/** The method, constructor or top-level program whose statements can be searched for a local's assignments. */
export function enclosingScope(node: Node): Node {
  let n: Node | null = node.parent;
  while (n && !SCOPES.has(n.type) && n.type !== 'compilation_unit') n = n.parent;
  return n ?? node;
}

export function enclosingClass(node: Node): Node | undefined {
  for (let n: Node | null = node.parent; n; n = n.parent) if (CLASSES.has(n.type)) return n;
  return undefined;
}

/**
 * Every expression assigned to `name` visible from `at`: locals and assignments in the enclosing scope, then
 * fields/properties of the enclosing class. Empty when it is a parameter or not found.
 */
export function assignmentsOf(name: string, at: Node): Node[] {
  const found: Node[] = [];
  const collect = (scope: Node, includeAssignments: boolean) => {
    for (const d of scope.descendantsOfType('variable_declarator')) {
      if (!d || d.namedChildren[0]?.text !== name) continue;
      const value = d.namedChildren.slice(1).find((c) => c !== null && c.type !== 'bracketed_argument_list');
      if (value) found.push(value.type === 'equals_value_clause' ? value.namedChildren[0]! : value);
    }
    if (!includeAssignments) return;
    for (const a of scope.descendantsOfType('assignment_expression')) {
      const left = a?.childForFieldName('left') ?? a?.namedChildren[0];
      const right = a?.childForFieldName('right') ?? a?.namedChildren.at(-1);
      if (a && left && right && (left.text === name || left.text === `this.${name}`) && a.parent?.type !== 'initializer_expression') found.push(right);
    }
  };
  const scope = enclosingScope(at);
  collect(scope, true);
  if (found.length > 0) return found;
  const cls = enclosingClass(at);
  if (cls) collect(cls, true);
  return found;
}

function unquote(node: Node): string | undefined {
  const t = node.text;
  switch (node.type) {
    case 'string_literal':
      return node.namedChildren
        .filter((c): c is Node => c !== null)
        .map((c) => (c.type === 'escape_sequence' ? JSON.parse(`"${c.text.replace(/^\\'/, "'")}"`) as string : c.text))
        .join('');
    case 'verbatim_string_literal':
      return t.slice(2, -1).replace(/""/g, '"');
    case 'raw_string_literal':
      return node.namedChildren.find((c) => c?.type === 'raw_string_content')?.text ?? '';
    case 'interpolated_string_expression':
      if (node.namedChildren.some((c) => c?.type === 'interpolation')) return undefined;
      return node.namedChildren.filter((c) => c?.type === 'string_content').map((c) => c!.text).join('');
    default:
      return undefined;
  }
}

const CONFIG_RECEIVER = /(config|configuration|settings)\b|GetSection\(/i;

/** `GetSection("A").GetSection("B")` → `A:B`; undefined when not a configuration chain. */
function sectionPath(node: Node, depth: number): string | undefined {
  if (node.type === 'identifier' || node.type === 'member_access_expression') return CONFIG_RECEIVER.test(node.text) ? '' : undefined;
  if (node.type === 'invocation_expression') {
    const fn = node.childForFieldName('function');
    if (fn?.type === 'member_access_expression' && fn.childForFieldName('name')?.text === 'GetSection') {
      const base = sectionPath(fn.childForFieldName('expression')!, depth);
      const key = argumentsOf(node)[0];
      const k = key && stringValue(key.value, depth + 1);
      if (base !== undefined && k?.kind === 'constant') return base ? `${base}:${k.value}` : k.value;
    }
  }
  if (node.type === 'element_access_expression') {
    const base = sectionPath(node.namedChildren[0]!, depth);
    const key = node.namedChildren[1]?.namedChildren[0];
    const k = key && stringValue(argumentParts(key).value, depth + 1);
    if (base !== undefined && k?.kind === 'constant') return base ? `${base}:${k.value}` : k.value;
  }
  return undefined;
}

/** The value of a string-typed expression. */
export function stringValue(node: Node, depth = 0): Value {
  if (depth > 6) return { kind: 'unknown', text: node.text };
  const literal = unquote(node);
  if (literal !== undefined) return { kind: 'constant', value: literal };
  switch (node.type) {
    case 'parenthesized_expression':
      return stringValue(node.namedChildren[0]!, depth + 1);
    case 'identifier': {
      const values = assignmentsOf(node.text, node).map((v) => stringValue(v, depth + 1));
      return merge(values, node.text);
    }
    case 'member_access_expression': {
      // `Schedules.Nightly`: a const of a class in this file.
      const name = node.childForFieldName('name')?.text ?? '';
      const root = rootOf(node);
      const consts = root.descendantsOfType('variable_declarator').filter((d) => d?.namedChildren[0]?.text === name);
      if (consts.length === 1) {
        const value = consts[0]!.namedChildren[1];
        if (value) return stringValue(value, depth + 1);
      }
      return { kind: 'unknown', text: node.text };
    }
    case 'element_access_expression': {
      const key = sectionPath(node, depth);
      return key ? { kind: 'config', key } : { kind: 'unknown', text: node.text };
    }
    case 'invocation_expression': {
      const fn = node.childForFieldName('function');
      const method = fn?.type === 'member_access_expression' ? (fn.childForFieldName('name')?.text ?? '') : (fn?.text ?? '');
      const bare = method.replace(/<.*$/s, '');
      const args = argumentsOf(node);
      if ((bare === 'GetValue' || bare === 'GetConnectionString') && args[0] && fn?.type === 'member_access_expression') {
        const base = sectionPath(fn.childForFieldName('expression')!, depth);
        const k = stringValue(args[0].value, depth + 1);
        if (base !== undefined && k.kind === 'constant') {
          const fallback = args[1] ? stringValue(args[1].value, depth + 1) : undefined;
          return { kind: 'config', key: base ? `${base}:${k.value}` : k.value, ...(fallback?.kind === 'constant' ? { fallback: fallback.value } : {}) };
        }
      }
      if (bare === 'GetEnvironmentVariable' && args[0]) {
        const k = stringValue(args[0].value, depth + 1);
        if (k.kind === 'constant') return { kind: 'config', key: `environment variable ${k.value}` };
      }
      // TimeZoneConverter's `TZConvert.WindowsToIana("Eastern Standard Time")` names the zone its argument names.
      if ((bare === 'WindowsToIana' || bare === 'IanaToWindows') && args[0]) return stringValue(args[0].value, depth + 1);
      return { kind: 'unknown', text: node.text };
    }
    case 'binary_expression': {
      const [left, right] = [node.namedChildren[0]!, node.namedChildren.at(-1)!];
      if (!node.text.slice(left.endIndex - node.startIndex, right.startIndex - node.startIndex).includes('??')) return { kind: 'unknown', text: node.text };
      const l = stringValue(left, depth + 1);
      const r = stringValue(right, depth + 1);
      if (l.kind === 'config' && r.kind === 'constant') return { ...l, fallback: r.value };
      return { kind: 'runtime', choices: [l, r], text: node.text };
    }
    case 'conditional_expression': {
      const [, a, b] = node.namedChildren;
      return { kind: 'runtime', choices: [stringValue(a!, depth + 1), stringValue(b!, depth + 1)], text: node.text };
    }
    default:
      return { kind: 'unknown', text: node.text };
  }
}

/** One value per path: one path is that value; several distinct ones are a run-time choice. */
export function merge(values: readonly Value[], text: string): Value {
  if (values.length === 0) return { kind: 'unknown', text };
  const distinct = values.filter((v, i) => values.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i);
  return distinct.length === 1 ? distinct[0]! : { kind: 'runtime', choices: distinct, text };
}

function rootOf(node: Node): Node {
  let n = node;
  while (n.parent) n = n.parent;
  return n;
}

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** An integer constant: literals, `-n`, `DayOfWeek.Friday` (0-6), consts and once-assigned locals. */
export function intValue(node: Node, depth = 0): number | undefined {
  if (depth > 6) return undefined;
  if (node.type === 'integer_literal') return Number(node.text.replace(/_/g, '').replace(/[uUlL]+$/, ''));
  if (node.type === 'parenthesized_expression') return intValue(node.namedChildren[0]!, depth + 1);
  if (node.type === 'prefix_unary_expression' && node.text.trim().startsWith('-')) {
    const v = intValue(node.namedChildren[0]!, depth + 1);
    return v === undefined ? undefined : -v;
  }
  if (node.type === 'member_access_expression' && /^(System\.)?DayOfWeek$/.test(node.childForFieldName('expression')?.text ?? '')) {
    const i = DAYS.indexOf(node.childForFieldName('name')?.text ?? '');
    return i < 0 ? undefined : i;
  }
  if (node.type === 'identifier') {
    const values = assignmentsOf(node.text, node).map((v) => intValue(v, depth + 1));
    return values.length === 1 ? values[0] : undefined;
  }
  return undefined;
}

const UNIT_SECONDS: Readonly<Record<string, number>> = {
  FromMilliseconds: 0.001,
  FromSeconds: 1,
  FromMinutes: 60,
  FromHours: 3600,
  FromDays: 86_400,
};

/**
 * A TimeSpan (or milliseconds, for `Task.Delay(int)`) in seconds: `TimeSpan.FromMinutes(5)`, `new TimeSpan(1, 0, 0)`,
 * a const or once-assigned local of either.
 */
export function secondsValue(node: Node, intIsMilliseconds: boolean, depth = 0): number | undefined {
  if (depth > 6) return undefined;
  const n = intValue(node);
  if (n !== undefined && node.type !== 'identifier') return intIsMilliseconds ? n / 1000 : undefined;
  if (node.type === 'identifier') {
    const values = assignmentsOf(node.text, node).map((v) => secondsValue(v, intIsMilliseconds, depth + 1));
    return values.length === 1 ? values[0] : undefined;
  }
  if (node.type === 'invocation_expression') {
    const fn = node.childForFieldName('function');
    const unit = fn?.type === 'member_access_expression' ? UNIT_SECONDS[fn.childForFieldName('name')?.text ?? ''] : undefined;
    const arg = argumentsOf(node)[0];
    if (unit !== undefined && arg && /TimeSpan$/.test(fn!.childForFieldName('expression')?.text ?? '')) {
      const v = arg.value.type === 'real_literal' ? Number(arg.value.text.replace(/[dDfFmM]$/, '')) : intValue(arg.value);
      return v === undefined ? undefined : v * unit;
    }
  }
  if (node.type === 'object_creation_expression' && /TimeSpan$/.test(node.namedChildren[0]?.text ?? '')) {
    const args = argumentsOf(node).map((a) => intValue(a.value));
    if (args.some((a) => a === undefined)) return undefined;
    const a = args as number[];
    if (a.length === 3) return a[0]! * 3600 + a[1]! * 60 + a[2]!;
    if (a.length === 4) return a[0]! * 86_400 + a[1]! * 3600 + a[2]! * 60 + a[3]!;
    if (a.length === 5) return a[0]! * 86_400 + a[1]! * 3600 + a[2]! * 60 + a[3]! + a[4]! / 1000;
  }
  return undefined;
}

/** How a time zone is given in code. */
export type ZoneValue =
  | { readonly kind: 'utc' }
  | { readonly kind: 'local' }
  | { readonly kind: 'id'; readonly id: Value }
  | { readonly kind: 'runtime'; readonly choices: readonly ZoneValue[]; readonly text: string }
  | { readonly kind: 'unknown'; readonly text: string };

const ZONE_LOOKUPS = new Set(['FindSystemTimeZoneById', 'GetTimeZoneInfo', 'ConvertWindowsIdToIanaId', 'ConvertIanaIdToWindowsId']);

/** A `TimeZoneInfo` expression. */
export function zoneValue(node: Node, depth = 0): ZoneValue {
  if (depth > 6) return { kind: 'unknown', text: node.text };
  const text = node.text.replace(/\s+/g, '');
  if (/^(System\.)?TimeZoneInfo\.Utc$/.test(text)) return { kind: 'utc' };
  if (/^(System\.)?TimeZoneInfo\.Local$/.test(text)) return { kind: 'local' };
  switch (node.type) {
    case 'parenthesized_expression':
      return zoneValue(node.namedChildren[0]!, depth + 1);
    case 'invocation_expression': {
      const fn = node.childForFieldName('function');
      const method = fn?.type === 'member_access_expression' ? fn.childForFieldName('name')?.text : fn?.text;
      const arg = argumentsOf(node)[0];
      if (method && ZONE_LOOKUPS.has(method) && arg) return { kind: 'id', id: stringValue(arg.value, depth + 1) };
      // `ChooseTimeZone()`: a parameterless method of the same class; each return is one of the zones it may pick.
      if (fn?.type === 'identifier' && !arg) {
        const returns = returnsOf(fn.text, node);
        if (returns.length > 0) {
          const zones = returns.flatMap((r) => alternatives(zoneValue(r, depth + 1)));
          const distinct = zones.filter((v, i) => zones.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i);
          return distinct.length === 1 ? distinct[0]! : { kind: 'runtime', choices: distinct, text: node.text };
        }
      }
      return { kind: 'unknown', text: node.text };
    }
    case 'identifier': {
      const values = assignmentsOf(node.text, node).map((v) => zoneValue(v, depth + 1));
      if (values.length === 0) return { kind: 'unknown', text: node.text };
      const distinct = values.filter((v, i) => values.findIndex((w) => JSON.stringify(w) === JSON.stringify(v)) === i);
      return distinct.length === 1 ? distinct[0]! : { kind: 'runtime', choices: distinct, text: node.text };
    }
    case 'conditional_expression': {
      const [, a, b] = node.namedChildren;
      return { kind: 'runtime', choices: [zoneValue(a!, depth + 1), zoneValue(b!, depth + 1)], text: node.text };
    }
    case 'binary_expression': {
      const [a, b] = [node.namedChildren[0]!, node.namedChildren.at(-1)!];
      return { kind: 'runtime', choices: [zoneValue(a, depth + 1), zoneValue(b, depth + 1)], text: node.text };
    }
    default:
      return { kind: 'unknown', text: node.text };
  }
}

/** A zone that may be one of several, as a flat list of the zones it may be. */
function alternatives(zone: ZoneValue): ZoneValue[] {
  if (zone.kind === 'runtime') return zone.choices.flatMap(alternatives);
  if (zone.kind === 'id' && zone.id.kind === 'runtime') return zone.id.choices.map((id): ZoneValue => ({ kind: 'id', id }));
  return [zone];
}

const FUNCTION_TYPES = new Set(['method_declaration', 'local_function_statement', 'lambda_expression', 'anonymous_method_expression']);

/** The returned expressions of the one parameterless method `name` of the class around `at` (not of nested lambdas). */
function returnsOf(name: string, at: Node): Node[] {
  const cls = enclosingClass(at);
  const methods = (cls?.descendantsOfType('method_declaration') ?? []).filter(
    (m): m is Node => m !== null && m.childForFieldName('name')?.text === name && (m.childForFieldName('parameters')?.namedChildren.length ?? 0) === 0,
  );
  if (methods.length !== 1) return [];
  const method = methods[0]!;
  const owner = (n: Node): Node | null => {
    let p = n.parent;
    while (p && !FUNCTION_TYPES.has(p.type)) p = p.parent;
    return p;
  };
  return method
    .descendantsOfType('return_statement')
    .filter((r): r is Node => r !== null && owner(r)?.id === method.id && r.namedChildren[0] !== undefined && r.namedChildren[0] !== null)
    .map((r) => r.namedChildren[0]!);
}

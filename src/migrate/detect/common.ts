/** What every library's detector shares: the detected record, the file being scanned, and C# tree helpers. */
import type { Node } from 'web-tree-sitter';
import { enclosingNamespace, lineOf, resolveName, type CSharpFile, type NameIndex } from '../../check/csharp/parser.js';
import { assignmentsOf, enclosingClass, enclosingScope, type Value, type ZoneValue } from '../csharp-values.js';

export type Library = 'hangfire' | 'quartz' | 'ncronjob' | 'coravel' | 'hosted-service';

export type ScheduleSpec =
  | { readonly kind: 'cron'; readonly dialect: 'hangfire' | 'ncronjob' | 'quartz' | 'coravel'; readonly value: Value }
  | { readonly kind: 'coravel'; readonly method: string; readonly args: readonly (number | string)[]; readonly days: readonly string[] }
  | { readonly kind: 'interval'; readonly seconds?: number };

export interface Detected {
  readonly library: Library;
  readonly file: string;
  readonly line: number;
  /** Hangfire recurring job id, Quartz trigger/job name, NCronJob name, hosted-service class. */
  readonly jobId?: string;
  /** The job's type and method (`ReportJob.Run`), or the invoked expression. */
  readonly invoked?: string;
  /** The schedule as written: the expression's source text, or the helper call. */
  readonly written: string;
  readonly schedule: ScheduleSpec;
  /** undefined: the code names no zone (the library's default applies). */
  readonly zone?: ZoneValue;
  /** What could not be followed, and other facts the user should know. */
  readonly notes: readonly string[];
  /**
   * The job's work as one C# call that a generated job class can make: `target` is the DI-resolved instance of
   * `type` (absent for a static call). Absent when the work is not a single call (Quartz/NCronJob jobs, loops).
   */
  readonly call?: { readonly type?: string; readonly body: string; readonly awaited: boolean };
  /** Namespaces the registration's file imports or declares (for the generated class). */
  readonly namespaces?: readonly string[];
  /** The statement that registers the schedule: to be removed by hand once the CronJob runs. */
  readonly registration: { readonly line: number; readonly endLine: number; readonly text: string };
}

export interface ScanFile {
  readonly path: string;
  readonly text: string;
  readonly file: CSharpFile;
  readonly index: NameIndex;
}

export function resolvesTo(scan: ScanFile, node: Node, written: string, names: readonly string[]): boolean {
  return resolveName(scan.file, scan.index, node, written.replace(/<.*$/s, '').replace(/^global::/, '').replace(/\s+/g, '')).some((c) => names.includes(c));
}

/** Whether the file sees a namespace (`using Quartz;`, a global using, or the namespace being written out). */
export function imports(scan: ScanFile, namespace: string): boolean {
  return [...scan.file.usings, ...scan.index.globalUsings].some((u) => u.target === namespace || u.target.startsWith(`${namespace}.`)) || scan.text.includes(`${namespace}.`);
}

/** `x.Foo<T>(…)` → `Foo`; `Foo(…)` → `Foo`. */
export function methodName(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  if (!fn) return undefined;
  const nameNode = fn.type === 'member_access_expression' ? fn.childForFieldName('name') : fn;
  if (!nameNode) return undefined;
  return nameNode.type === 'generic_name' ? nameNode.namedChildren[0]?.text : nameNode.text;
}

/** The type arguments written on the called method: `AddOrUpdate<ReportJob>` → `['ReportJob']`. */
export function typeArguments(call: Node): string[] {
  const fn = call.childForFieldName('function');
  const nameNode = fn?.type === 'member_access_expression' ? fn.childForFieldName('name') : fn;
  if (nameNode?.type !== 'generic_name') return [];
  const list = nameNode.namedChildren.find((c) => c?.type === 'type_argument_list');
  return list ? list.namedChildren.filter((c): c is Node => c !== null).map((c) => c.text) : [];
}

export function receiverOf(call: Node): Node | undefined {
  const fn = call.childForFieldName('function');
  return fn?.type === 'member_access_expression' ? (fn.childForFieldName('expression') ?? undefined) : undefined;
}

/** The outermost call of a fluent chain that `call` is part of (`a.B().C().D()` from `B()` → `D()`). */
export function chainTop(call: Node): Node {
  let n = call;
  for (;;) {
    const p = n.parent;
    if (p?.type === 'member_access_expression' && p.childForFieldName('expression')?.id === n.id && p.parent?.type === 'invocation_expression') n = p.parent;
    else return n;
  }
}

/** The calls of a chain from its top down: `a.B().C()` → [C(), B()]. */
export function chainCalls(top: Node): Node[] {
  const out: Node[] = [];
  let n: Node | null | undefined = top;
  while (n?.type === 'invocation_expression') {
    out.push(n);
    n = receiverOf(n);
  }
  return out;
}

/** The statement holding a node (for the lines to remove); an expression-bodied member's expression otherwise. */
export function statementOf(node: Node): { line: number; endLine: number; text: string } {
  let n: Node = node;
  while (n.parent && !/statement$/.test(n.type) && n.type !== 'global_statement') {
    if (/^(arrow_expression_clause|lambda_expression)$|_declaration$/.test(n.parent.type)) break;
    n = n.parent;
  }
  return { line: lineOf(n), endLine: n.endPosition.row + 1, text: n.text.split('\n')[0]!.trim() };
}

/** `x => x.Run(…)` with `T` → `T.Run`; `() => Console.WriteLine()` → `Console.WriteLine`. */
export function invokedBy(lambda: Node | undefined, typeArg: string | undefined): string | undefined {
  if (!lambda) return typeArg;
  if (lambda.type !== 'lambda_expression') return lambda.text;
  const params = lambda.namedChildren.filter((c) => c?.type === 'implicit_parameter' || c?.type === 'parameter_list').map((c) => c!.text.replace(/[()]/g, '').trim().split(/\s+/).at(-1));
  const body = lambda.childForFieldName('body') ?? lambda.namedChildren.at(-1);
  const call = body?.type === 'invocation_expression' ? body : body?.descendantsOfType('invocation_expression')[0];
  const fn = call?.childForFieldName('function');
  if (!fn) return typeArg;
  const text = fn.text.replace(/\s+/g, '').replace(/^await/, '');
  const [head, ...rest] = text.split('.');
  if (typeArg && params.includes(head) && rest.length > 0) return `${typeArg}.${rest.join('.')}`;
  return text;
}

/**
 * A lambda `x => x.Run(a)` with `type` → `target.Run(a)`; `() => Static.Call()` → as written. Undefined for block
 * bodies and for lambdas that use their parameter other than as the receiver.
 */
export function callOf(lambda: Node | undefined, type: string | undefined): { type?: string; body: string; awaited: boolean } | undefined {
  if (lambda?.type !== 'lambda_expression') return undefined;
  const body = lambda.childForFieldName('body') ?? lambda.namedChildren.at(-1);
  if (!body || body.type === 'block') return undefined;
  const inner = body.type === 'await_expression' ? body.namedChildren[0] : body;
  if (inner?.type !== 'invocation_expression') return undefined;
  const param = lambda.namedChildren.find((c) => c?.type === 'implicit_parameter' || c?.type === 'parameter_list');
  const names = param ? param.text.replace(/[()]/g, '').split(',').map((p) => p.trim().split(/\s+/).at(-1)!).filter(Boolean) : [];
  const awaited = body.type === 'await_expression' || /^async\b/.test(lambda.text) || /Async$/.test(methodNameOf(inner) ?? '');
  let text = inner.text;
  if (names.length === 1 && type) {
    const re = new RegExp(`^${names[0]}\\s*\\.`);
    if (!re.test(text)) return undefined;
    text = text.replace(re, 'target.');
    if (new RegExp(`\\b${names[0]}\\b`).test(text)) return undefined;
    return { type, body: text, awaited };
  }
  if (names.length > 0) return undefined;
  return { body: text, awaited };
}

function methodNameOf(call: Node): string | undefined {
  const fn = call.childForFieldName('function');
  const n = fn?.type === 'member_access_expression' ? fn.childForFieldName('name') : fn;
  return n?.type === 'generic_name' ? n.namedChildren[0]?.text : n?.text;
}

/** Namespaces a generated class needs to see the same names as `scan`'s file (its usings and namespace). */
export function namespacesOf(scan: ScanFile, at: Node): string[] {
  const own = enclosingNamespace(at);
  return [...new Set([...scan.file.usings.filter((u) => !u.alias && !u.isStatic).map((u) => u.target), ...(own ? [own] : [])])];
}

/** The written type of a local, parameter, field or property named `name` visible from `at`. */
export function declaredType(name: string, at: Node): Node | undefined {
  const scopes = [enclosingScope(at), enclosingClass(at)].filter((s): s is Node => s !== undefined);
  for (const scope of scopes) {
    for (const p of scope.descendantsOfType('parameter')) {
      const kids = p?.namedChildren.filter((c): c is Node => c !== null) ?? [];
      if (kids.at(-1)?.text === name && kids.length >= 2) return kids.at(-2);
    }
    for (const d of scope.descendantsOfType('variable_declarator')) {
      if (d?.namedChildren[0]?.text !== name) continue;
      const declaration = d.parent;
      const type = declaration?.namedChildren[0];
      if (type && type.type !== 'implicit_type') return type;
      const init = assignmentsOf(name, at)[0];
      if (init?.type === 'object_creation_expression') return init.namedChildren[0] ?? undefined;
      if (init?.type === 'invocation_expression') {
        const t = typeArguments(init)[0];
        if (t) return init;
      }
    }
    for (const p of scope.descendantsOfType('property_declaration')) {
      if (p?.childForFieldName('name')?.text === name) return p.childForFieldName('type') ?? undefined;
    }
  }
  return undefined;
}

/**
 * Hangfire: `RecurringJob.AddOrUpdate` (every overload: with or without an id, with a queue, with a `string` or a
 * `Func<string>` cron, with a `TimeZoneInfo` or `RecurringJobOptions { TimeZone = … }`) and the same on an
 * `IRecurringJobManager`/`RecurringJobManager`. Cron values may be literals, constants, configuration, or the
 * `Cron.*` helpers, called or passed as method groups. Names are resolved through usings: a team's own
 * `RecurringJob` or `Cron` class is not Hangfire's.
 */
import type { Node } from 'web-tree-sitter';
import { lineOf } from '../../check/csharp/parser.js';
import { argumentsOf, assignmentsOf, intValue, stringValue, zoneValue, type Value, type ZoneValue } from '../csharp-values.js';
import { HANGFIRE_HELPERS, hangfireHelper } from '../dialects/hangfire-helpers.js';
import { callOf, declaredType, invokedBy, namespacesOf, methodName, receiverOf, resolvesTo, statementOf, typeArguments, type Detected, type ScanFile } from './common.js';

const MANAGERS = ['Hangfire.IRecurringJobManager', 'Hangfire.RecurringJobManager', 'Hangfire.IRecurringJobManagerV2'];

function isHangfireReceiver(scan: ScanFile, receiver: Node): boolean {
  const text = receiver.text.replace(/\s+/g, '');
  if (/^(global::)?(Hangfire\.)?RecurringJob$/.test(text)) return resolvesTo(scan, receiver, text, ['Hangfire.RecurringJob']);
  if (receiver.type === 'identifier' || receiver.type === 'member_access_expression') {
    const name = receiver.type === 'identifier' ? receiver.text : (receiver.childForFieldName('name')?.text ?? '');
    const type = declaredType(name, receiver);
    if (type) {
      const written = type.type === 'invocation_expression' ? (typeArguments(type)[0] ?? '') : type.text;
      return resolvesTo(scan, type, written, MANAGERS);
    }
    return false;
  }
  // `app.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate(…)`
  if (receiver.type === 'invocation_expression') {
    const t = typeArguments(receiver)[0];
    return t !== undefined && resolvesTo(scan, receiver, t, MANAGERS);
  }
  return false;
}

/** A cron argument: string value, `Cron.X(…)` call, `Cron.X` method group, or `() => "…"`. */
function cronArgument(scan: ScanFile, node: Node): { value: Value; written: string } {
  const written = node.text;
  if (node.type === 'lambda_expression') {
    const body = node.childForFieldName('body') ?? node.namedChildren.at(-1)!;
    return { value: cronArgument(scan, body).value, written };
  }
  const helperOf = (target: Node, args: Node[]): Value | undefined => {
    if (target.type !== 'member_access_expression') return undefined;
    const owner = target.childForFieldName('expression');
    const name = target.childForFieldName('name')?.text ?? '';
    if (!owner || !HANGFIRE_HELPERS.has(name) || !resolvesTo(scan, owner, owner.text, ['Hangfire.Cron'])) return undefined;
    const values = args.map((a) => intValue(a));
    if (values.some((v) => v === undefined)) return { kind: 'unknown', text: written };
    const cron = hangfireHelper(name, values as number[]);
    return cron === undefined ? { kind: 'unknown', text: written } : { kind: 'constant', value: cron };
  };
  if (node.type === 'invocation_expression') {
    const fn = node.childForFieldName('function');
    const v = fn && helperOf(fn, argumentsOf(node).map((a) => a.value));
    if (v) return { value: v, written };
  }
  if (node.type === 'member_access_expression') {
    const v = helperOf(node, []);
    if (v) return { value: v, written };
  }
  return { value: stringValue(node), written };
}

function zoneFromOptions(node: Node): ZoneValue | undefined {
  let creation: Node | undefined = node;
  if (node.type === 'identifier') {
    const zoneAssignment = assignmentsOf(`${node.text}.TimeZone`, node)[0];
    if (zoneAssignment) return zoneValue(zoneAssignment);
    creation = assignmentsOf(node.text, node)[0];
  }
  if (creation?.type !== 'object_creation_expression' && creation?.type !== 'implicit_object_creation_expression') return undefined;
  for (const a of creation.descendantsOfType('assignment_expression')) {
    if (a?.namedChildren[0]?.text === 'TimeZone') return zoneValue(a.namedChildren.at(-1)!);
  }
  return undefined;
}

export function detectHangfire(scan: ScanFile, root: Node): Detected[] {
  if (!/\bAddOrUpdate\b/.test(scan.text)) return [];
  const out: Detected[] = [];
  for (const call of root.descendantsOfType('invocation_expression')) {
    if (!call || methodName(call) !== 'AddOrUpdate') continue;
    const receiver = receiverOf(call);
    if (!receiver || !isHangfireReceiver(scan, receiver)) continue;
    const args = argumentsOf(call);
    const lambdaIndex = args.findIndex((a) => a.value.type === 'lambda_expression' && a.name !== 'cronExpression');
    const byName = (n: string) => args.find((a) => a.name === n);
    const notes: string[] = [];
    // Before the lambda: [recurringJobId] or [recurringJobId, queue].
    const before = args.slice(0, Math.max(lambdaIndex, 0)).filter((a) => !a.name);
    const idArg = byName('recurringJobId') ?? before[0];
    const cronArg = byName('cronExpression') ?? args.slice(lambdaIndex + 1).find((a) => !a.name);
    if (!cronArg) continue;
    const after = args.slice(args.indexOf(cronArg) + 1);
    const zoneArg = byName('timeZone') ?? after.find((a) => !a.name && /TimeZoneInfo|zone/i.test(a.value.text) && !/Options/.test(a.value.text));
    const optionsArg = byName('options') ?? after.find((a) => !a.name && /Options/i.test(a.value.text));
    const typeArg = typeArguments(call)[0];
    const invoked = invokedBy(lambdaIndex >= 0 ? args[lambdaIndex]!.value : undefined, typeArg);
    let jobId: string | undefined;
    if (idArg) {
      const id = stringValue(idArg.value);
      jobId = id.kind === 'constant' ? id.value : idArg.value.text;
      if (id.kind !== 'constant') notes.push(`job id is computed: ${idArg.value.text}`);
    } else {
      // The obsolete overloads without an id use "Type.Method".
      jobId = invoked;
    }
    const cron = cronArgument(scan, cronArg.value);
    let zone: ZoneValue | undefined = zoneArg ? zoneValue(zoneArg.value) : undefined;
    if (!zone && optionsArg) {
      zone = zoneFromOptions(optionsArg.value);
      if (!zone && !/TimeZone/.test(optionsArg.value.text) && optionsArg.value.type !== 'identifier') zone = undefined;
      else if (!zone) notes.push(`time zone set through ${optionsArg.value.text}, which could not be followed`);
    }
    out.push({
      library: 'hangfire',
      file: scan.path,
      line: lineOf(cronArg.value),
      ...(jobId !== undefined ? { jobId } : {}),
      ...(invoked !== undefined ? { invoked } : {}),
      written: cron.written,
      schedule: { kind: 'cron', dialect: 'hangfire', value: cron.value },
      ...(zone ? { zone } : {}),
      notes,
      ...withCall(callOf(lambdaIndex >= 0 ? args[lambdaIndex]!.value : undefined, typeArg)),
      namespaces: namespacesOf(scan, call),
      registration: statementOf(call),
    });
  }
  return out;
}

function withCall(call: ReturnType<typeof callOf>): { call?: NonNullable<ReturnType<typeof callOf>> } {
  return call ? { call } : {};
}

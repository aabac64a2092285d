/**
 * Coravel: `scheduler.Schedule<T>()` / `Schedule(() => …)` / `ScheduleAsync(…)` / `ScheduleWithParams<T>(…)`
 * followed by an interval (`EveryFiveMinutes()`, `DailyAt(13, 30)`, `Cron("…")`), day restrictions
 * (`Weekday()`, `Monday()`…) and `Zoned(tz)` (default UTC). Only in files that import Coravel.
 */
import type { Node } from 'web-tree-sitter';
import { lineOf } from '../../check/csharp/parser.js';
import { argumentsOf, intValue, stringValue, zoneValue } from '../csharp-values.js';
import { CORAVEL_DAYS, CORAVEL_INTERVALS } from '../dialects/coravel.js';
import { callOf, chainCalls, chainTop, imports, invokedBy, namespacesOf, methodName, statementOf, typeArguments, type Detected, type ScanFile } from './common.js';

const SCHEDULE = /^(Schedule|ScheduleAsync|ScheduleWithParams|ScheduleInvocableType)$/;

export function detectCoravel(scan: ScanFile, root: Node): Detected[] {
  if (!/\bSchedule(Async|WithParams|InvocableType)?\b/.test(scan.text) || !imports(scan, 'Coravel')) return [];
  const out: Detected[] = [];
  for (const call of root.descendantsOfType('invocation_expression')) {
    if (!call) continue;
    const interval = methodName(call) ?? '';
    if (!CORAVEL_INTERVALS.has(interval)) continue;
    const chain = chainCalls(chainTop(call));
    const scheduleCall = chain.find((c) => SCHEDULE.test(methodName(c) ?? ''));
    if (!scheduleCall) continue;
    const notes: string[] = [];
    const args = argumentsOf(call).map((a) => {
      if (interval === 'Cron') {
        const v = stringValue(a.value);
        if (v.kind !== 'constant') notes.push(`Cron(${a.value.text}) is not a constant`);
        return v.kind === 'constant' ? v.value : a.value.text;
      }
      const n = intValue(a.value);
      if (n === undefined) notes.push(`${interval} argument ${a.value.text} is not a constant`);
      return n ?? a.value.text;
    });
    const days = chain.map((c) => methodName(c) ?? '').filter((m) => m in CORAVEL_DAYS);
    const zoned = chain.find((c) => methodName(c) === 'Zoned');
    const typeArg = typeArguments(scheduleCall)[0] ?? /typeof\((\w+)\)/.exec(argumentsOf(scheduleCall)[0]?.value.text ?? '')?.[1];
    const invoked = typeArg ? `${typeArg}.Invoke` : invokedBy(argumentsOf(scheduleCall)[0]?.value, undefined);
    const written = chain
      .slice()
      .reverse()
      .filter((c) => c.id !== scheduleCall.id && chain.indexOf(c) < chain.indexOf(scheduleCall))
      .map((c) => `${methodName(c)}(${argumentsOf(c).map((a) => a.value.text).join(', ')})`)
      .join('.');
    out.push({
      library: 'coravel',
      file: scan.path,
      line: lineOf(call),
      ...(typeArg ? { jobId: typeArg } : {}),
      ...(invoked ? { invoked } : {}),
      written,
      schedule: { kind: 'coravel', method: interval, args, days },
      ...(zoned && argumentsOf(zoned)[0] ? { zone: zoneValue(argumentsOf(zoned)[0]!.value) } : {}),
      notes,
      ...(typeArg && methodName(scheduleCall) === 'Schedule'
        ? { call: { type: typeArg, body: 'target.Invoke()', awaited: true } }
        : (() => {
            const c = callOf(argumentsOf(scheduleCall)[0]?.value, undefined);
            return c ? { call: c } : {};
          })()),
      namespaces: namespacesOf(scan, call),
      registration: statementOf(call),
    });
  }
  return out;
}

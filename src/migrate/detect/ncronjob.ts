/**
 * NCronJob: `AddNCronJob(o => o.AddJob<T>(j => j.WithCronExpression(expr[, timeZoneInfo]).WithName(…)))`, also
 * `AddJob(typeof(T), …)` and lambda jobs `AddJob((IService s) => …, expr)`. Default zone: UTC.
 */
import type { Node } from 'web-tree-sitter';
import { lineOf } from '../../check/csharp/parser.js';
import { argumentsOf, stringValue, zoneValue } from '../csharp-values.js';
import { chainCalls, chainTop, imports, invokedBy, methodName, statementOf, typeArguments, type Detected, type ScanFile } from './common.js';

export function detectNCronJob(scan: ScanFile, root: Node): Detected[] {
  if (!/\bWithCronExpression\b|\bAddNCronJob\b/.test(scan.text) || !imports(scan, 'NCronJob')) return [];
  const out: Detected[] = [];
  for (const call of root.descendantsOfType('invocation_expression')) {
    if (!call) continue;
    const name = methodName(call);
    let exprArg: Node | undefined;
    let zoneArg: Node | undefined;
    let jobType: string | undefined;
    let invoked: string | undefined;
    if (name === 'WithCronExpression') {
      const args = argumentsOf(call);
      exprArg = (args.find((a) => a.name === 'cronExpression') ?? args.find((a) => !a.name))?.value;
      zoneArg = (args.find((a) => a.name === 'timeZoneInfo' || a.name === 'timeZone') ?? args.filter((a) => !a.name)[1])?.value;
      for (let p: Node | null = call.parent; p; p = p.parent) {
        if (p.type === 'invocation_expression' && methodName(p) === 'AddJob') {
          jobType = typeArguments(p)[0] ?? /typeof\((\w+)\)/.exec(argumentsOf(p)[0]?.value.text ?? '')?.[1];
          break;
        }
      }
      invoked = jobType ? `${jobType}.RunAsync` : undefined;
    } else if (name === 'AddJob' && argumentsOf(call)[0]?.value.type === 'lambda_expression') {
      // Lambda job: AddJob((IService s) => s.Run(), "*/5 * * * *")
      const args = argumentsOf(call);
      exprArg = (args.find((a) => a.name === 'cronExpression') ?? args.filter((a) => !a.name)[1])?.value;
      zoneArg = (args.find((a) => a.name === 'timeZoneInfo') ?? args.filter((a) => !a.name)[2])?.value;
      invoked = invokedBy(args[0]!.value, undefined);
    } else continue;
    if (!exprArg) continue;
    const withName = chainCalls(chainTop(call)).find((c) => methodName(c) === 'WithName');
    const jobName = withName ? stringValue(argumentsOf(withName)[0]!.value) : undefined;
    const jobId = jobName?.kind === 'constant' ? jobName.value : jobType;
    out.push({
      library: 'ncronjob',
      file: scan.path,
      line: lineOf(exprArg),
      ...(jobId ? { jobId } : {}),
      ...(invoked ? { invoked } : {}),
      written: exprArg.text,
      schedule: { kind: 'cron', dialect: 'ncronjob', value: stringValue(exprArg) },
      ...(zoneArg ? { zone: zoneValue(zoneArg) } : {}),
      notes: [],
      registration: statementOf(call),
    });
  }
  return out;
}

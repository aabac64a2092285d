/**
 * `BackgroundService`/`IHostedService` classes that loop on a constant `Task.Delay(x)` or `PeriodicTimer(x)`:
 * reported with their period (not clock-aligned, so never exact). A period read from configuration or computed
 * is reported as such.
 */
import type { Node } from 'web-tree-sitter';
import { lineOf } from '../../check/csharp/parser.js';
import { hostedServiceTypes } from '../../policy/rules.js';
import { argumentsOf, assignmentsOf, secondsValue } from '../csharp-values.js';
import { methodName, receiverOf, resolvesTo, statementOf, type Detected, type ScanFile } from './common.js';

export function detectHostedServices(scan: ScanFile, root: Node): Detected[] {
  if (!/\b(BackgroundService|IHostedService)\b/.test(scan.text)) return [];
  const out: Detected[] = [];
  for (const cls of root.descendantsOfType(['class_declaration', 'record_declaration'])) {
    const bases = cls?.namedChildren.find((c) => c?.type === 'base_list');
    if (!cls || !bases) continue;
    const hosted = bases.namedChildren.some((b) => b !== null && resolvesTo(scan, b, b.text, hostedServiceTypes));
    if (!hosted) continue;
    const className = cls.childForFieldName('name')?.text ?? '?';
    for (const loop of cls.descendantsOfType(['while_statement', 'for_statement', 'do_statement'])) {
      if (!loop) continue;
      for (const call of loop.descendantsOfType('invocation_expression')) {
        if (!call) continue;
        const m = methodName(call);
        let periodNode: Node | undefined;
        let written: string;
        let ms = false;
        if (m === 'Delay' && receiverOf(call) && resolvesTo(scan, receiverOf(call)!, receiverOf(call)!.text, ['System.Threading.Tasks.Task'])) {
          periodNode = argumentsOf(call)[0]?.value;
          written = call.text;
          ms = true;
        } else if (m === 'WaitForNextTickAsync') {
          const timer = receiverOf(call);
          const creation = timer && (timer.type === 'identifier' ? assignmentsOf(timer.text, timer)[0] : undefined);
          periodNode = creation?.type === 'object_creation_expression' ? argumentsOf(creation)[0]?.value : undefined;
          written = creation?.text ?? call.text;
        } else continue;
        const seconds = periodNode ? secondsValue(periodNode, ms) : undefined;
        out.push({
          library: 'hosted-service',
          file: scan.path,
          line: lineOf(call),
          jobId: className,
          invoked: `${className}.ExecuteAsync`,
          written,
          schedule: { kind: 'interval', ...(seconds !== undefined ? { seconds } : {}) },
          notes: seconds === undefined ? [`the period ${periodNode?.text ?? '?'} is not a constant (configuration or computed)`] : [],
          registration: statementOf(loop),
        });
        break;
      }
    }
  }
  return out;
}

/**
 * Quartz.NET: `WithCronSchedule(expr[, b => b.InTimeZone(tz)])`, `CronScheduleBuilder.CronSchedule(expr)` and its
 * daily/weekly/monthly helpers with `.InTimeZone(tz)`, simple schedules (`WithSimpleSchedule(x =>
 * x.WithIntervalInMinutes(5).RepeatForever())`, `SimpleScheduleBuilder.RepeatMinutelyForever(n)`), and how each
 * trigger reaches a job: `ScheduleJob<T>(t => …)`, `.ForJob(key)` with `AddJob<T>(o => o.WithIdentity(key))`, or a
 * trigger kept in a variable (or a list/array/dictionary of them) and passed to `scheduler.ScheduleJob(job, …)`
 * later in the same method or class, with `job = JobBuilder.Create<T>()…`. What cannot be followed is said.
 */
import type { Node } from 'web-tree-sitter';
import { lineOf } from '../../check/csharp/parser.js';
import { argumentsOf, assignmentsOf, enclosingClass, enclosingScope, intValue, secondsValue, stringValue, zoneValue, type ZoneValue } from '../csharp-values.js';
import { chainCalls, chainTop, imports, methodName, receiverOf, resolvesTo, statementOf, typeArguments, type Detected, type ScanFile } from './common.js';

const BUILDER_HELPERS: Readonly<Record<string, (a: number[]) => string>> = {
  DailyAtHourAndMinute: ([h, m]) => `0 ${m} ${h} ? * *`,
  WeeklyOnDayAndHourAndMinute: ([d, h, m]) => `0 ${m} ${h} ? * ${d! + 1}`,
  MonthlyOnDayAndHourAndMinute: ([d, h, m]) => `0 ${m} ${h} ${d} * ?`,
};

const SIMPLE_UNITS: Readonly<Record<string, number>> = {
  WithIntervalInSeconds: 1,
  WithIntervalInMinutes: 60,
  WithIntervalInHours: 3600,
  RepeatSecondlyForever: 1,
  RepeatMinutelyForever: 60,
  RepeatHourlyForever: 3600,
};

function nameArg(call: Node): string | undefined {
  const a = argumentsOf(call)[0];
  if (!a) return undefined;
  const v = stringValue(a.value);
  if (v.kind === 'constant') return v.value;
  // `new JobKey("name")`, `JobKey.Create("name")`, or a variable holding one.
  const target = a.value.type === 'identifier' ? assignmentsOf(a.value.text, a.value)[0] : a.value;
  const inner = target && (target.type === 'object_creation_expression' || target.type === 'invocation_expression') ? argumentsOf(target)[0] : undefined;
  const iv = inner && stringValue(inner.value);
  return iv?.kind === 'constant' ? iv.value : a.value.text;
}

/** The job type of `JobBuilder.Create<T>()` / `AddJob<T>(…)` chains whose identity is `key` (text as written). */
function jobTypeForKey(key: string, at: Node): string | undefined {
  for (const scope of [enclosingScope(at), enclosingClass(at), root(at)]) {
    if (!scope) continue;
    for (const call of scope.descendantsOfType('invocation_expression')) {
      if (!call) continue;
      const name = methodName(call);
      if (name !== 'AddJob' && name !== 'Create') continue;
      const t = typeArguments(call)[0];
      if (!t) continue;
      const top = chainTop(call);
      if (top.text.includes(key) || call.text.includes(key)) return t;
    }
  }
  return undefined;
}

function root(n: Node): Node {
  let r = n;
  while (r.parent) r = r.parent;
  return r;
}

/** `JobBuilder.Create<T>().WithIdentity("x")…Build()` (or a variable holding it) → T and its name. */
function jobOf(expr: Node): { type?: string; name?: string } {
  const target = expr.type === 'identifier' ? assignmentsOf(expr.text, expr)[0] : expr;
  if (!target) return {};
  const calls = target.type === 'invocation_expression' ? chainCalls(target) : [];
  const create = calls.find((c) => methodName(c) === 'Create' && typeArguments(c).length > 0);
  const identity = calls.find((c) => methodName(c) === 'WithIdentity');
  return { ...(create ? { type: typeArguments(create)[0]! } : {}), ...(identity ? { name: nameArg(identity)! } : {}) };
}

/** Follows a trigger variable to the `ScheduleJob(job, trigger)` that binds it, through lists, arrays and dictionaries. */
function boundJob(variable: string, at: Node, depth = 0): { type?: string; name?: string; via?: string } | undefined {
  if (depth > 3) return undefined;
  for (const scope of [enclosingScope(at), enclosingClass(at)]) {
    if (!scope) continue;
    const uses = scope.descendantsOfType('identifier').filter((i) => i?.text === variable && i.startIndex > at.startIndex - 1 && i.id !== at.id);
    for (const use of uses) {
      if (!use) continue;
      // `ScheduleJob(job, trigger)` / `ScheduleJob(job, triggers, replace)`.
      const arg = use.parent?.type === 'argument' ? use.parent : undefined;
      const call = arg?.parent?.parent;
      if (call?.type === 'invocation_expression' && /^ScheduleJobs?$/.test(methodName(call) ?? '')) {
        const args = argumentsOf(call);
        if (args.length >= 2 && args[0]!.value.id !== use.id) return { ...jobOf(args[0]!.value), via: `${call.text.split('\n')[0]!.trim()} (line ${lineOf(call)})` };
      }
      // Dictionary entry `{ job, new[] { trigger } }` or `[job] = …`: the first element of the entry is the job.
      const initializer = ancestor(use, 'initializer_expression');
      if (initializer?.parent?.type === 'initializer_expression') {
        const first = initializer.namedChildren[0];
        if (first && first.id !== use.id && !first.text.includes(variable)) return { ...jobOf(first), via: `dictionary entry (line ${lineOf(initializer)})` };
      }
      // Collected into a list or array: follow the collection.
      const collection = collectionName(use);
      if (collection && collection !== variable) {
        const found = boundJob(collection, use, depth + 1);
        if (found) return found;
      }
    }
  }
  return undefined;
}

function ancestor(n: Node, type: string): Node | undefined {
  for (let p = n.parent; p; p = p.parent) if (p.type === type) return p;
  return undefined;
}

/** `var list = new List<ITrigger> { t }`, `list.Add(t)`, `ITrigger[] all = [t, u]` → the collection's name. */
function collectionName(use: Node): string | undefined {
  // Used in another variable's initializer (a list, an array, a dictionary): follow that variable.
  const declarator = ancestor(use, 'variable_declarator');
  if (declarator && declarator.namedChildren[0]?.id !== use.id) return declarator.namedChildren[0]?.text;
  const arg = use.parent?.type === 'argument' ? use.parent.parent?.parent : undefined;
  if (arg?.type === 'invocation_expression' && /^(Add|AddRange|Append)$/.test(methodName(arg) ?? '')) return receiverOf(arg)?.text;
  return undefined;
}

export function detectQuartz(scan: ScanFile, rootNode: Node): Detected[] {
  if (!/\b(WithCronSchedule|CronScheduleBuilder|WithSimpleSchedule|SimpleScheduleBuilder)\b/.test(scan.text)) return [];
  const quartzFile = imports(scan, 'Quartz');
  const out: Detected[] = [];
  for (const call of rootNode.descendantsOfType('invocation_expression')) {
    if (!call) continue;
    const name = methodName(call) ?? '';
    const owner = receiverOf(call);
    const staticOn = (type: string) => owner !== undefined && owner.text.replace(/\s+/g, '').endsWith(type) && resolvesTo(scan, owner, owner.text, [`Quartz.${type}`]);
    let written: string;
    let spec: Detected['schedule'];
    let zone: ZoneValue | undefined;
    const notes: string[] = [];
    if (name === 'WithCronSchedule' && quartzFile) {
      const args = argumentsOf(call);
      if (!args[0]) continue;
      written = args[0].value.text;
      spec = { kind: 'cron', dialect: 'quartz', value: stringValue(args[0].value) };
      const tz = args[1]?.value.descendantsOfType('invocation_expression').find((c) => c && methodName(c) === 'InTimeZone');
      if (tz) zone = zoneValue(argumentsOf(tz)[0]!.value);
    } else if ((name === 'CronSchedule' || name in BUILDER_HELPERS) && staticOn('CronScheduleBuilder')) {
      const args = argumentsOf(call);
      written = call.text;
      if (name === 'CronSchedule') {
        written = args[0]?.value.text ?? call.text;
        spec = { kind: 'cron', dialect: 'quartz', value: args[0] ? stringValue(args[0].value) : { kind: 'unknown', text: call.text } };
      } else {
        const values = args.map((a) => intValue(a.value));
        spec = { kind: 'cron', dialect: 'quartz', value: values.some((v) => v === undefined) ? { kind: 'unknown', text: call.text } : { kind: 'constant', value: BUILDER_HELPERS[name]!(values as number[]) } };
      }
      const tz = chainCalls(chainTop(call)).find((c) => methodName(c) === 'InTimeZone');
      if (tz) zone = zoneValue(argumentsOf(tz)[0]!.value);
    } else if ((name === 'WithSimpleSchedule' && quartzFile) || (name in SIMPLE_UNITS && staticOn('SimpleScheduleBuilder'))) {
      if (name !== 'WithSimpleSchedule' && ancestor(call, 'invocation_expression') && methodName(ancestor(call, 'invocation_expression')!) === 'WithSimpleSchedule') continue;
      written = `${name}(${argumentsOf(call).map((a) => a.value.text).join(', ')})`;
      let seconds: number | undefined;
      const steps = [call, ...call.descendantsOfType('invocation_expression').filter((c): c is Node => c !== null)];
      for (const step of steps) {
        const m = methodName(step) ?? '';
        const arg = argumentsOf(step)[0];
        if (m in SIMPLE_UNITS) {
          const n = arg ? intValue(arg.value) : 1;
          if (n !== undefined) seconds = n * SIMPLE_UNITS[m]!;
        } else if (m === 'WithInterval' && arg) seconds = secondsValue(arg.value, false);
      }
      if (seconds === undefined) notes.push('the interval could not be read statically');
      spec = { kind: 'interval', ...(seconds !== undefined ? { seconds } : {}) };
    } else continue;

    // Which job the trigger runs.
    const top = chainTop(call);
    const calls = chainCalls(top);
    const identity = calls.find((c) => methodName(c) === 'WithIdentity');
    const forJob = calls.find((c) => methodName(c) === 'ForJob');
    let jobType: string | undefined;
    let jobName: string | undefined = forJob ? nameArg(forJob) : undefined;
    const lambda = ancestor(call, 'lambda_expression');
    const outer = lambda && ancestor(lambda, 'invocation_expression');
    if (outer && /^(ScheduleJob|AddJob)$/.test(methodName(outer) ?? '') && typeArguments(outer)[0]) jobType = typeArguments(outer)[0];
    if (!jobType && forJob) {
      const key = argumentsOf(forJob)[0]?.value.text;
      if (key) jobType = jobTypeForKey(key, forJob);
      if (!jobType) notes.push(`ForJob(${key}) names a job whose type was not found in this file`);
    }
    if (!jobType && !forJob) {
      const holder = ancestor(top, 'variable_declarator');
      const assigned = holder?.namedChildren[0]?.text ?? (top.parent?.type === 'assignment_expression' ? top.parent.namedChildren[0]?.text : undefined);
      if (assigned) {
        const bound = boundJob(assigned, holder ?? top);
        if (bound?.type) {
          jobType = bound.type;
          jobName ??= bound.name;
          notes.push(`trigger \`${assigned}\` is bound to ${bound.type} by ${bound.via}`);
        } else notes.push(`trigger \`${assigned}\` was not followed to a ScheduleJob call in this method or class: bind it by hand`);
      } else if (!outer) notes.push('the trigger is not bound to a job in this method or class');
    }
    const triggerName = identity ? nameArg(identity) : undefined;
    const jobId = jobName ?? triggerName ?? jobType;
    const invoked = jobType ? `${jobType}.Execute` : undefined;
    out.push({
      library: 'quartz',
      file: scan.path,
      line: lineOf(spec.kind === 'cron' && argumentsOf(call)[0] ? argumentsOf(call)[0]!.value : (call.childForFieldName('function')?.childForFieldName('name') ?? call)),
      ...(jobId !== undefined ? { jobId } : {}),
      ...(invoked !== undefined ? { invoked } : {}),
      written,
      schedule: spec,
      ...(zone ? { zone } : {}),
      notes,
      registration: statementOf(lambda ?? call),
    });
  }
  return out;
}

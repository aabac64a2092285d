import type { Node } from 'web-tree-sitter';
import { isCiFile, type CheckContext } from '../context.js';
import { loadCSharpParser } from '../csharp/parser.js';
import { say } from '../messages.js';
import { parseYamlFile, type YamlDoc } from '../yaml-source.js';

/** The generated job host's entry point: only an app that calls it selects its job by the first argument. */
const HOST_CALL = /\bJobHost\s*\.\s*RunAsync\s*\(/;
const ADD_CALL = /\bAdd\s*</;
/** Test projects register jobs in their own hosts (the generated job tests do): they say nothing about the app. */
const TEST_CODE = /(^|\/)(tests?|[^/]*\.Tests?)\//i;
/**
 * A `kind: CronJob` or `kind: Job` key: block style (quoted or not, maybe with a trailing comment) at the start of a
 * line, or after `{`/`,` in a manifest written in JSON or flow style (`{"kind": "Job", …}`).
 */
const BATCH_KIND = /(?:^|[{,])\s*["']?kind["']?\s*:\s*(["']?)(?:CronJob|Job)\1\s*(?:$|[,}#])/m;

/** Whether a C# file calls the generated job host's entry point. */
export function callsJobHost(text: string): boolean {
  return text.includes('JobHost') && HOST_CALL.test(text);
}

/** Whether a C# file may hold a `jobs.Add<…>(…)` registration. */
export function mayRegisterJobs(text: string): boolean {
  return ADD_CALL.test(text);
}

/** Whether a YAML file may hold a CronJob or Job. */
export function mayHoldBatchJob(text: string): boolean {
  return BATCH_KIND.test(text);
}

interface Registrations {
  readonly names: Set<string>;
  /** A registration whose name is not a string literal (a constant, a variable): the set may be incomplete. */
  readonly complete: boolean;
}

/**
 * `jobs.Add<TJob>("name")` / `jobs.Add<TJob, TOptions>("name")` calls with the C# parser: the job names the app
 * registers. A name that is not a literal makes the list incomplete, and then nothing is reported.
 */
async function registrations(ctx: CheckContext, files: readonly string[]): Promise<Registrations> {
  const names = new Set<string>();
  let complete = true;
  const parser = await loadCSharpParser();
  for (const path of files) {
    if (ctx.files.prepared && !ctx.files.prepared.take(path)?.csharp?.mayRegisterJobs) continue;
    const text = ctx.files.read(path);
    if (text === undefined || !mayRegisterJobs(text)) continue;
    const tree = parser.parse(text)!;
    try {
      for (const call of tree.rootNode.descendantsOfType('invocation_expression')) {
        const fn = call?.childForFieldName('function');
        // `jobs.Add<…>(…)` only: the host's own `Add<TJob>(name)` inside JobCollection is not a registration.
        const generic = fn?.type === 'member_access_expression' ? fn.childForFieldName('name') : undefined;
        if (!call || generic?.type !== 'generic_name' || generic.namedChildren[0]?.text !== 'Add') continue;
        const first = call.childForFieldName('arguments')?.namedChildren.find((a): a is Node => a?.type === 'argument');
        const literal = first?.namedChildren[0];
        if (literal?.type === 'string_literal' && !literal.text.startsWith('$')) names.add(literal.text.slice(1, -1));
        else complete = false;
      }
    } finally {
      tree.delete();
    }
  }
  return { names, complete };
}

/**
 * Kubernetes CronJobs/Jobs whose container's first argument names a job the app does not register: with the
 * generated job host that run exits 2 ("Unknown job") every time. Only for apps that use the job host.
 */
export async function checkJobRegistrations(ctx: CheckContext): Promise<void> {
  // Most repositories (and every one that does not use the job host) stop here, before any manifest is parsed.
  const csFiles = ctx.files.paths.filter((p) => p.endsWith('.cs') && !TEST_CODE.test(p)).sort((a, b) => Number(b.endsWith('Program.cs')) - Number(a.endsWith('Program.cs')));
  const prepared = ctx.files.prepared;
  if (!csFiles.some((p) => (prepared ? prepared.take(p)?.csharp?.callsJobHost === true : callsJobHost(ctx.files.read(p) ?? '')))) return;
  const manifests: { file: string; doc: YamlDoc; argPath: string; job: string }[] = [];
  for (const path of ctx.files.paths) {
    if (!/\.ya?ml$/i.test(path) || isCiFile(path)) continue;
    // Prepared facts say which files to read again (a file outside the workers' shards is read as usual).
    const facts = prepared?.take(path);
    if (facts !== undefined && !facts?.mayHoldBatchJob) continue;
    const text = ctx.files.read(path);
    if (text === undefined || !mayHoldBatchJob(text)) continue;
    for (const doc of parseYamlFile(text).docs) {
      const obj = doc.value as { kind?: unknown; spec?: Record<string, any> };
      const podPath = obj.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : obj.kind === 'Job' ? 'spec.template.spec' : undefined;
      if (!podPath) continue;
      const pod = podPath.split('.').slice(1).reduce<any>((o, k) => o?.[k], obj.spec);
      const job = pod?.containers?.[0]?.args?.[0];
      // The line is looked up only for a finding: it needs the positioned (slower) parse.
      if (typeof job === 'string' && !job.startsWith('-')) manifests.push({ file: path, doc, argPath: `${podPath}.containers[0].args[0]`, job });
    }
  }
  if (manifests.length === 0) return;
  const { names, complete } = await registrations(ctx, csFiles);
  if (!complete) return;
  for (const m of manifests) {
    if (!names.has(m.job)) {
      const known = [...names].sort();
      ctx.report('job-not-registered', m.file, m.doc.lineOf(m.argPath), say((t) => t.jobNotRegistered(m.job, known)));
    }
  }
}

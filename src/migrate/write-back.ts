/**
 * `migrate --write`: adds a `jobs` entry per convertible schedule to the repository's `.projenrc.ts` (the team's
 * project definition; `npx projen` then writes the CronJob manifests) and, next to the managed job host
 * (`JobHost.cs`), one team-owned job class per schedule that resolves the original type through dependency
 * injection and makes the same call the old registration made. Registration lines are listed for removal, never
 * deleted. Everything is computed and validated first; files are then written through a temporary file and a
 * rename, and an existing file is never overwritten.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { literal } from '../project/projenrc-sample.js';
import { assertName, assertSchedule, assertTimeZone } from '../project/validate.js';
import { MAX_NAME_LENGTH } from '../util/names.js';
import { walkRepository } from '../check/walk.js';
import { migratedClassName, migratedJobPath, migratedNamespace, migratedRegistration } from '../components/dotnet/migrated-jobs.js';
import { sortUsings } from '../components/dotnet/usings.js';
import type { MigrationEntry, MigrationReport } from './report.js';
import type { Detected } from './detect/common.js';

export interface WriteResult {
  /** Job names added to `.projenrc.ts`. */
  readonly jobs: readonly string[];
  /** Job class files created (repo-relative). */
  readonly classes: readonly string[];
  /** `jobs.Add<…>("…")` lines for the host's Program.cs. */
  readonly register: readonly string[];
  /** Schedules not written, each with why. */
  readonly skipped: readonly string[];
  /** `file:line` of the schedules an earlier run (adopt or migrate --write) already wrote. */
  readonly present: readonly string[];
  /** `file:line  statement` of each old registration. */
  readonly remove: readonly string[];
}

export interface ProposedJob {
  readonly name: string;
  readonly schedule: string;
  readonly timeZone: string;
  readonly entry: MigrationEntry;
}

/** `daily-report`, `Acme.ReportJob.Run` → a DNS label of at most 52 characters. */
export function jobName(entry: MigrationEntry): string {
  const raw = entry.jobId ?? entry.invoked ?? `${entry.library}-${entry.line}`;
  return (
    raw
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, MAX_NAME_LENGTH)
      .replace(/-+$/, '') || 'migrated-job'
  );
}

/** The jobs that can be written: a schedule, a decided zone, no open decision. Names made unique. */
export function proposeJobs(report: MigrationReport, taken: ReadonlySet<string>, projenrc = ''): { jobs: ProposedJob[]; skipped: string[]; present: string[] } {
  const used = new Set(taken);
  const jobs: ProposedJob[] = [];
  const skipped: string[] = [];
  const present: string[] = [];
  for (const entry of report.schedules) {
    const where = `${entry.file}:${entry.line}`;
    // A second run finds the jobs it wrote by their comment and leaves them alone.
    if (projenrc.includes(`migrated from ${where} `)) {
      present.push(where);
      continue;
    }
    if (entry.schedule === null) {
      skipped.push(`${where}: ${entry.reason}`);
      continue;
    }
    if (entry.timeZone === null || entry.decisions.length > 0) {
      skipped.push(`${where}: ${entry.decisions.join('; ') || 'time zone undecided'}`);
      continue;
    }
    let name = jobName(entry);
    for (let i = 2; used.has(name); i++) name = `${jobName(entry).slice(0, MAX_NAME_LENGTH - String(i).length - 1)}-${i}`;
    used.add(name);
    jobs.push({ name: assertName(`jobs[${jobs.length}].name`, name), schedule: assertSchedule(`${where} schedule`, entry.schedule), timeZone: assertTimeZone(`${where} timeZone`, entry.timeZone), entry });
  }
  return { jobs, skipped, present };
}

/**
 * The `.projenrc.ts` comment above a migrated job: where it came from. A later run recognises the job by it
 * ({@link proposeJobs}), so it must start with `migrated from <file>:<line> `.
 */
export function migratedComment(job: ProposedJob): string {
  const e = job.entry;
  return `migrated from ${e.file}:${e.line} (${e.library}${e.exact ? ', exact' : `, not exact: ${e.reason}`})`.replace(/\n/g, ' ');
}

/** Skips a string or comment starting at `i`; returns the index after it, or `i` when none starts there. */
function skipLiteral(src: string, i: number): number {
  const c = src[i];
  if (c === '/' && src[i + 1] === '/') return src.indexOf('\n', i) < 0 ? src.length : src.indexOf('\n', i);
  if (c === '/' && src[i + 1] === '*') return src.indexOf('*/', i + 2) + 2;
  if (c === "'" || c === '"' || c === '`') {
    for (let j = i + 1; j < src.length; j++) {
      if (src[j] === '\\') j++;
      else if (src[j] === c) return j + 1;
    }
    return src.length;
  }
  return i;
}

/** Code positions from `open` on, skipping strings and comments, with the bracket depth after each character. */
function* codePositions(src: string, open: number): Generator<{ i: number; c: string; depth: number }> {
  let depth = 0;
  for (let i = open; i < src.length; ) {
    const skipped = skipLiteral(src, i);
    if (skipped !== i) {
      i = skipped;
      continue;
    }
    const c = src[i]!;
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    yield { i, c, depth };
    i++;
  }
}

/** Index of the bracket closing the one at `open`. */
function matching(src: string, open: number): number {
  for (const { i, c, depth } of codePositions(src, open)) if (')]}'.includes(c) && depth === 0) return i;
  return -1;
}

/** Index of the `[` of a `jobs: [` property directly inside the object literal opening at `open`; -1 when absent. */
function jobsArray(src: string, open: number): number {
  for (const { i, c, depth } of codePositions(src, open)) {
    if (')]}'.includes(c) && depth === 0) return -1;
    if (depth === 1 && /[\w$]/.test(c) && !/[\w$.]/.test(src[i - 1] ?? '')) {
      const m = /^jobs\s*:\s*\[/.exec(src.slice(i, i + 40));
      if (m) return i + m[0].length - 1;
    }
  }
  return -1;
}

/** Job names already in `.projenrc.ts`. */
export function existingJobNames(projenrc: string): Set<string> {
  const at = projenrc.indexOf('new BatchJobProject(');
  const objectOpen = at < 0 ? -1 : projenrc.indexOf('{', at);
  const open = objectOpen < 0 ? -1 : jobsArray(projenrc, objectOpen);
  if (open < 0) return new Set();
  const body = projenrc.slice(open, matching(projenrc, open));
  return new Set([...body.matchAll(/\bname\s*:\s*['"`]([^'"`]+)['"`]/g)].map((m) => m[1]!));
}

/**
 * `.projenrc.ts` with the jobs appended to the `jobs` array of `new BatchJobProject({…})` (created when absent).
 * Throws when the file does not construct a BatchJobProject from an object literal.
 */
export function addJobsToProjenrc(projenrc: string, jobs: readonly { name: string; schedule: string; timeZone: string; comment: string }[]): string {
  const at = projenrc.indexOf('new BatchJobProject(');
  const objectOpen = at < 0 ? -1 : projenrc.indexOf('{', at);
  if (objectOpen < 0 || projenrc.slice(at + 'new BatchJobProject('.length, objectOpen).trim() !== '') {
    throw new InvalidInputError('option-invalid', '.projenrc.ts', '', 'new BatchJobProject({ name: ... })', 'does not construct BatchJobProject from an object literal; add the jobs by hand');
  }
  const objectClose = matching(projenrc, objectOpen);
  const entries = jobs.map((j) => `    // ${j.comment}\n    ${literal({ name: j.name, schedule: j.schedule, timeZone: j.timeZone }, '    ')},`).join('\n');
  const open = jobsArray(projenrc, objectOpen);
  if (open >= 0) {
    const close = matching(projenrc, open);
    const before = projenrc.slice(0, close).replace(/\s*$/, '');
    const comma = before.endsWith('[') || before.endsWith(',') ? '' : ',';
    return `${before}${comma}\n${entries}\n  ${projenrc.slice(close)}`;
  }
  const before = projenrc.slice(0, objectClose).replace(/\s*$/, '');
  const comma = before.endsWith('{') || before.endsWith(',') ? '' : ',';
  return `${before}${comma}\n  jobs: [\n${entries}\n  ],\n${projenrc.slice(objectClose)}`;
}

/**
 * `.projenrc.ts` as `create`/`adopt` render it (src/project/projenrc-sample.ts), with a comment line above the
 * `jobs` entry of each named job: adoption records where its migrated jobs came from, as `--write` does.
 */
export function annotateJobs(projenrc: string, comments: ReadonlyMap<string, string>): string {
  let out = projenrc;
  for (const [name, comment] of comments) {
    out = out.replace(new RegExp(`\n( *)\{\n( *)name: '${name}',`), (_m, outer: string, inner: string) => `\n${outer}// ${comment}\n${outer}{\n${inner}name: '${name}',`);
  }
  return out;
}

/** The managed job host: the folder and namespace of `JobHost.cs`. */
function findHost(root: string): { dir: string; namespace: string } | undefined {
  const files = walkRepository(root);
  for (const path of files.paths) {
    if (!path.endsWith('/JobHost.cs')) continue;
    const text = files.read(path) ?? '';
    const ns = /^\s*namespace\s+([\w.]+)\s*;/m.exec(text)?.[1];
    if (/\bclass\s+JobHost\b/.test(text) && ns) return { dir: dirname(path), namespace: ns };
  }
  return undefined;
}

/** The C# job class for one schedule, or undefined when its work is not one call a class can make. */
export function jobClass(job: ProposedJob, detected: Pick<Detected, 'call' | 'namespaces'> | undefined, hostNamespace: string, writer = 'batch-job migrate'): { className: string; text: string } | undefined {
  const call = detected?.call;
  if (!call) return undefined;
  const className = migratedClassName(job.name);
  const e = job.entry;
  const guard = e.guard && !e.exact ? e.guard.replace(/return 0;/g, 'return;').split('\n') : [];
  const invoke = call.awaited ? `await ${call.body}.ConfigureAwait(false);` : `${call.body};`;
  const usings = sortUsings([
    ...(call.type ? ['Microsoft.Extensions.DependencyInjection.Extensions'] : []),
    ...(detected.namespaces ?? []).filter((n) => !/^(Hangfire|Quartz|Coravel|NCronJob)(\.|$)/.test(n)),
  ]);
  const ctorParam = call.type ? `(${call.type} target)` : '';
  const lines = [
    `// Written by ${writer} from ${e.file}:${e.line} (${e.library} ${JSON.stringify(e.jobId ?? '')}, ${e.source.replace(/\s+/g, ' ')}).`,
    `// CronJob "${job.name}": ${job.schedule} in ${job.timeZone}${e.exact ? ' (exact)' : ` (nearest; ${e.reason})`}.`,
    '// Team-owned: edit freely. The original code runs unchanged; remove its old registration once this job runs.',
    ...usings.map((u) => `using ${u};`),
    '',
    `namespace ${migratedNamespace(hostNamespace)};`,
    '',
    `/// <summary>Runs what the ${e.library} registration ran: <c>${escapeXml(call.body)}</c>.</summary>`,
    `public sealed class ${className}${ctorParam} : IJob`,
    '{',
    `    /// <summary>Registers this job as "${job.name}"${call.type ? ' and the original type it calls' : ''}; call it from Program.cs.</summary>`,
    '    public static void Register(JobCollection jobs)',
    '    {',
    '        ArgumentNullException.ThrowIfNull(jobs);',
    `        jobs.Add<${className}>("${job.name}");`,
    ...(call.type ? [`        jobs.Services.TryAddTransient<${call.type}>();`] : []),
    '    }',
    '',
    '    /// <inheritdoc/>',
    '    public async Task RunAsync(JobContext context, CancellationToken cancellationToken)',
    '    {',
    '        ArgumentNullException.ThrowIfNull(context);',
    ...guard.map((g) => `        ${g}`),
    `        ${invoke}`,
    ...(call.awaited || guard.some((g) => g.includes('await')) ? [] : ['        await Task.CompletedTask.ConfigureAwait(false);']),
    '    }',
    '}',
    '',
  ];
  return { className, text: lines.join('\n') };
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx' });
  renameSync(temporary, path);
}

/**
 * Writes the proposed jobs and classes. Validation (names, schedules, zones, the `.projenrc.ts` shape, files that
 * would be overwritten) happens before the first write; any failure throws an InvalidInputError and writes nothing.
 */
export function writeMigration(root: string, report: MigrationReport, detected?: readonly Detected[]): WriteResult {
  const projenrcPath = join(root, '.projenrc.ts');
  if (!existsSync(projenrcPath)) {
    throw new InvalidInputError('option-invalid', 'write', root, 'batch-job adopt . && batch-job migrate . --write', 'no .projenrc.ts: adopt the repository first');
  }
  const projenrc = readFileSync(projenrcPath, 'utf8');
  const { jobs, skipped, present } = proposeJobs(report, existingJobNames(projenrc), projenrc);
  const updated = jobs.length > 0 ? addJobsToProjenrc(projenrc, jobs.map((j) => ({ ...j, comment: migratedComment(j) }))) : projenrc;
  const host = findHost(root);
  const classes: { path: string; text: string; register: string }[] = [];
  for (const job of jobs) {
    const d = detected?.find((x) => x.file === job.entry.file && x.line === job.entry.line && x.library === job.entry.library);
    const made = host && jobClass(job, d, host.namespace);
    if (!host) {
      skipped.push(`${job.entry.file}:${job.entry.line}: job class not generated: no managed job host (JobHost.cs) in this repository`);
      continue;
    }
    if (!made) {
      skipped.push(`${job.entry.file}:${job.entry.line}: job class not generated: the work is not one call (${job.entry.invoked ?? job.entry.source}); write ${migratedClassName(job.name)} by hand`);
      continue;
    }
    const path = migratedJobPath(host.dir, job.name);
    if (existsSync(join(root, path))) {
      throw new InvalidInputError('option-conflict', 'write', path, 'rm the file or rename the job', 'already exists; migrate never overwrites a file');
    }
    classes.push({ path, text: made.text, register: migratedRegistration(host.namespace, job.name) });
  }
  for (const c of classes) writeAtomically(join(root, c.path), c.text);
  if (updated !== projenrc) {
    const temporary = `${projenrcPath}.${process.pid}.tmp`;
    writeFileSync(temporary, updated, { flag: 'wx' });
    renameSync(temporary, projenrcPath);
  }
  return {
    jobs: jobs.map((j) => j.name),
    classes: classes.map((c) => c.path),
    register: classes.map((c) => c.register),
    skipped,
    present,
    remove: report.schedules.map((s) => `${s.registration.file}:${s.registration.line}${s.registration.endLine > s.registration.line ? `-${s.registration.endLine}` : ''}  ${s.registration.text}`),
  };
}

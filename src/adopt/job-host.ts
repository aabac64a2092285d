/**
 * Adoption with a managed job host: which migrated schedules become jobs of the console job host added next to the
 * adopted app, which projects the host must reference so its job classes can resolve the original code through
 * dependency injection, and which schedules must wait because their code lives where the host cannot reference it.
 */
import { dirname } from 'node:path';
import { walkRepository } from '../check/walk.js';
import { migratedJobPath } from '../components/dotnet/migrated-jobs.js';
import type { Detected } from '../migrate/detect/common.js';
import type { MigrationReport } from '../migrate/report.js';
import { jobClass, migratedComment, proposeJobs } from '../migrate/write-back.js';
import type { BatchJobOptions } from '../project/options.js';
import type { Detection, DetectedProject } from './detect.js';

/** Why a schedule's job was not added to the job host. */
export type HeldReason =
  /** The original type is declared in the adopted app: the host cannot reference the app (it brings the scheduler). */
  | { readonly kind: 'in-app'; readonly type: string; readonly file: string }
  /** The original type's project (or one it references) uses a banned package: referencing it would fail the build. */
  | { readonly kind: 'banned-project'; readonly type: string; readonly project: string }
  /** The work is not one call a generated class can make (a Quartz job class, a loop…). */
  | { readonly kind: 'not-one-call'; readonly invoked: string }
  /** No job host (`jobHost: false`): each CronJob would start the whole app. */
  | { readonly kind: 'no-job-host' };

export interface HeldJob {
  readonly job: BatchJobOptions;
  /** `file:line` of the schedule. */
  readonly where: string;
  readonly reason: HeldReason;
}

export interface JobHostPlan {
  /** Jobs for `.projenrc.ts`, each with the comment that lets `migrate --write` recognise it later. */
  readonly jobs: readonly { readonly job: BatchJobOptions; readonly comment: string }[];
  /** Projects the job host references (repository-relative). */
  readonly references: readonly string[];
  /** Job classes to create, repository-relative. */
  readonly classes: readonly { readonly path: string; readonly text: string }[];
  readonly held: readonly HeldJob[];
}

const DECLARATION = (name: string) => new RegExp(`\\b(?:class|record|struct|interface)\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
const NAMESPACE = /^\s*namespace\s+([\w.]+)/m;

/** The type whose instance or static member the job's call uses: `ReportService`, `Reports.Nightly.Run()` → `Nightly`. */
function invokedType(call: NonNullable<Detected['call']>): string | undefined {
  const written = call.type ?? /^(?:global::)?((?:[A-Za-z_]\w*\.)*?)([A-Z]\w*)\s*\.\s*\w+\s*(?:<[^>]*>)?\s*\(/.exec(call.body)?.slice(1, 3).join('');
  return written?.replace(/^global::/, '').replace(/<.*$/s, '').trim() || undefined;
}

/** The repository file declaring `type` (simple or qualified name), preferring one in a namespace the schedule's file sees. */
function declaringFile(files: ReturnType<typeof walkRepository>, type: string, namespaces: readonly string[]): string | undefined {
  const simple = type.split('.').pop()!;
  const qualifier = type.includes('.') ? type.slice(0, type.lastIndexOf('.')) : undefined;
  const found: { path: string; ns: string }[] = [];
  for (const path of files.paths) {
    if (!path.endsWith('.cs')) continue;
    const text = files.read(path);
    if (text && DECLARATION(simple).test(text)) found.push({ path, ns: NAMESPACE.exec(text)?.[1] ?? '' });
  }
  const seen = (ns: string) => (qualifier ? ns === qualifier || ns.endsWith(`.${qualifier}`) : namespaces.includes(ns) || ns === '');
  return (found.find((f) => seen(f.ns)) ?? (found.length === 1 ? found[0] : undefined))?.path;
}

/** The project whose folder holds `file` (the innermost one). */
function owningProject(detection: Detection, file: string): DetectedProject | undefined {
  return detection.projects
    .filter((p) => file.startsWith(`${dirname(p.path) === '.' ? '' : `${dirname(p.path)}/`}`))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** `project` and every project it references, directly or not. */
function closure(detection: Detection, project: string): string[] {
  const seen = new Set<string>();
  const pending = [project];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(detection.projects.find((p) => p.path === next)?.projectReferences ?? []));
  }
  return [...seen];
}

/**
 * The job host's share of adoption. `hostDir` and `hostNamespace` are the host project's folder and root namespace.
 * Schedules `migrate --write` would not write (no schedule, an undecided zone) are left out here too; the report
 * lists them.
 */
export function planJobHost(repo: string, detection: Detection, app: DetectedProject, report: MigrationReport, detected: readonly Detected[], hostDir: string, hostNamespace: string): JobHostPlan {
  const { jobs: proposed } = proposeJobs(report, new Set());
  const files = walkRepository(repo);
  const banned = new Set(detection.banned.map((b) => b.project));
  const jobs: { job: BatchJobOptions; comment: string }[] = [];
  const references = new Set<string>();
  const classes: { path: string; text: string }[] = [];
  const held: HeldJob[] = [];
  for (const p of proposed) {
    const job: BatchJobOptions = { name: p.name, schedule: p.schedule, timeZone: p.timeZone };
    const where = `${p.entry.file}:${p.entry.line}`;
    const d = detected.find((x) => x.file === p.entry.file && x.line === p.entry.line && x.library === p.entry.library);
    const made = d?.call ? jobClass(p, d, hostNamespace, 'batch-job adopt') : undefined;
    if (!d?.call || !made) {
      held.push({ job, where, reason: { kind: 'not-one-call', invoked: p.entry.invoked ?? p.entry.source } });
      continue;
    }
    const type = invokedType(d.call);
    const file = type ? declaringFile(files, type, d.namespaces ?? []) : undefined;
    const owner = file ? owningProject(detection, file) : undefined;
    if (type && file && owner) {
      if (owner.path === app.path) {
        held.push({ job, where, reason: { kind: 'in-app', type, file } });
        continue;
      }
      const bringsBanned = closure(detection, owner.path).find((project) => banned.has(project) || project === app.path);
      if (bringsBanned) {
        held.push({ job, where, reason: { kind: 'banned-project', type, project: bringsBanned } });
        continue;
      }
      references.add(owner.path);
    }
    jobs.push({ job, comment: migratedComment(p) });
    classes.push({ path: migratedJobPath(hostDir, p.name), text: made.text });
  }
  return { jobs, references: [...references].sort(), classes, held };
}

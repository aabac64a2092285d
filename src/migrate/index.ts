/**
 * `batch-job migrate` as a library, for `adopt` to call (one scan + conversion; nothing written):
 * `const report = await migrationReport(repo)`; `--write` is `writeMigration(repo, report, detected)`.
 */
import { relative, sep } from 'node:path';
import type { Lang } from '../cli/i18n.js';
import { walkRepository, type RepoFiles } from '../check/walk.js';
import { buildReport, type MigrationReport } from './report.js';
import { scanRepository } from './scan.js';
import { proposeJobs } from './write-back.js';
import type { Detected } from './detect/common.js';

export { buildReport, MIGRATE_REPORT_SCHEMA, type MigrationEntry, type MigrationReport } from './report.js';
export { migrateText } from './text.js';
export { writeMigration, type WriteResult } from './write-back.js';
export { convert, type Conversion } from './convert.js';

export async function migrationReport(root: string, from?: Date): Promise<{ report: MigrationReport; detected: readonly Detected[] }> {
  const scan = await scanRepository(root);
  return { report: buildReport(root, scan, from), detected: scan.detected };
}

/**
 * The schedules of one app of a repository (what `adopt` shows): only the files under `appDir` are scanned, and
 * paths are reported relative to `repo`, as `batch-job migrate <repo>` reports them.
 */
export async function appMigrationReport(repo: string, appDir: string, lang: Lang = 'en', from: Date = new Date()): Promise<{ report: MigrationReport; detected: readonly Detected[] }> {
  const prefix = relative(repo, appDir).split(sep).join('/');
  const inner = walkRepository(appDir);
  const files: RepoFiles = {
    paths: inner.paths.map((p) => (prefix ? `${prefix}/${p}` : p)),
    read: (path) => {
      const before = inner.notes.length;
      const text = inner.read(prefix ? path.slice(prefix.length + 1) : path);
      // The walk notes paths relative to the app; the scan matches them against repo-relative paths.
      for (let i = before; i < inner.notes.length; i++) {
        const note = inner.notes[i]!;
        if (prefix && note.file) inner.notes[i] = { ...note, file: `${prefix}/${note.file}` };
      }
      return text;
    },
    notes: inner.notes,
  };
  const scan = await scanRepository(repo, files);
  return { report: buildReport(repo, scan, from, lang), detected: scan.detected };
}

/** A job `migrate --write` would add to `.projenrc.ts`. */
export interface MigratedJob {
  readonly name: string;
  readonly schedule: string;
  readonly timeZone: string;
}

/**
 * The jobs `migrate --write` would add for this report (the same choice: a schedule, a decided zone, no open
 * decision; names unique against `taken`), and why each other schedule is left out.
 */
export function migratedJobs(report: MigrationReport, taken: ReadonlySet<string> = new Set()): { jobs: MigratedJob[]; skipped: string[] } {
  const { jobs, skipped } = proposeJobs(report, taken);
  return { jobs: jobs.map((j) => ({ name: j.name, schedule: j.schedule, timeZone: j.timeZone })), skipped };
}

import { pascalCase } from '../../util/names.js';

/**
 * Where the job classes `batch-job migrate` (and `adopt`) write live in a job host, and how the host registers them:
 * one source for the writer (src/migrate/write-back.ts) and the host's Program.cs, which must agree on the names.
 */
export const MIGRATED_JOBS_DIR = 'Jobs/Migrated';

/** `daily-report` → `DailyReportJob`. */
export function migratedClassName(jobName: string): string {
  return `${pascalCase(jobName)}Job`;
}

/** Repository-relative file of the migrated job class of `jobName` in the host folder `hostDir`. */
export function migratedJobPath(hostDir: string, jobName: string): string {
  return `${hostDir}/${MIGRATED_JOBS_DIR}/${migratedClassName(jobName)}.cs`;
}

/** The C# namespace of migrated job classes in a host whose root namespace is `hostNamespace`. */
export function migratedNamespace(hostNamespace: string): string {
  return `${hostNamespace}.${MIGRATED_JOBS_DIR.replaceAll('/', '.')}`;
}

/** The statement that registers a migrated job class (and the original type it calls) with the host. */
export function migratedRegistration(hostNamespace: string, jobName: string): string {
  return `${migratedNamespace(hostNamespace)}.${migratedClassName(jobName)}.Register(jobs);`;
}

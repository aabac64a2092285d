/**
 * (b) The Kubernetes apiserver's batch/v1 validation for CronJob and Job, as pure functions: what `kubectl apply`
 * of a new object would be rejected for. Re-implemented from pkg/apis/batch/validation/validation.go (and the
 * robfig/cron v3 standard parser it calls); tested against cases from Kubernetes' validation_test.go.
 */
import { objectRef, type Finding, type KubeObject } from '../types.js';
import { validateCronJob } from './cronjob.js';
import type { Issue } from './internal.js';
import { validateJob } from './job.js';

export { parseStandardSchedule, parseRobfigStandard, type ScheduleResult } from './schedule.js';
export { timeZoneProblem } from './time-zone.js';
export { cronJobNameProblem, jobNameProblem } from './names.js';
import { validateJobUpdate } from './job-update.js';
export { validateJobUpdate } from './job-update.js';

/** Apiserver errors for a batch/v1 CronJob or Job; any other object yields no findings. */
export function validateBatchObject(obj: KubeObject): Finding[] {
  if (obj.apiVersion !== 'batch/v1') return [];
  let issues: Issue[];
  if (obj.kind === 'CronJob') issues = validateCronJob(obj);
  else if (obj.kind === 'Job') issues = validateJob(obj);
  else return [];
  return toFindings(obj, issues);
}

function toFindings(obj: KubeObject, issues: readonly Issue[]): Finding[] {
  const object = objectRef(obj);
  return issues.map((issue) => ({ source: 'apiserver', severity: 'error', rule: issue.rule, path: issue.path, message: issue.message, object }));
}

/**
 * Apiserver errors for replacing `old` with `obj` (`kubectl apply` of a changed manifest): like the registry's
 * update strategy, the create-time validation of `obj` plus the update rules of its kind (`ValidateCronJobUpdate`,
 * `ValidateJobUpdate`). Objects that are not batch/v1 CronJobs or Jobs of the same kind get the create-time rules.
 */
export function validateBatchObjectUpdate(old: KubeObject, obj: KubeObject): Finding[] {
  if (obj.apiVersion !== 'batch/v1' || old.apiVersion !== 'batch/v1' || old.kind !== obj.kind) return validateBatchObject(obj);
  if (obj.kind === 'CronJob') return toFindings(obj, validateCronJob(obj, old));
  if (obj.kind === 'Job') return toFindings(obj, [...validateJob(obj), ...validateJobUpdate(old, obj, { neverStarted: neverStarted(old) })]);
  return [];
}

/** Upstream allows scheduling-directive changes when the OLD Job is suspended and has no `status.startTime`. */
function neverStarted(job: KubeObject): boolean {
  const spec = job.spec as { suspend?: unknown } | undefined;
  const status = job.status as { startTime?: unknown } | undefined;
  return spec?.suspend === true && (status?.startTime === undefined || status.startTime === null);
}

/**
 * batch/v1 CronJob rules the apiserver applies on create (`ValidateCronJobCreate`, `validateCronJobSpec`,
 * `validateScheduleFormat`, `validateTimeZone`, `validateConcurrencyPolicy`, `ValidateJobTemplateSpec` in
 * pkg/apis/batch/validation/validation.go), after `SetDefaults_CronJob` (an empty `concurrencyPolicy` becomes
 * `Allow`). The job template is validated with the Job rules at `spec.jobTemplate.spec`.
 */
import { asBool, asInt, asObj, asStr, isSet, q, type Issue, type Obj } from './internal.js';
import { validateJobSpec } from './job.js';
import { CRONJOB_NAME_MAX_LENGTH, effectiveName, validateObjectMetaNames } from './names.js';
import { scheduleProblems } from './schedule.js';
import { timeZoneProblems } from './time-zone.js';

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'];

function nonNegative(obj: Obj, key: string, path: string, rule: string): Issue[] {
  const value = asInt(obj[key]);
  return value !== undefined && value < 0 ? [{ path, rule, message: `Invalid value: ${value}: must be greater than or equal to 0` }] : [];
}

/**
 * `ValidateCronJobCreate` for a batch/v1 CronJob manifest or, given the object it replaces, the spec half of
 * `ValidateCronJobUpdate`: the 52-character name limit is skipped, a `TZ` the old schedule already had is
 * grandfathered, and `spec.timeZone` is only validated when it changes.
 */
export function validateCronJob(obj: Obj, old?: Obj): Issue[] {
  const issues: Issue[] = [...validateObjectMetaNames(obj['metadata'])];
  const name = effectiveName(obj['metadata']);
  const oldSpec = old === undefined ? undefined : (asObj(old['spec']) ?? {});
  if (oldSpec === undefined && name !== undefined && name.length > CRONJOB_NAME_MAX_LENGTH) {
    issues.push({
      path: 'metadata.name',
      rule: 'cronjob-name-length',
      message:
        `Invalid value: ${q(name)}: must be no more than ${CRONJOB_NAME_MAX_LENGTH} characters ` +
        '(the CronJob controller appends an 11-character suffix to name each Job)',
    });
  }

  const spec = asObj(obj['spec']) ?? {};
  const schedule = spec['schedule'];
  if (!isSet(schedule) || schedule === '') {
    issues.push({ path: 'spec.schedule', rule: 'cronjob-schedule-required', message: 'Required value' });
  } else if (typeof schedule === 'string') {
    const context = {
      timeZoneSet: isSet(spec['timeZone']),
      allowTZInSchedule: typeof oldSpec?.['schedule'] === 'string' && oldSpec['schedule'].includes('TZ'),
    };
    for (const problem of scheduleProblems(schedule, context)) {
      issues.push({
        path: 'spec.schedule',
        rule: problem.includes('TZ or CRON_TZ') ? 'cronjob-schedule-time-zone' : 'cronjob-schedule',
        message: `Invalid value: ${q(schedule)}: ${problem}`,
      });
    }
  }

  issues.push(...nonNegative(spec, 'startingDeadlineSeconds', 'spec.startingDeadlineSeconds', 'cronjob-starting-deadline-seconds'));

  const timeZoneChanged = oldSpec === undefined || oldSpec['timeZone'] !== spec['timeZone'];
  if (isSet(spec['timeZone']) && timeZoneChanged) {
    const timeZone = asStr(spec['timeZone']);
    if (timeZone !== undefined) {
      for (const problem of timeZoneProblems(timeZone)) {
        issues.push({ path: 'spec.timeZone', rule: 'cronjob-time-zone', message: `Invalid value: ${q(timeZone)}: ${problem}` });
      }
    }
  }

  const concurrencyPolicy = asStr(spec['concurrencyPolicy']);
  if (concurrencyPolicy !== undefined && concurrencyPolicy !== '' && !CONCURRENCY_POLICIES.includes(concurrencyPolicy)) {
    issues.push({
      path: 'spec.concurrencyPolicy',
      rule: 'cronjob-concurrency-policy',
      message: `Unsupported value: ${q(concurrencyPolicy)}: supported values: "Allow", "Forbid", "Replace"`,
    });
  }

  const jobSpec = asObj(asObj(spec['jobTemplate'])?.['spec']) ?? {};
  issues.push(...validateJobSpec(jobSpec, 'spec.jobTemplate.spec', { jobDefaults: false }));
  if (isSet(jobSpec['selector'])) {
    issues.push({
      path: 'spec.jobTemplate.spec.selector',
      rule: 'cronjob-job-template-selector',
      message: 'Invalid value: `selector` will be auto-generated',
    });
  }
  if (asBool(jobSpec['manualSelector']) === true) {
    issues.push({
      path: 'spec.jobTemplate.spec.manualSelector',
      rule: 'cronjob-job-template-manual-selector',
      message: 'Unsupported value: true: supported values: "nil", "false"',
    });
  }

  issues.push(...nonNegative(spec, 'successfulJobsHistoryLimit', 'spec.successfulJobsHistoryLimit', 'cronjob-history-limit'));
  issues.push(...nonNegative(spec, 'failedJobsHistoryLimit', 'spec.failedJobsHistoryLimit', 'cronjob-history-limit'));
  return issues;
}

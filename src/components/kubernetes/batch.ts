import type { ICronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IJobSpec } from 'kubernetes-models/batch/v1/JobSpec';
import type { JobModel, RepoContext } from '../../project/context.js';
import { jobLabels, names } from './labels.js';
import { podTemplate } from './pod-template.js';

/**
 * The Job spec shared by a standalone Job and a CronJob's template. With `restartPolicy: Never`, the pod
 * failure policy turns the app's configuration-error exit code into an immediate failure (no retries) and
 * keeps evictions from consuming retries; `OnFailure` allows no pod failure policy.
 */
export function jobSpec(ctx: RepoContext, job: JobModel): IJobSpec {
  const spec: IJobSpec = {
    backoffLimit: job.backoffLimit,
    activeDeadlineSeconds: job.activeDeadlineSeconds,
    template: podTemplate(ctx, job),
  };
  if (job.restartPolicy === 'Never') {
    spec.podFailurePolicy = {
      rules: [
        {
          action: 'FailJob',
          onExitCodes: { containerName: names.container, operator: 'In', values: [ctx.policy.exitCodes.invalidConfiguration] },
        },
        { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
      ],
    };
  }
  if (job.indexed) {
    spec.completionMode = 'Indexed';
    spec.completions = job.indexed.completions;
    spec.parallelism = job.indexed.parallelism;
    if (job.indexed.backoffLimitPerIndex !== undefined) {
      spec.backoffLimitPerIndex = job.indexed.backoffLimitPerIndex;
      // backoffLimit is the Job-wide limit and must not be set alongside a per-index limit.
      delete spec.backoffLimit;
    }
    if (job.indexed.maxFailedIndexes !== undefined) spec.maxFailedIndexes = job.indexed.maxFailedIndexes;
  }
  return spec;
}

export function cronJob(ctx: RepoContext, job: JobModel): ICronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: names.batch(ctx, job), labels: jobLabels(ctx, job.name) },
    spec: {
      schedule: job.schedule,
      timeZone: job.timeZone,
      concurrencyPolicy: job.concurrencyPolicy,
      startingDeadlineSeconds: job.startingDeadlineSeconds,
      successfulJobsHistoryLimit: job.successfulJobsHistoryLimit,
      failedJobsHistoryLimit: job.failedJobsHistoryLimit,
      jobTemplate: { metadata: { labels: jobLabels(ctx, job.name) }, spec: jobSpec(ctx, job) },
    },
  };
}

export function standaloneJob(ctx: RepoContext, job: JobModel): IJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: names.batch(ctx, job), labels: jobLabels(ctx, job.name) },
    // A CronJob's history limits clean up its Jobs; a standalone Job needs a TTL.
    spec: { ttlSecondsAfterFinished: job.ttlSecondsAfterFinished, ...jobSpec(ctx, job) },
  };
}

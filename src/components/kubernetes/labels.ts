import type { JobModel, RepoContext } from '../../project/context.js';
import { qualifiedName } from './object-names.js';

/** Recommended labels (app.kubernetes.io/*) shared by every object of the repo. */
export function commonLabels(ctx: RepoContext): Record<string, string> {
  return {
    'app.kubernetes.io/name': ctx.name,
    'app.kubernetes.io/managed-by': 'create-batch-job',
  };
}

export function jobLabels(ctx: RepoContext, jobName: string): Record<string, string> {
  return { ...commonLabels(ctx), 'app.kubernetes.io/component': jobName };
}

/** Object names derived from the repo name, in one place so manifests reference each other consistently. */
export const names = {
  serviceAccount: (ctx: RepoContext) => qualifiedName('ServiceAccount', ctx.name),
  /** The CronJob or Job of a job, qualified with the repo name (two repos may both have a `cleanup` job). */
  batch: (ctx: RepoContext, job: JobModel) => qualifiedName(job.kind === 'cronjob' ? 'CronJob' : 'Job', ctx.name, job.name),
  config: (ctx: RepoContext, job: JobModel) => qualifiedName('ConfigMap', ctx.name, job.name, 'config'),
  role: (ctx: RepoContext) => qualifiedName('Role', ctx.name, 'api'),
  headers: (ctx: RepoContext) => qualifiedName('ConfigMap', ctx.name, 'security-headers'),
  route: (ctx: RepoContext) => qualifiedName('Route', ctx.name),
  /** The image name kustomize rewrites to `<registry>/<name>:<tag>`. */
  image: (ctx: RepoContext) => ctx.name,
  /** The container name; the pod failure policy names it. */
  container: 'job',
};

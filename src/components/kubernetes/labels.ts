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

/** The image tag as a DNS-label fragment: `1.2.0-rc.1` → `1-2-0-rc-1`. */
export function versionSlug(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'v';
}

/** Object names derived from the repo name, in one place so manifests reference each other consistently. */
export const names = {
  serviceAccount: (ctx: RepoContext) => qualifiedName('ServiceAccount', ctx.name),
  /** The CronJob or Job of a job, qualified with the repo name (two repos may both have a `cleanup` job). */
  batch: (ctx: RepoContext, job: JobModel) =>
    job.kind === 'cronjob'
      ? qualifiedName('CronJob', ctx.name, job.name)
      // A Job's pod template is immutable: each image version is a new Job (`<app>-<job>-<tag>`), created next to
      // the finished old one (which its TTL removes) instead of failing to update it. See docs/ARCHITECTURE.md.
      : qualifiedName('Job', ctx.name, job.name, versionSlug(ctx.options.imageTag)),
  config: (ctx: RepoContext, job: JobModel) => qualifiedName('ConfigMap', ctx.name, job.name, 'config'),
  role: (ctx: RepoContext) => qualifiedName('Role', ctx.name, 'api'),
  headers: (ctx: RepoContext) => qualifiedName('ConfigMap', ctx.name, 'security-headers'),
  route: (ctx: RepoContext) => qualifiedName('Route', ctx.name),
  /** The image name kustomize rewrites to `<registry>/<name>:<tag>`. */
  image: (ctx: RepoContext) => ctx.name,
  /** The container name; the pod failure policy names it. */
  container: 'job',
};

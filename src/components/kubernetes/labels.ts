import type { JobModel, RepoContext } from '../../project/context.js';
import { OBJECT_NAME_MAX_LENGTH, qualifiedName, qualifiedNameWithin } from './object-names.js';

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

/**
 * Longest image tag a one-off Job's name can take (a full commit SHA): kustomize writes the tag into the name at
 * render time, and cannot shorten it.
 */
export const JOB_NAME_TAG_MAX_LENGTH = 40;

/** Image tags a one-off Job can be named after as they are: lower case, so the name stays valid. */
export const JOB_NAME_TAG = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;

/**
 * Whether kustomize writes the pinned image tag into the Job's name as it is. Not for an Indexed Job: its pods'
 * host names (`<job>-<index>`) must be DNS labels, so a version tag's dots would make it uncreatable; it keeps the
 * `.projenrc.ts` tag in DNS-label form instead.
 */
export function isTagNamedJob(job: Pick<JobModel, 'kind' | 'indexed'>): boolean {
  return job.kind === 'job' && job.indexed === undefined;
}

/** The image tag as a DNS-label fragment: `1.2.0-rc.1` → `1-2-0-rc-1`. */
export function versionSlug(tag: string): string {
  return tag.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'v';
}

/**
 * The name of a one-off Job before kustomize writes the image tag into it: `<base>-<tag>` with the tag's dashes
 * dropped, so that the tag is the name's last `-`-separated segment (the one kustomize replaces).
 */
function versionedJobName(ctx: RepoContext, job: JobModel): string {
  if (!isTagNamedJob(job)) return qualifiedName('Job', ctx.name, job.name, versionSlug(ctx.options.imageTag));
  const base = jobNameBase(ctx, job);
  const token = ctx.options.imageTag.toLowerCase().replace(/[^a-z0-9.]+/g, '').replace(/^\.+|\.+$/g, '') || 'v';
  return `${base}-${token}`;
}

/** `<app>-<job>`, short enough for `-<tag>` to follow within a Job name's 63 characters. */
export function jobNameBase(ctx: RepoContext, job: JobModel): string {
  return qualifiedNameWithin(OBJECT_NAME_MAX_LENGTH.Job - 1 - JOB_NAME_TAG_MAX_LENGTH, 'Job', ctx.name, job.name);
}

/** Object names derived from the repo name, in one place so manifests reference each other consistently. */
export const names = {
  serviceAccount: (ctx: RepoContext) => qualifiedName('ServiceAccount', ctx.name),
  /** The CronJob or Job of a job, qualified with the repo name (two repos may both have a `cleanup` job). */
  batch: (ctx: RepoContext, job: JobModel) =>
    job.kind === 'cronjob'
      ? qualifiedName('CronJob', ctx.name, job.name)
      // A Job's pod template is immutable: each image version is a new Job (`<app>-<job>-<tag>`), created next to
      // the finished old one (which its TTL removes) instead of failing to update it. The kustomization writes the
      // tag it pins into the name (see `jobNameReplacements`), so a deploy that only sets the image renames it too.
      : versionedJobName(ctx, job),
  config: (ctx: RepoContext, job: JobModel) => qualifiedName('ConfigMap', ctx.name, job.name, 'config'),
  role: (ctx: RepoContext) => qualifiedName('Role', ctx.name, 'api'),
  headers: (ctx: RepoContext) => qualifiedName('ConfigMap', ctx.name, 'security-headers'),
  route: (ctx: RepoContext) => qualifiedName('Route', ctx.name),
  /** The image name kustomize rewrites to `<registry>/<name>:<tag>`. */
  image: (ctx: RepoContext) => ctx.name,
  /** The container name; the pod failure policy names it. */
  container: 'job',
};

import type { RepoContext } from '../../project/context.js';

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
  serviceAccount: (ctx: RepoContext) => ctx.name,
  config: (jobName: string) => `${jobName}-config`,
  role: (ctx: RepoContext) => `${ctx.name}-api`,
  headers: (ctx: RepoContext) => `${ctx.name}-security-headers`,
  /** The image name kustomize rewrites to `<registry>/<name>:<tag>`. */
  image: (ctx: RepoContext) => ctx.name,
  /** The container name; the pod failure policy names it. */
  container: 'job',
};

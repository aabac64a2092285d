import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IServiceAccount } from 'kubernetes-models/v1/ServiceAccount';
import type { IRole } from 'kubernetes-models/rbac.authorization.k8s.io/v1/Role';
import type { IRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import type { JobModel, RepoContext } from '../../project/context.js';
import { commonLabels, jobLabels, names } from './labels.js';

/** The identity every job runs as; no token is mounted unless a job asks for API access. */
export function serviceAccount(ctx: RepoContext): IServiceAccount {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: names.serviceAccount(ctx), labels: commonLabels(ctx) },
    automountServiceAccountToken: false,
  };
}

/** Non-secret settings of one job, read by the .NET configuration as environment variables. */
export function jobConfig(ctx: RepoContext, job: JobModel): IConfigMap {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: names.config(ctx, job), labels: jobLabels(ctx, job.name) },
    data: { DOTNET_ENVIRONMENT: 'Production', ...job.env },
  };
}

/** Union of the rules the jobs declare: one least-privilege Role for the repo's service account. */
export function apiRole(ctx: RepoContext): [IRole, IRoleBinding] | undefined {
  const rules = ctx.jobs.flatMap((job) => job.apiAccess ?? []);
  if (rules.length === 0) return undefined;
  const role: IRole = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: names.role(ctx), labels: commonLabels(ctx) },
    rules: rules.map((r) => ({
      apiGroups: [...r.apiGroups],
      resources: [...r.resources],
      verbs: [...r.verbs],
      ...(r.resourceNames ? { resourceNames: [...r.resourceNames] } : {}),
    })),
  };
  const binding: IRoleBinding = {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: { name: names.role(ctx), labels: commonLabels(ctx) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: names.role(ctx) },
    subjects: [{ kind: 'ServiceAccount', name: names.serviceAccount(ctx), namespace: ctx.options.namespace }],
  };
  return [role, binding];
}

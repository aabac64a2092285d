import { YamlFile, type Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import { apiRole, jobConfig, serviceAccount } from './access.js';
import { cronJob, standaloneJob } from './batch.js';
import { httpRoute, ingress } from './http.js';
import { names } from './labels.js';

export const K8S_DIR = 'deploy/k8s';

/** One managed YAML file per object kind and job, so a change to one job rewrites only its file. */
export function kubernetesObjects(ctx: RepoContext): Map<string, object> {
  const files = new Map<string, object>();
  files.set('serviceaccount.yaml', serviceAccount(ctx));
  for (const job of ctx.jobs) {
    files.set(`${job.name}.config.yaml`, jobConfig(ctx, job));
    files.set(`${job.name}.${job.kind}.yaml`, job.kind === 'cronjob' ? cronJob(ctx, job) : standaloneJob(ctx, job));
  }
  const rbac = apiRole(ctx);
  if (rbac) {
    files.set('role.yaml', rbac[0]);
    files.set('rolebinding.yaml', rbac[1]);
  }
  const http = ctx.options.http;
  if (http?.route === 'ingress') {
    const [resource, headers] = ingress(ctx, http);
    files.set('ingress.yaml', resource);
    files.set('security-headers.configmap.yaml', headers);
  } else if (http) {
    files.set('httproute.yaml', httpRoute(ctx, http));
  }
  return files;
}

/** `kubectl apply -k deploy/k8s`: namespace and the pinned image tag are set here, in one place. */
export function kustomization(ctx: RepoContext, resources: readonly string[]): object {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: ctx.options.namespace,
    resources: [...resources],
    images: [{ name: names.image(ctx), newName: `${ctx.options.registry}/${ctx.name}`, newTag: ctx.options.imageTag }],
  };
}

export function addKubernetesFiles(project: Project, ctx: RepoContext): void {
  const objects = kubernetesObjects(ctx);
  for (const [file, obj] of objects) {
    new YamlFile(project, `${K8S_DIR}/${file}`, { obj, readonly: true });
  }
  new YamlFile(project, `${K8S_DIR}/kustomization.yaml`, { obj: kustomization(ctx, [...objects.keys()]), readonly: true });
}

import { ManagedYamlFile } from '../../project/managed-yaml-file.js';
import type { Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import { apiRole, jobConfig, serviceAccount } from './access.js';
import { cronJob, standaloneJob } from './batch.js';
import { httpRoute, ingress } from './http.js';
import { isTagNamedJob, jobNameBase, names } from './labels.js';

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
    ...(ctx.jobs.some(isTagNamedJob) ? { replacements: jobNameReplacements(ctx) } : {}),
  };
}

/**
 * One-off Jobs are named after the image tag the kustomization pins: `kustomize edit set image` in a deploy (or an
 * image updater bumping `newTag`) then yields a new Job instead of an immutable-template error on the old one.
 * Kustomize applies `images` before `replacements`, so the tag read from the container image is the new one.
 */
export function jobNameReplacements(ctx: RepoContext): object[] {
  // The tag follows the last ':' of the image; a registry port adds one before it.
  const tagIndex = `${ctx.options.registry}/${ctx.name}`.split(':').length;
  return ctx.jobs.filter(isTagNamedJob).map((job) => {
    const name = names.batch(ctx, job);
    return {
      source: {
        kind: 'Job',
        name,
        fieldPath: `spec.template.spec.containers.[name=${names.container}].image`,
        options: { delimiter: ':', index: tagIndex },
      },
      targets: [{
        select: { kind: 'Job', name },
        fieldPaths: ['metadata.name'],
        options: { delimiter: '-', index: jobNameBase(ctx, job).split('-').length },
      }],
    };
  });
}

export function addKubernetesFiles(project: Project, ctx: RepoContext): void {
  const objects = kubernetesObjects(ctx);
  for (const [file, obj] of objects) {
    new ManagedYamlFile(project, `${K8S_DIR}/${file}`, { obj, readonly: true });
  }
  new ManagedYamlFile(project, `${K8S_DIR}/kustomization.yaml`, { obj: kustomization(ctx, [...objects.keys()]), readonly: true });
}

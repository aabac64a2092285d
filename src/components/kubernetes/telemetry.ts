import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { JobModel, RepoContext } from '../../project/context.js';

/** Variables the telemetry env refers to with `$(NAME)`; Kubernetes expands only names defined earlier. */
const fieldEnv: readonly [name: string, fieldPath: string][] = [
  ['NODE_IP', 'status.hostIP'],
  ['K8S_NAMESPACE', 'metadata.namespace'],
  ['K8S_POD_NAME', 'metadata.name'],
  // Set by the Job controller on every pod it creates (Kubernetes ≥ 1.27), also for a CronJob's Jobs.
  ['K8S_JOB_NAME', "metadata.labels['batch.kubernetes.io/job-name']"],
];

/**
 * The OTLP wiring of a job's container (design §3): the node-local Instana agent's receiver through the node
 * IP, and resource attributes from the downward API. The app's OpenTelemetry SDK reads the standard names.
 */
export function telemetryEnv(ctx: RepoContext, job: JobModel): IEnvVar[] {
  const t = ctx.policy.telemetry;
  const attributes = [
    `service.version=${ctx.options.imageTag}`,
    'k8s.namespace.name=$(K8S_NAMESPACE)',
    'k8s.pod.name=$(K8S_POD_NAME)',
    'k8s.job.name=$(K8S_JOB_NAME)',
    ...(job.kind === 'cronjob' ? [`k8s.cronjob.name=${job.name}`] : []),
  ];
  return [
    ...fieldEnv.map(([name, fieldPath]) => ({ name, valueFrom: { fieldRef: { fieldPath } } })),
    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: `http://$(NODE_IP):${t.otlpPort}` },
    { name: 'OTEL_EXPORTER_OTLP_PROTOCOL', value: t.otlpProtocol },
    { name: 'OTEL_SERVICE_NAME', value: job.name },
    { name: 'OTEL_RESOURCE_ATTRIBUTES', value: attributes.join(',') },
  ];
}

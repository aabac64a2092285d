import type { KubeObject } from '../../../src/validation/types.js';

/** A CronJob that passes the schema, Pod Security "restricted" and every good-practice rule. */
export function goodCronJob(): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'nightly-report', labels: { 'app.kubernetes.io/name': 'reports' } },
    spec: {
      schedule: '30 2 * * *',
      timeZone: 'Europe/Madrid',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 5,
      jobTemplate: {
        spec: {
          backoffLimit: 2,
          activeDeadlineSeconds: 3600,
          podFailurePolicy: {
            rules: [
              { action: 'FailJob', onExitCodes: { containerName: 'job', operator: 'In', values: [2] } },
              { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] },
            ],
          },
          template: {
            metadata: { labels: { 'app.kubernetes.io/name': 'reports' } },
            spec: {
              serviceAccountName: 'reports',
              automountServiceAccountToken: false,
              restartPolicy: 'Never',
              terminationGracePeriodSeconds: 30,
              securityContext: {
                runAsNonRoot: true,
                runAsUser: 1654,
                runAsGroup: 1654,
                fsGroup: 1654,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              containers: [
                {
                  name: 'job',
                  image: 'registry.example.com/reports:1.4.2',
                  args: ['nightly-report'],
                  envFrom: [{ configMapRef: { name: 'nightly-report-config' } }],
                  env: [
                    { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'reports-db', key: 'password' } } },
                    { name: 'NODE_IP', valueFrom: { fieldRef: { fieldPath: 'status.hostIP' } } },
                    { name: 'OTEL_EXPORTER_OTLP_ENDPOINT', value: 'http://$(NODE_IP):4317' },
                  ],
                  resources: {
                    requests: { cpu: '100m', memory: '256Mi', 'ephemeral-storage': '64Mi' },
                    limits: { cpu: '1', memory: '512Mi', 'ephemeral-storage': '256Mi' },
                  },
                  securityContext: {
                    allowPrivilegeEscalation: false,
                    readOnlyRootFilesystem: true,
                    runAsNonRoot: true,
                    runAsUser: 1654,
                    capabilities: { drop: ['ALL'] },
                    seccompProfile: { type: 'RuntimeDefault' },
                  },
                  volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
                },
              ],
              volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
            },
          },
        },
      },
    },
  };
}

/** The same pod as a standalone Job (with ttlSecondsAfterFinished). */
export function goodJob(): KubeObject {
  const cron = goodCronJob() as { spec: { jobTemplate: { spec: Record<string, unknown> } } };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'one-off-import' },
    spec: { ...cron.spec.jobTemplate.spec, ttlSecondsAfterFinished: 86400 },
  };
}

export const SECURITY_HEADERS: Record<string, string> = {
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Referrer-Policy': 'strict-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'X-XSS-Protection': '0',
};

export function goodHeadersConfigMap(): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'reports-security-headers' }, data: { ...SECURITY_HEADERS } };
}

export function goodIngress(): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: 'reports',
      annotations: {
        'nginx.ingress.kubernetes.io/custom-headers': 'batch/reports-security-headers',
        'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
      },
    },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['reports.example.com'], secretName: 'reports-tls' }],
      rules: [
        {
          host: 'reports.example.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'reports', port: { number: 8080 } } } }] },
        },
      ],
    },
  };
}

export function goodHttpRoute(): KubeObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: 'reports' },
    spec: {
      parentRefs: [{ name: 'shared-gateway', namespace: 'gateways' }],
      hostnames: ['reports.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          filters: [
            {
              type: 'ResponseHeaderModifier',
              responseHeaderModifier: { set: Object.entries(SECURITY_HEADERS).map(([name, value]) => ({ name, value })) },
            },
          ],
          backendRefs: [{ name: 'reports', port: 8080 }],
        },
      ],
    },
  };
}

export function goodOthers(): KubeObject[] {
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'reports' }, automountServiceAccountToken: false },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'reports-api' },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'reports-api' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reports-api' },
      subjects: [{ kind: 'ServiceAccount', name: 'reports', namespace: 'batch' }],
    },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'nightly-report-config' }, data: { Reports__Region: 'eu' } },
    {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: 'batch',
      resources: ['serviceaccount.yaml', 'nightly-report.cronjob.yaml'],
      images: [{ name: 'reports', newName: 'registry.example.com/reports', newTag: '1.4.2' }],
    },
  ];
}

/**
 * A deep copy of `obj` with the value at `path` (`spec.jobTemplate.spec.template.spec.containers[0].image`,
 * map keys as `[key]` when they are not identifiers) replaced; `undefined` deletes it. Missing parents are created.
 */
export function mutate(obj: KubeObject, path: string, value: unknown): KubeObject {
  const copy = structuredClone(obj) as Record<string, unknown>;
  const segments = parsePath(path);
  let node: Record<string | number, unknown> = copy;
  segments.slice(0, -1).forEach((seg, i) => {
    let next = node[seg];
    if (next === undefined || next === null) {
      next = typeof segments[i + 1] === 'number' ? [] : {};
      node[seg] = next;
    }
    node = next as Record<string | number, unknown>;
  });
  const last = segments[segments.length - 1]!;
  if (value === undefined) {
    if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
  return copy as KubeObject;
}

function parsePath(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else out.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return out;
}

export const POD = 'spec.jobTemplate.spec.template.spec';
export const C0 = `${POD}.containers[0]`;
export const SC = `${C0}.securityContext`;

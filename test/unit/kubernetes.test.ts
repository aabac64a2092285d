import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listFiles, synthesize } from '../../src/cli/plan.js';
import { policy } from '../../src/policy/index.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';
import { synthFiles } from '../support/synth.js';
import { GRACE_PERIOD_ENV } from '../../src/components/dotnet/templates.js';

type Obj = Record<string, any>;

function manifests(options: Omit<BatchJobProjectOptions, 'outdir'>): Map<string, Obj> {
  const out = new Map<string, Obj>();
  for (const [path, content] of synthFiles(options)) {
    if (path.startsWith('deploy/k8s/')) out.set(path.slice('deploy/k8s/'.length), parse(content));
  }
  return out;
}

const podSpec = (cronJob: Obj) => cronJob.spec.jobTemplate.spec.template.spec;

describe('Kubernetes manifests', () => {
  const files = manifests({ name: 'nightly-report', jobs: [{ name: 'nightly-report' }, { name: 'cleanup', kind: 'job' }] });

  it('writes one batch/v1 object per job, and a kustomization listing every file', () => {
    const cron = files.get('nightly-report.cronjob.yaml')!;
    expect(cron.apiVersion).toBe('batch/v1');
    expect(cron.kind).toBe('CronJob');
    expect(files.get('cleanup.job.yaml')!.kind).toBe('Job');
    const kustomization = files.get('kustomization.yaml')!;
    expect([...kustomization.resources].sort()).toEqual([...files.keys()].filter((f) => f !== 'kustomization.yaml').sort());
    expect(kustomization.namespace).toBe('nightly-report');
    expect(kustomization.images).toEqual([
      { name: 'nightly-report', newName: `${policy.jobDefaults.registry}/nightly-report`, newTag: policy.jobDefaults.imageTag },
    ]);
  });

  it('takes its defaults from the policy', () => {
    const spec = files.get('nightly-report.cronjob.yaml')!.spec;
    const d = policy.jobDefaults;
    expect(spec).toMatchObject({
      schedule: d.schedule,
      timeZone: d.timeZone,
      concurrencyPolicy: d.concurrencyPolicy,
      startingDeadlineSeconds: d.startingDeadlineSeconds,
      successfulJobsHistoryLimit: d.successfulJobsHistoryLimit,
      failedJobsHistoryLimit: d.failedJobsHistoryLimit,
    });
    expect(spec.jobTemplate.spec.backoffLimit).toBe(d.backoffLimit);
    expect(spec.jobTemplate.spec.ttlSecondsAfterFinished).toBeUndefined();
    expect(files.get('cleanup.job.yaml')!.spec.ttlSecondsAfterFinished).toBe(d.ttlSecondsAfterFinished);
    expect(podSpec(files.get('nightly-report.cronjob.yaml')!).containers[0].resources).toEqual({ requests: d.requests, limits: d.limits });
  });

  it('wires the job contract: argument, exit code 2 fails the Job, evictions ignored, grace period', () => {
    const cron = files.get('nightly-report.cronjob.yaml')!;
    const pod = podSpec(cron);
    const container = pod.containers[0];
    expect(container.args).toEqual(['nightly-report']);
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.terminationGracePeriodSeconds).toBe(policy.terminationGracePeriodSeconds);
    const rules = cron.spec.jobTemplate.spec.podFailurePolicy.rules;
    expect(rules[0]).toEqual({
      action: 'FailJob',
      onExitCodes: { containerName: container.name, operator: 'In', values: [policy.exitCodes.invalidConfiguration] },
    });
    expect(rules[1]).toEqual({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] });
  });

  it('passes every pod\'s own grace period to the job host in one variable (one value for both)', () => {
    const checked = [...files].filter(([file]) => /\.(cronjob|job)\.yaml$/.test(file));
    expect(checked.map(([, obj]) => obj.kind).sort()).toEqual(['CronJob', 'Job']);
    for (const [file, obj] of checked) {
      const pod = obj.kind === 'CronJob' ? podSpec(obj) : obj.spec.template.spec;
      const env = (pod.containers[0].env ?? []) as Array<{ name: string; value?: string }>;
      expect(env.filter((e) => e.name === GRACE_PERIOD_ENV), file).toEqual([{ name: GRACE_PERIOD_ENV, value: String(pod.terminationGracePeriodSeconds) }]);
    }
  });

  it('runs restricted: non-root, no privilege escalation, read-only root with a writable /tmp, no token', () => {
    const pod = podSpec(files.get('nightly-report.cronjob.yaml')!);
    const container = pod.containers[0];
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: policy.containerUid, seccompProfile: { type: 'RuntimeDefault' } });
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(container.volumeMounts).toContainEqual({ name: 'tmp', mountPath: '/tmp' });
    expect(pod.volumes).toContainEqual({ name: 'tmp', emptyDir: { sizeLimit: policy.jobDefaults.tmpSizeLimit } });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(files.get('serviceaccount.yaml')!.automountServiceAccountToken).toBe(false);
    expect(files.has('role.yaml')).toBe(false);
  });

  it('with OnFailure writes no pod failure policy (Kubernetes forbids it)', () => {
    const onFailure = manifests({ name: 'x', jobs: [{ name: 'x', restartPolicy: 'OnFailure' }] }).get('x.cronjob.yaml')!;
    expect(podSpec(onFailure).restartPolicy).toBe('OnFailure');
    expect(onFailure.spec.jobTemplate.spec.podFailurePolicy).toBeUndefined();
  });

  it('Indexed mode sets completions, parallelism and per-index retries', () => {
    const job = manifests({ name: 'x', jobs: [{ name: 'x', kind: 'job', indexed: { completions: 4, parallelism: 2, backoffLimitPerIndex: 1 } }] }).get('x.job.yaml')!;
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 2, backoffLimitPerIndex: 1 });
  });

  it('secrets only by reference, settings in a ConfigMap', () => {
    const m = manifests({
      name: 'x',
      jobs: [{ name: 'x', env: { Report__BatchSize: '50' }, secretEnv: [{ name: 'Db__Password', secretName: 'x-secrets', key: 'password' }] }],
    });
    expect(m.get('x.config.yaml')!.data).toMatchObject({ Report__BatchSize: '50' });
    const container = podSpec(m.get('x.cronjob.yaml')!).containers[0];
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'x-config' } }]);
    const secretRefs = container.env.filter((e: { valueFrom?: { secretKeyRef?: unknown } }) => e.valueFrom?.secretKeyRef);
    expect(secretRefs).toEqual([{ name: 'Db__Password', valueFrom: { secretKeyRef: { name: 'x-secrets', key: 'password' } } }]);
    expect(container.env.map((e: { name: string }) => e.name)).not.toContain('Report__BatchSize');
  });

  it('a job with API access gets a least-privilege Role and its token', () => {
    const m = manifests({ name: 'x', jobs: [{ name: 'x', apiAccess: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }] }] });
    expect(m.get('role.yaml')!.rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }]);
    expect(m.get('rolebinding.yaml')!.subjects).toEqual([{ kind: 'ServiceAccount', name: 'x', namespace: 'x' }]);
    expect(podSpec(m.get('x.cronjob.yaml')!).automountServiceAccountToken).toBe(true);
  });
});

describe('HTTP exposure', () => {
  const http = { host: 'reports.example.com', service: 'web', port: 8080 };

  it('Ingress: headers through a custom-headers ConfigMap, never snippets or deprecated headers', () => {
    const m = manifests({ name: 'x', http: { ...http, route: 'ingress' } });
    const ingress = m.get('ingress.yaml')!;
    expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/custom-headers']).toBe('x/x-security-headers');
    const text = JSON.stringify([...m.values()]);
    for (const banned of ['configuration-snippet', 'server-snippet', 'secure-backends', 'X-XSS-Protection', 'Feature-Policy', 'Set-Cookie']) {
      expect(text).not.toContain(banned);
    }
    expect(m.get('security-headers.configmap.yaml')!.data).toEqual(policy.securityHeaders);
    expect(ingress.spec.rules[0].http.paths[0].backend.service).toEqual({ name: 'web', port: { number: 8080 } });
  });

  it('Gateway API: an HTTPRoute with a ResponseHeaderModifier filter', () => {
    const route = manifests({ name: 'x', http }).get('httproute.yaml')!;
    const filter = route.spec.rules[0].filters[0];
    expect(filter.type).toBe('ResponseHeaderModifier');
    expect(Object.fromEntries(filter.responseHeaderModifier.set.map((h: Obj) => [h.name, h.value]))).toEqual(policy.securityHeaders);
    expect(route.spec.hostnames).toEqual(['reports.example.com']);
  });
});

describe('re-synthesis of manifests', () => {
  it('a schedule change rewrites only that job; a removed job loses its manifests', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbj-k8s-'));
    const read = () => new Map(listFiles(dir).map((p) => [p, readFileSync(join(dir, p), 'utf8')]));
    synthesize({ name: 'x', jobs: [{ name: 'a' }, { name: 'b' }] }, dir);
    const before = read();
    synthesize({ name: 'x', jobs: [{ name: 'a', schedule: '15 3 * * *' }, { name: 'b' }] }, dir);
    const after = read();
    const changed = [...after.keys()].filter((p) => after.get(p) !== before.get(p));
    expect(changed).toEqual(['deploy/k8s/a.cronjob.yaml']);

    synthesize({ name: 'x', jobs: [{ name: 'a', schedule: '15 3 * * *' }] }, dir);
    const removed = read();
    expect(removed.has('deploy/k8s/b.cronjob.yaml')).toBe(false);
    expect(removed.has('deploy/k8s/b.config.yaml')).toBe(false);
    expect(removed.get('deploy/k8s/kustomization.yaml')).not.toContain('b.cronjob.yaml');
  });
});

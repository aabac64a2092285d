import { describe, expect, it } from 'vitest';
import { isPinned, kustomizePinnedImages, validatePractices } from '../../../src/validation/practice/index.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { C0, POD, SC, goodCronJob, goodHeadersConfigMap, goodHttpRoute, goodIngress, goodJob, goodOthers, mutate } from './fixtures.js';

const pairs = (obj: KubeObject) => validatePractices(obj).map((f) => [f.rule, f.path]);
const JS = 'spec.jobTemplate.spec';
const ANN = 'metadata.annotations';
const HDR = 'spec.rules[0].filters[0].responseHeaderModifier';

describe('validatePractices', () => {
  it.each([goodCronJob(), goodJob(), goodIngress(), goodHttpRoute(), goodHeadersConfigMap(), ...goodOthers()].map((o) => [`${o.kind}`, o] as const))(
    'a good %s has no findings',
    (_kind, obj) => {
      expect(validatePractices(obj)).toEqual([]);
    },
  );

  it('finding shape: warnings from source practice', () => {
    expect(validatePractices(mutate(goodCronJob(), `${JS}.backoffLimit`, undefined))).toEqual([
      {
        source: 'practice',
        rule: 'job-backoff-limit',
        severity: 'warning',
        path: `${JS}.backoffLimit`,
        message: expect.stringContaining('backoffLimit') as unknown as string,
        messageEs: 'establece backoffLimit de forma explícita (los 6 reintentos por defecto rara vez son lo que quiere un job batch)',
        object: 'CronJob/nightly-report',
      },
    ]);
  });

  const cronCases: [string, string, unknown, [string, string][]][] = [
    ['no backoffLimit', `${JS}.backoffLimit`, undefined, [['job-backoff-limit', `${JS}.backoffLimit`]]],
    ['no activeDeadlineSeconds', `${JS}.activeDeadlineSeconds`, undefined, [['job-active-deadline', `${JS}.activeDeadlineSeconds`]]],
    ['jobTemplate sets ttlSecondsAfterFinished', `${JS}.ttlSecondsAfterFinished`, 3600, [['cronjob-job-ttl', `${JS}.ttlSecondsAfterFinished`]]],
    ['no startingDeadlineSeconds', 'spec.startingDeadlineSeconds', undefined, [['cronjob-starting-deadline', 'spec.startingDeadlineSeconds']]],
    ['startingDeadlineSeconds below 10', 'spec.startingDeadlineSeconds', 5, [['cronjob-starting-deadline', 'spec.startingDeadlineSeconds']]],
    ['startingDeadlineSeconds 10 is fine', 'spec.startingDeadlineSeconds', 10, []],
    ['no successfulJobsHistoryLimit', 'spec.successfulJobsHistoryLimit', undefined, [['cronjob-history-limits', 'spec.successfulJobsHistoryLimit']]],
    ['no failedJobsHistoryLimit', 'spec.failedJobsHistoryLimit', undefined, [['cronjob-history-limits', 'spec.failedJobsHistoryLimit']]],
    ['no concurrencyPolicy', 'spec.concurrencyPolicy', undefined, [['cronjob-concurrency-policy', 'spec.concurrencyPolicy']]],
    ['explicit concurrencyPolicy Allow is fine', 'spec.concurrencyPolicy', 'Allow', []],
    ['no cpu request', `${C0}.resources.requests.cpu`, undefined, [['container-resources', `${C0}.resources.requests[cpu]`]]],
    ['no memory limit', `${C0}.resources.limits.memory`, undefined, [['container-resources', `${C0}.resources.limits[memory]`]]],
    ['no ephemeral-storage limit', `${C0}.resources.limits[ephemeral-storage]`, undefined, [['container-ephemeral-storage', `${C0}.resources.limits[ephemeral-storage]`]]],
    [
      'no resources at all',
      `${C0}.resources`,
      undefined,
      [
        ['container-resources', `${C0}.resources.requests[cpu]`],
        ['container-resources', `${C0}.resources.requests[memory]`],
        ['container-ephemeral-storage', `${C0}.resources.requests[ephemeral-storage]`],
        ['container-resources', `${C0}.resources.limits[cpu]`],
        ['container-resources', `${C0}.resources.limits[memory]`],
        ['container-ephemeral-storage', `${C0}.resources.limits[ephemeral-storage]`],
      ],
    ],
    ['image :latest', `${C0}.image`, 'registry.example.com/reports:latest', [['image-pinned', `${C0}.image`]]],
    ['image without tag', `${C0}.image`, 'registry.example.com/reports', [['image-pinned', `${C0}.image`]]],
    ['image with registry port but no tag', `${C0}.image`, 'registry.example.com:5000/reports', [['image-pinned', `${C0}.image`]]],
    ['image with digest is fine', `${C0}.image`, `registry.example.com/reports@sha256:${'a'.repeat(64)}`, []],
    ['image with tag and digest is fine', `${C0}.image`, `registry.example.com/reports:1.0@sha256:${'b'.repeat(64)}`, []],
    ['readOnlyRootFilesystem false', `${SC}.readOnlyRootFilesystem`, false, [['read-only-root-filesystem', `${SC}.readOnlyRootFilesystem`]]],
    ['readOnlyRootFilesystem unset', `${SC}.readOnlyRootFilesystem`, undefined, [['read-only-root-filesystem', `${SC}.readOnlyRootFilesystem`]]],
    ['automountServiceAccountToken unset', `${POD}.automountServiceAccountToken`, undefined, [['automount-service-account-token', `${POD}.automountServiceAccountToken`]]],
    ['automount true with a dedicated ServiceAccount is fine', `${POD}.automountServiceAccountToken`, true, []],
    ['literal password env', `${C0}.env[0]`, { name: 'DB_PASSWORD', value: 'hunter2' }, [['env-secret-literal', `${C0}.env[0].value`]]],
    ['literal api-key env', `${C0}.env[0]`, { name: 'Service__ApiKey', value: 'abc' }, [['env-secret-literal', `${C0}.env[0].value`]]],
    ['literal API_KEY env', `${C0}.env[0]`, { name: 'PAYMENTS_API_KEY', value: 'abc' }, [['env-secret-literal', `${C0}.env[0].value`]]],
    ['literal token env', `${C0}.env[0]`, { name: 'GITHUB_TOKEN', value: 'ghp_x' }, [['env-secret-literal', `${C0}.env[0].value`]]],
    ['non-secret literal env is fine', `${C0}.env[0]`, { name: 'LOG_LEVEL', value: 'Information' }, []],
    ['secret-looking name from a ConfigMap key is fine', `${C0}.env[0]`, { name: 'SIGNING_KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, []],
  ];

  it.each(cronCases)('CronJob: %s', (_name, path, value, expected) => {
    expect(pairs(mutate(goodCronJob(), path, value))).toEqual(expected);
  });

  it('automount true with the default ServiceAccount', () => {
    let obj = mutate(goodCronJob(), `${POD}.automountServiceAccountToken`, true);
    obj = mutate(obj, `${POD}.serviceAccountName`, undefined);
    expect(pairs(obj)).toEqual([['automount-service-account-token', `${POD}.automountServiceAccountToken`]]);
  });

  it('standalone Job: ttlSecondsAfterFinished, backoffLimit, activeDeadlineSeconds', () => {
    expect(pairs(mutate(goodJob(), 'spec.ttlSecondsAfterFinished', undefined))).toEqual([['job-ttl-after-finished', 'spec.ttlSecondsAfterFinished']]);
    expect(pairs(mutate(goodJob(), 'spec.backoffLimit', undefined))).toEqual([['job-backoff-limit', 'spec.backoffLimit']]);
    expect(pairs(mutate(goodJob(), 'spec.activeDeadlineSeconds', undefined))).toEqual([['job-active-deadline', 'spec.activeDeadlineSeconds']]);
    expect(pairs(mutate(goodJob(), 'spec.template.spec.containers[0].image', 'reports'))).toEqual([['image-pinned', 'spec.template.spec.containers[0].image']]);
  });

  it('init containers need resources and a read-only root too', () => {
    const obj = mutate(goodCronJob(), `${POD}.initContainers`, [
      {
        name: 'migrate',
        image: 'registry.example.com/migrate:1.0.0',
        resources: { requests: { cpu: '50m', memory: '64Mi', 'ephemeral-storage': '16Mi' }, limits: { cpu: '500m', memory: '128Mi', 'ephemeral-storage': '64Mi' } },
      },
    ]);
    expect(pairs(obj)).toEqual([['read-only-root-filesystem', `${POD}.initContainers[0].securityContext.readOnlyRootFilesystem`]]);
  });

  const ingressCases: [string, string, unknown, [string, string, string][]][] = [
    ['configuration-snippet', `${ANN}[nginx.ingress.kubernetes.io/configuration-snippet]`, 'more_set_headers "X-Frame-Options: DENY";', [['ingress-configuration-snippet', `${ANN}[nginx.ingress.kubernetes.io/configuration-snippet]`, 'error']]],
    ['server-snippet', `${ANN}[nginx.ingress.kubernetes.io/server-snippet]`, 'location /x {}', [['ingress-server-snippet', `${ANN}[nginx.ingress.kubernetes.io/server-snippet]`, 'error']]],
    ['auth-snippet', `${ANN}[nginx.ingress.kubernetes.io/auth-snippet]`, 'x', [['ingress-snippet', `${ANN}[nginx.ingress.kubernetes.io/auth-snippet]`, 'error']]],
    ['secure-backends', `${ANN}[nginx.ingress.kubernetes.io/secure-backends]`, 'true', [['ingress-secure-backends', `${ANN}[nginx.ingress.kubernetes.io/secure-backends]`, 'warning']]],
    ['add-headers annotation', `${ANN}[nginx.ingress.kubernetes.io/add-headers]`, 'batch/h', [['ingress-add-headers-annotation', `${ANN}[nginx.ingress.kubernetes.io/add-headers]`, 'warning']]],
    [
      'snippet setting X-XSS-Protection',
      `${ANN}[nginx.ingress.kubernetes.io/configuration-snippet]`,
      'more_set_headers "X-XSS-Protection: 1; mode=block";',
      [
        ['ingress-configuration-snippet', `${ANN}[nginx.ingress.kubernetes.io/configuration-snippet]`, 'error'],
        ['header-x-xss-protection', `${ANN}[nginx.ingress.kubernetes.io/configuration-snippet]`, 'warning'],
      ],
    ],
  ];

  it.each(ingressCases)('Ingress: %s', (_name, path, value, expected) => {
    expect(validatePractices(mutate(goodIngress(), path, value)).map((f) => [f.rule, f.path, f.severity])).toEqual(expected);
  });

  const headerCases: [string, string, string, string][] = [
    ['X-XSS-Protection', '1; mode=block', 'header-x-xss-protection', 'X-XSS-Protection'],
    ['x-xss-protection', '1', 'header-x-xss-protection', 'x-xss-protection'],
    ['Feature-Policy', "camera 'none'", 'header-feature-policy', 'Feature-Policy'],
    ['Set-Cookie', 'session=x; Secure', 'header-set-cookie', 'Set-Cookie'],
  ];

  it.each(headerCases)('ConfigMap header %s: %s', (name, value, rule, k) => {
    expect(pairs(mutate(goodHeadersConfigMap(), `data[${name}]`, value))).toEqual([[rule, `data[${k}]`]]);
  });

  it.each(headerCases)('HTTPRoute header %s: %s', (name, value, rule) => {
    const set = [{ name, value }];
    expect(pairs(mutate(goodHttpRoute(), `${HDR}.set`, set))).toEqual([[rule, `${HDR}.set[0].value`]]);
    expect(pairs(mutate(goodHttpRoute(), `${HDR}.add`, set))).toEqual([[rule, `${HDR}.add[0].value`]]);
  });

  it('HTTPRoute backendRef filters are checked too', () => {
    const obj = mutate(goodHttpRoute(), 'spec.rules[0].backendRefs[0].filters', [
      { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'Set-Cookie', value: 'a=b' }] } },
    ]);
    expect(pairs(obj)).toEqual([['header-set-cookie', 'spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.set[0].value']]);
  });

  it('a bare image name is pinned when the kustomization sets its tag', () => {
    const kustomization = goodOthers()[4]!;
    const pinned = kustomizePinnedImages(kustomization);
    expect(pinned).toEqual(['reports']);
    const obj = mutate(goodCronJob(), `${C0}.image`, 'reports');
    expect(pairs(obj)).toEqual([['image-pinned', `${C0}.image`]]);
    expect(validatePractices(obj, { kustomizePinnedImages: pinned })).toEqual([]);
    expect(kustomizePinnedImages(mutate(kustomization, 'images[0].newTag', 'latest'))).toEqual([]);
    expect(kustomizePinnedImages(mutate(kustomization, 'images[0].digest', `sha256:${'c'.repeat(64)}`))).toEqual(['reports']);
  });

  it('isPinned', () => {
    expect(isPinned('mcr.microsoft.com/dotnet/runtime:8.0')).toBe(true);
    expect(isPinned('localhost:5000/app:1.2.3')).toBe(true);
    expect(isPinned('localhost:5000/app')).toBe(false);
    expect(isPinned('app:LATEST')).toBe(false);
    expect(isPinned('app@sha256:short')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.js';
import type { BatchJobOptions, BatchJobProjectOptions } from '../../src/project/options.js';
import { resolveOptions } from '../../src/project/validate.js';
import { refusal } from '../support/refusal.js';

type Options = BatchJobProjectOptions;
const base: Options = { name: 'nightly-report' };
const withJob = (job: Partial<BatchJobOptions>): Options => ({ ...base, jobs: [{ name: 'nightly-report', ...job }] });
const http = { host: 'reports.example.com', service: 'reports', port: 8080 };

/** The problem code of each case below: it picks the user-facing message (English and Spanish catalogues). */
const CODES: Record<string, string> = {
  'ci system': 'enum-invalid',
  'completions': 'number-invalid',
  'concurrency policy': 'enum-invalid',
  'deploy flag': 'option-invalid',
  'env name': 'env-name-invalid',
  'existing app not a csproj': 'option-invalid',
  'existing app outside a folder': 'option-invalid',
  'fractional TTL': 'number-invalid',
  'framework': 'framework-unknown',
  'http host': 'host-invalid',
  'http port 0': 'port-invalid',
  'http port 65536': 'port-invalid',
  'http route': 'enum-invalid',
  'image tag latest': 'image-tag-invalid',
  'image tag too long': 'image-tag-invalid',
  'job kind': 'enum-invalid',
  'maxFailedIndexes above completions': 'number-invalid',
  'name': 'name-invalid',
  'namespace': 'name-invalid',
  'negative backoff': 'number-invalid',
  'parallelism above completions': 'number-invalid',
  'registry': 'registry-invalid',
  'restart policy': 'enum-invalid',
  'schedule': 'schedule-invalid',
  'secret env name': 'env-name-invalid',
  'secret key': 'name-empty',
  'secret name': 'name-invalid',
  'starting deadline under the controller poll': 'number-invalid',
  'time zone': 'time-zone-invalid',
  'unmanaged path': 'option-invalid',
  'zero deadline': 'number-invalid',
};

/**
 * Every refusal of `resolveOptions`: the code, the field it names, the value it echoes, and the example it offers,
 * which must itself be accepted in the same place (an error's example that fails too would send the user in a circle).
 */
describe('resolveOptions refusals name the field and give a working example', () => {
  const cases: Array<[string, Options, string, string, (example: string) => Options]> = [
    ['name', { name: 'Nightly_Report' }, 'name', 'Nightly_Report', (e) => ({ name: e })],
    ['framework', { ...base, framework: 'net6.0' as never }, 'framework', 'net6.0', (e) => ({ ...base, framework: e.split('|')[0] as never })],
    ['job kind', withJob({ kind: 'daemon' as never }), 'jobs[0].kind', 'daemon', (e) => withJob({ kind: e.split('|')[1] as never })],
    ['restart policy', withJob({ restartPolicy: 'Always' as never }), 'jobs[0].restartPolicy', 'Always', (e) => withJob({ restartPolicy: e.split('|')[0] as never })],
    ['concurrency policy', withJob({ concurrencyPolicy: 'Sometimes' as never }), 'jobs[0].concurrencyPolicy', 'Sometimes', (e) => withJob({ concurrencyPolicy: e.split('|')[2] as never })],
    ['schedule', withJob({ schedule: '0 2 * *' }), 'jobs[0].schedule', '0 2 * *', (e) => withJob({ schedule: JSON.parse(e) as string })],
    ['time zone', withJob({ timeZone: 'Mars/Olympus' }), 'jobs[0].timeZone', 'Mars/Olympus', (e) => withJob({ timeZone: e })],
    ['negative backoff', withJob({ backoffLimit: -1 }), 'jobs[0].backoffLimit', '-1', (e) => withJob({ backoffLimit: Number(e) })],
    ['fractional TTL', withJob({ ttlSecondsAfterFinished: 1.5 }), 'jobs[0].ttlSecondsAfterFinished', '1.5', (e) => withJob({ ttlSecondsAfterFinished: Number(e) })],
    ['zero deadline', withJob({ activeDeadlineSeconds: 0 }), 'jobs[0].activeDeadlineSeconds', '0', (e) => withJob({ activeDeadlineSeconds: Number(e) })],
    ['starting deadline under the controller poll', withJob({ startingDeadlineSeconds: 9 }), 'jobs[0].startingDeadlineSeconds', '9', (e) => withJob({ startingDeadlineSeconds: Number(e) })],
    ['env name', withJob({ env: { 'BAD-NAME': 'x' } }), 'jobs[0].env.BAD-NAME', 'BAD-NAME', (e) => withJob({ env: { [e]: 'x' } })],
    ['secret env name', withJob({ secretEnv: [{ name: '1x', secretName: 'app-secrets', key: 'k' }] }), 'jobs[0].secretEnv[0].name', '1x', (e) => withJob({ secretEnv: [{ name: e, secretName: 'app-secrets', key: 'k' }] })],
    ['secret name', withJob({ secretEnv: [{ name: 'X', secretName: 'App Secrets', key: 'k' }] }), 'jobs[0].secretEnv[0].secretName', 'App Secrets', (e) => withJob({ secretEnv: [{ name: 'X', secretName: e, key: 'k' }] })],
    ['secret key', withJob({ secretEnv: [{ name: 'X', secretName: 'app-secrets', key: '' }] }), 'jobs[0].secretEnv[0].key', '', (e) => withJob({ secretEnv: [{ name: 'X', secretName: 'app-secrets', key: e }] })],
    ['completions', withJob({ kind: 'job', indexed: { completions: 100_001 } }), 'jobs[0].indexed.completions', '100001', (e) => withJob({ kind: 'job', indexed: { completions: Number(e) } })],
    ['parallelism above completions', withJob({ kind: 'job', indexed: { completions: 3, parallelism: 4 } }), 'jobs[0].indexed.parallelism', '4', (e) => withJob({ kind: 'job', indexed: { completions: 3, parallelism: Number(e) } })],
    ['maxFailedIndexes above completions', withJob({ kind: 'job', indexed: { completions: 3, backoffLimitPerIndex: 1, maxFailedIndexes: 4 } }), 'jobs[0].indexed.maxFailedIndexes', '4', (e) => withJob({ kind: 'job', indexed: { completions: 3, backoffLimitPerIndex: 1, maxFailedIndexes: Number(e) } })],
    ['namespace', { ...base, namespace: '-ns' }, 'namespace', '-ns', (e) => ({ ...base, namespace: e })],
    ['registry', { ...base, registry: 'Registry.Example.com' }, 'registry', 'Registry.Example.com', (e) => ({ ...base, registry: e })],
    ['image tag latest', { ...base, imageTag: 'latest' }, 'imageTag', 'latest', (e) => ({ ...base, imageTag: e })],
    ['image tag too long', { ...base, imageTag: 'a'.repeat(129) }, 'imageTag', 'a'.repeat(129), (e) => ({ ...base, imageTag: e })],
    ['unmanaged path', { ...base, unmanaged: ['../outside.yaml'] }, 'unmanaged[0]', '../outside.yaml', (e) => ({ ...base, unmanaged: [e] })],
    ['existing app outside a folder', { ...base, existingApp: { project: 'Billing.csproj' } }, 'existingApp.project', 'Billing.csproj', (e) => ({ ...base, existingApp: { project: e } })],
    ['existing app not a csproj', { ...base, existingApp: { project: 'src/Billing/Billing.fsproj' } }, 'existingApp.project', 'src/Billing/Billing.fsproj', (e) => ({ ...base, existingApp: { project: e } })],
    ['ci system', { ...base, ci: 'jenkins' as never }, 'ci', 'jenkins', (e) => ({ ...base, ci: e.split('|')[2] as never })],
    ['deploy flag', { ...base, deploy: 'yes' as never }, 'deploy', 'yes', (e) => ({ ...base, deploy: JSON.parse(e) as boolean })],
    ['http host', { ...base, http: { ...http, host: 'Reports..example' } }, 'http.host', 'Reports..example', (e) => ({ ...base, http: { ...http, host: e } })],
    ['http port 0', { ...base, http: { ...http, port: 0 } }, 'http.port', '0', (e) => ({ ...base, http: { ...http, port: Number(e) } })],
    ['http port 65536', { ...base, http: { ...http, port: 65_536 } }, 'http.port', '65536', (e) => ({ ...base, http: { ...http, port: Number(e) } })],
    ['http route', { ...base, http: { ...http, route: 'nodeport' as never } }, 'http.route', 'nodeport', (e) => ({ ...base, http: { ...http, route: e.split('|')[0] as never } })],
  ];

  it.each(cases)('%s', (_label, options, field, value, accepted) => {
    const error = refusal(() => resolveOptions(options));
    expect(error.field).toBe(field);
    expect(error.value).toBe(value);
    expect(error.message).toContain(field);
    expect(() => resolveOptions(accepted(error.example))).not.toThrow();
    expect(error.code).toBe(CODES[_label]);
  });

  it('a second job with the same name is refused at its own index, suggesting a free name', () => {
    const error = refusal(() => resolveOptions({ ...base, jobs: [{ name: 'a' }, { name: 'b' }, { name: 'a' }] }));
    expect([error.code, error.field, error.example]).toEqual(['name-duplicate', 'jobs[2].name', 'a-2']);
  });

  it('CronJob-only settings on a kind job are refused, naming the setting', () => {
    for (const key of ['schedule', 'timeZone', 'concurrencyPolicy', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
      const value = { schedule: '0 1 * * *', timeZone: 'Etc/UTC', concurrencyPolicy: 'Forbid', startingDeadlineSeconds: 60, successfulJobsHistoryLimit: 1, failedJobsHistoryLimit: 1 }[key];
      const error = refusal(() => resolveOptions(withJob({ kind: 'job', [key]: value })));
      expect([error.code, error.field], key).toEqual(['option-conflict', `jobs[0].${key}`]);
    }
  });

  it('per-index retries need restartPolicy Never, and maxFailedIndexes needs per-index retries', () => {
    const retries = refusal(() => resolveOptions(withJob({ kind: 'job', restartPolicy: 'OnFailure', indexed: { completions: 2, backoffLimitPerIndex: 1 } })));
    expect([retries.code, retries.field]).toEqual(['option-conflict', 'jobs[0].indexed.backoffLimitPerIndex']);
    const failed = refusal(() => resolveOptions(withJob({ kind: 'job', indexed: { completions: 2, maxFailedIndexes: 1 } })));
    expect([failed.code, failed.field]).toEqual(['option-conflict', 'jobs[0].indexed.maxFailedIndexes']);
  });
});

describe('resolveOptions accepts the boundaries and applies the policy defaults', () => {
  it('accepts each limit at its edge', () => {
    expect(() => resolveOptions(withJob({ activeDeadlineSeconds: 1, startingDeadlineSeconds: 10, backoffLimit: 0, ttlSecondsAfterFinished: 0 }))).not.toThrow();
    expect(() => resolveOptions(withJob({ kind: 'job', indexed: { completions: 100_000, parallelism: 100_000, backoffLimitPerIndex: 0, maxFailedIndexes: 100_000 } }))).not.toThrow();
    expect(() => resolveOptions({ ...base, imageTag: `_${'a'.repeat(127)}`, registry: 'registry.example.com:5000/team/sub_path' })).not.toThrow();
    expect(() => resolveOptions({ ...base, http: { ...http, port: 1 } })).not.toThrow();
    expect(() => resolveOptions({ ...base, http: { ...http, port: 65_535 } })).not.toThrow();
  });

  it('fills every job setting from the policy and derives app, namespace, CI and deploy', () => {
    const resolved = resolveOptions(base);
    const { tmpSizeLimit: _t, imageTag, registry, ...jobDefaults } = policy.jobDefaults;
    expect(resolved.jobs).toEqual([{ name: 'nightly-report', ...jobDefaults, env: {}, secretEnv: [], indexed: undefined, apiAccess: undefined }]);
    expect(resolved).toMatchObject({
      name: 'nightly-report', framework: policy.defaultFramework, namespace: 'nightly-report', registry, imageTag,
      app: { project: 'src/NightlyReport/NightlyReport.csproj', existing: false }, unmanaged: [], ci: 'github', deploy: false,
    });
    expect(resolved.http).toBeUndefined();
  });

  it('parallelism defaults to completions; requests and limits merge over the policy', () => {
    const job = resolveOptions(withJob({ kind: 'job', indexed: { completions: 5 }, requests: { cpu: '250m' }, limits: { memory: '1Gi' } })).jobs[0]!;
    expect(job.indexed).toEqual({ completions: 5, parallelism: 5 });
    expect(job.requests).toEqual({ ...policy.jobDefaults.requests, cpu: '250m' });
    expect(job.limits).toEqual({ ...policy.jobDefaults.limits, memory: '1Gi' });
  });

  it('an HTTP exposure gets the Gateway route and the shared names unless set', () => {
    expect(resolveOptions({ ...base, http }).http).toMatchObject({ ...http, route: 'gateway', gatewayName: 'shared-gateway', ingressClassName: 'nginx' });
    expect(resolveOptions({ ...base, http: { ...http, route: 'ingress', ingressClassName: 'traefik' } }).http).toMatchObject({ route: 'ingress', ingressClassName: 'traefik' });
  });

  it('an adopted app keeps its project path; an empty apiAccess list means none', () => {
    const resolved = resolveOptions({ ...base, existingApp: { project: 'src/Billing/Billing.csproj' }, jobs: [{ name: 'nightly-report', apiAccess: [] }] });
    expect(resolved.app).toEqual({ project: 'src/Billing/Billing.csproj', existing: true });
    expect(resolved.jobs[0]!.apiAccess).toBeUndefined();
  });
});

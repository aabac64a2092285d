/**
 * fast-check arbitraries for every option a team can set in `.projenrc.ts`, each within its valid range: the
 * property tests assert that whatever valid options are chosen, the output passes every check.
 */
import fc from 'fast-check';
import type { BatchJobOptions, BatchJobProjectOptions } from '../../src/project/options.js';
import { SECRET_NAME } from '../../src/util/secrets.js';

export const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/);
const schedules = ['0 2 * * *', '*/15 * * * 1-5', '@daily', '30 4 1,15 * *', '0 0 * * SUN', '5 */6 * * *', '0 9 * JAN-MAR MON', '@hourly', '0 0 29 2 *'];
const zones = ['Etc/UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Asia/Kolkata'];

/** Ordered from small to large, so a request picked at index i and a limit at index ≥ i keep request ≤ limit. */
const CPU = ['50m', '100m', '250m', '500m', '1', '2'];
const MEMORY = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi', '2Gi'];
const STORAGE = ['32Mi', '64Mi', '128Mi', '256Mi', '1Gi'];

const quantityPair = (scale: readonly string[]): fc.Arbitrary<[string, string]> =>
  fc
    .tuple(fc.nat({ max: scale.length - 1 }), fc.nat({ max: scale.length - 1 }))
    .map(([a, b]) => [scale[Math.min(a, b)]!, scale[Math.max(a, b)]!]);

const resources = fc.record(
  { cpu: quantityPair(CPU), memory: quantityPair(MEMORY), 'ephemeral-storage': quantityPair(STORAGE) },
  { requiredKeys: [] },
);

/**
 * Setting names; those the generator refuses as credentials (`A__APWd` ends in "pwd") are left out, since a valid
 * option must not be drawn into a refusal. The filter uses the generator's own pattern so the two cannot disagree.
 */
const envName = fc.stringMatching(/^[A-Z][A-Za-z0-9]{0,8}(__[A-Z][A-Za-z0-9]{0,8})?$/).filter((name) => !SECRET_NAME.test(name));
/** Plain settings: short words and numbers, never anything key-shaped. */
const envValue = fc.oneof(fc.integer({ min: 0, max: 100_000 }).map(String), fc.constantFrom('true', 'false', 'eu-west', 'Information', ''));

export function jobArbitrary(name: string): fc.Arbitrary<BatchJobOptions> {
  return fc
    .record(
      {
        kind: fc.constantFrom('cronjob', 'job'),
        restartPolicy: fc.constantFrom('Never', 'OnFailure'),
        schedule: fc.constantFrom(...schedules),
        timeZone: fc.constantFrom(...zones),
        concurrencyPolicy: fc.constantFrom('Allow', 'Forbid', 'Replace'),
        backoffLimit: fc.integer({ min: 0, max: 10 }),
        activeDeadlineSeconds: fc.integer({ min: 1, max: 7 * 86_400 }),
        startingDeadlineSeconds: fc.integer({ min: 10, max: 86_400 }),
        successfulJobsHistoryLimit: fc.integer({ min: 0, max: 10 }),
        failedJobsHistoryLimit: fc.integer({ min: 0, max: 10 }),
        ttlSecondsAfterFinished: fc.integer({ min: 0, max: 30 * 86_400 }),
        resources,
        env: fc.dictionary(envName, envValue, { maxKeys: 4 }),
        completions: fc.integer({ min: 1, max: 12 }),
        parallelism: fc.integer({ min: 1, max: 12 }),
        backoffLimitPerIndex: fc.integer({ min: 0, max: 5 }),
        maxFailedIndexes: fc.integer({ min: 0, max: 12 }),
        indexed: fc.boolean(),
        api: fc.boolean(),
        secret: fc.boolean(),
      },
      { requiredKeys: ['kind', 'restartPolicy'] },
    )
    .map((r) => {
      const cron = r.kind === 'cronjob';
      const options: Record<string, unknown> = { name, kind: r.kind, restartPolicy: r.restartPolicy };
      const copy = (keys: readonly (keyof typeof r)[]) => {
        for (const key of keys) if (r[key] !== undefined) options[key] = r[key];
      };
      copy(['backoffLimit', 'activeDeadlineSeconds', 'env']);
      if (cron) copy(['schedule', 'timeZone', 'concurrencyPolicy', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']);
      else copy(['ttlSecondsAfterFinished']);
      if (r.resources) {
        const entries = Object.entries(r.resources) as [string, [string, string]][];
        if (entries.length > 0) {
          options.requests = Object.fromEntries(entries.map(([k, [req]]) => [k, req]));
          options.limits = Object.fromEntries(entries.map(([k, [, lim]]) => [k, lim]));
        }
      }
      if (r.indexed && r.completions) {
        const completions = r.completions;
        const perIndex = r.backoffLimitPerIndex !== undefined && r.restartPolicy === 'Never';
        options.indexed = {
          completions,
          ...(r.parallelism !== undefined && { parallelism: Math.min(r.parallelism, completions) }),
          ...(perIndex && { backoffLimitPerIndex: r.backoffLimitPerIndex }),
          ...(perIndex && r.maxFailedIndexes !== undefined && { maxFailedIndexes: Math.min(r.maxFailedIndexes, completions) }),
        };
      }
      if (r.api) options.apiAccess = [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }];
      if (r.secret) options.secretEnv = [{ name: 'Db__Password', secretName: `${name}-db`, key: 'password' }];
      return options as unknown as BatchJobOptions;
    });
}

const registry = fc.constantFrom('registry.example.com/batch', 'ghcr.io/acme', 'localhost:5000', 'acr.example.io/team/jobs');
const imageTag = fc.oneof(fc.stringMatching(/^[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{1,2}$/), fc.stringMatching(/^[0-9a-f]{7,40}$/), fc.constant('v1.2.3-rc.1'));

const http = fc.record(
  {
    host: fc.constantFrom('app.example.com', 'reports.internal.example.org'),
    service: label,
    port: fc.integer({ min: 1, max: 65535 }),
    route: fc.constantFrom('ingress', 'gateway'),
    gatewayName: label,
    gatewayNamespace: label,
    ingressClassName: label,
  },
  { requiredKeys: ['host', 'service', 'port'] },
);

const instana = fc.oneof(
  fc.constant(false as const),
  fc.record(
    {
      zone: label,
      cluster: label,
      endpointHost: fc.constantFrom('ingress-red-saas.instana.io', 'instana.internal.example.com'),
      endpointPort: fc.integer({ min: 1, max: 65535 }),
      keysSecret: label,
    },
    { requiredKeys: [] },
  ),
);

/** Valid project options (no `outdir`). */
export const projectOptions: fc.Arbitrary<Omit<BatchJobProjectOptions, 'outdir'>> = fc
  .record(
    {
      name: label,
      framework: fc.constantFrom('net8.0', 'net10.0'),
      jobNames: fc.uniqueArray(label, { minLength: 1, maxLength: 3 }),
      namespace: label,
      registry,
      imageTag,
      http,
      instana,
      ci: fc.constantFrom('github', 'azure', 'gitlab', 'none'),
      deploy: fc.boolean(),
    },
    { requiredKeys: ['name', 'framework', 'jobNames'] },
  )
  .chain((r) =>
    fc.tuple(...r.jobNames.map(jobArbitrary)).map((jobs) => ({
      name: r.name,
      framework: r.framework as 'net8.0',
      jobs,
      ...(r.namespace !== undefined && { namespace: r.namespace }),
      ...(r.registry !== undefined && { registry: r.registry }),
      ...(r.imageTag !== undefined && { imageTag: r.imageTag }),
      ...(r.http !== undefined && { http: r.http as BatchJobProjectOptions['http'] }),
      ...(r.instana !== undefined && { instana: r.instana }),
      ...(r.ci !== undefined && { ci: r.ci as BatchJobProjectOptions['ci'] }),
      ...(r.deploy !== undefined && { deploy: r.deploy }),
    })),
  );

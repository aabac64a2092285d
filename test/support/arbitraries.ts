import fc from 'fast-check';
import type { BatchJobOptions, BatchJobProjectOptions } from '../../src/project/options.js';

// Arbitrary valid project options, shared by the generator's property test and check's.
const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,14}[a-z0-9])?$/);
const schedules = ['0 2 * * *', '*/15 * * * 1-5', '@daily', '30 4 1,15 * *', '0 0 * * SUN', '5 */6 * * *', '0 9 * JAN-MAR MON'];
const zones = ['Etc/UTC', 'Europe/Madrid', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe'];

const job = (name: string): fc.Arbitrary<BatchJobOptions> =>
  fc
    .record(
      {
        kind: fc.constantFrom('cronjob', 'job'),
        restartPolicy: fc.constantFrom('Never', 'OnFailure'),
        schedule: fc.constantFrom(...schedules),
        timeZone: fc.constantFrom(...zones),
        concurrencyPolicy: fc.constantFrom('Allow', 'Forbid', 'Replace'),
        backoffLimit: fc.integer({ min: 0, max: 10 }),
        completions: fc.integer({ min: 1, max: 12 }),
        perIndex: fc.boolean(),
        indexed: fc.boolean(),
        api: fc.boolean(),
        secret: fc.boolean(),
      },
      { requiredKeys: ['kind', 'restartPolicy'] },
    )
    .map((r) => {
      const cron = r.kind === 'cronjob';
      const options: Record<string, unknown> = { name, kind: r.kind, restartPolicy: r.restartPolicy };
      if (cron && r.schedule) Object.assign(options, { schedule: r.schedule });
      if (cron && r.timeZone) Object.assign(options, { timeZone: r.timeZone });
      if (cron && r.concurrencyPolicy) Object.assign(options, { concurrencyPolicy: r.concurrencyPolicy });
      if (r.backoffLimit !== undefined) options.backoffLimit = r.backoffLimit;
      if (r.indexed && r.completions) {
        options.indexed = {
          completions: r.completions,
          parallelism: Math.max(1, Math.ceil(r.completions / 2)),
          ...(r.perIndex && r.restartPolicy === 'Never' ? { backoffLimitPerIndex: 1, maxFailedIndexes: 0 } : {}),
        };
      }
      if (r.api) options.apiAccess = [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get'] }];
      if (r.secret) options.secretEnv = [{ name: 'Db__Password', secretName: `${name}-db`, key: 'password' }];
      return options as unknown as BatchJobOptions;
    });

export const projectOptions: fc.Arbitrary<Omit<BatchJobProjectOptions, 'outdir'>> = fc
  .record({
    name: label,
    framework: fc.constantFrom('net8.0', 'net10.0'),
    jobNames: fc.uniqueArray(label, { minLength: 1, maxLength: 3 }),
    http: fc.option(fc.record({ host: fc.constant('app.example.com'), service: label, port: fc.integer({ min: 1, max: 65535 }), route: fc.constantFrom('ingress', 'gateway') }), { nil: undefined }),
  })
  .chain((r) =>
    fc.tuple(...r.jobNames.map(job)).map((jobs) => ({
      name: r.name,
      framework: r.framework as 'net8.0',
      jobs,
      ...(r.http ? { http: r.http as BatchJobProjectOptions['http'] } : {}),
    })),
  );

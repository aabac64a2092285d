import fc from 'fast-check';
import { fakeAgentKey } from './fake-key.js';
import { policy } from '../../src/policy/index.js';
import { TRICKY_NAMES } from './names.js';

/**
 * Adversarial text: unicode of every plane, control characters, path separators and traversal, very long values,
 * keyword-like and generated-type-like names, near-misses of valid values. Mixed into every option below.
 */
const hostile: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.stringMatching(/^[\x00-\x1f\x7f\u0085\u2028\u202e\u200b a-z/\\.-]{1,30}$/),
  fc.constantFrom('..', '../x', '/etc', 'a/b', 'a\\b', '.', '~', '-x', '--help', ' ', '', 'latest', 'null', '${HOME}', '$(id)', '`id`', "a'b", 'a"b'),
  fc.integer({ min: 53, max: 400 }).map((n) => 'a'.repeat(n)),
  fc.constantFrom(...TRICKY_NAMES).map((n) => n.toUpperCase()),
);

/** Lowercase DNS labels, often ones that are C# keywords or generated/BCL type names once PascalCased. */
const label: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...TRICKY_NAMES),
  fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/),
  fc.integer({ min: 40, max: 52 }).map((n) => `a${'-b'.repeat(n)}`.slice(0, n)),
);

const schedules = fc.oneof(
  fc.constantFrom('0 2 * * *', '*/15 * * * 1-5', '@daily', '@hourly', '30 2 * * *', '0 0 29 2 *', '0 9 * JAN-MAR MON', '5 4 * * SUN'),
  fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 23 })).map(([m, h]) => `${m} ${h} * * *`),
);
const badSchedules = fc.constantFrom('0 0 * * * *', 'TZ=UTC 0 2 * * *', 'CRON_TZ=UTC 0 2 * * *', '61 * * * *', '* * * * 8', '0 2 * *');
const zones = fc.constantFrom('Etc/UTC', 'Europe/Madrid', 'America/Bogota', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/Argentina/Buenos_Aires');

/** An option: values the CLI must accept, and near misses it must refuse (hostile text is added to every option). */
interface OptionArbitrary {
  /** Command-line spelling. */
  readonly flag: string;
  readonly valid: fc.Arbitrary<string>;
  readonly invalid: fc.Arbitrary<string>;
}

/**
 * One entry per CLI option: the single table a new flag is added to (issue 9's Instana options, issue 10's
 * `--ci` …). Cases draw each option absent, valid, a near miss or hostile.
 */
export const OPTION_ARBITRARIES = {
  name: { flag: '--name', valid: label, invalid: fc.constantFrom('Nightly', 'a_b', '-a', 'a-', 'a.b', 'a'.repeat(53)) },
  framework: { flag: '--framework', valid: fc.constantFrom(...Object.keys(policy.frameworks)), invalid: fc.constantFrom('net6.0', 'NET8.0', 'net8') },
  kind: { flag: '--kind', valid: fc.constantFrom('cronjob', 'job'), invalid: fc.constantFrom('CronJob', 'deployment') },
  schedule: { flag: '--schedule', valid: schedules, invalid: badSchedules },
  timeZone: { flag: '--time-zone', valid: zones, invalid: fc.constantFrom('Local', 'Mars/Olympus', 'europe/madrid', '+02:00') },
  concurrencyPolicy: { flag: '--concurrency-policy', valid: fc.constantFrom('Allow', 'Forbid', 'Replace'), invalid: fc.constantFrom('forbid', 'Skip') },
  restartPolicy: { flag: '--restart-policy', valid: fc.constantFrom('Never', 'OnFailure'), invalid: fc.constantFrom('Always', 'never') },
  namespace: { flag: '--namespace', valid: label, invalid: fc.constantFrom('Kube_System', 'a.b') },
  registry: { flag: '--registry', valid: fc.constantFrom('registry.example.com/batch', 'ghcr.io/acme', 'localhost:5000', 'r.example.com/a/b-c'), invalid: fc.constantFrom('https://r.example.com', 'R.example.com', 'r.example.com/x:1') },
  imageTag: { flag: '--image-tag', valid: fc.constantFrom('0.1.0', '1.4.2', 'sha-abc123', 'v2'), invalid: fc.constantFrom('latest', 'v1+build', '.x') },
  ingressHost: { flag: '--ingress-host', valid: fc.constantFrom('reports.example.com', 'a.b', 'x'), invalid: fc.constantFrom('UPPER.example.com', '-bad.example.com', 'a..b') },
  ingressService: { flag: '--ingress-service', valid: label, invalid: fc.constantFrom('Web', 'web_1') },
  ingressPort: { flag: '--ingress-port', valid: fc.integer({ min: 1, max: 65535 }).map(String), invalid: fc.constantFrom('0', '65536', '8080.5', 'http', '-1') },
  route: { flag: '--route', valid: fc.constantFrom('gateway', 'ingress'), invalid: fc.constantFrom('nginx', 'Gateway') },
  lang: { flag: '--lang', valid: fc.constantFrom('en', 'es'), invalid: fc.constantFrom('fr', 'EN') },
  ci: { flag: '--ci', valid: fc.constantFrom('github', 'azure', 'gitlab', 'none'), invalid: fc.constantFrom('GitHub', 'jenkins') },
  // A pasted agent key (built at run time, never a literal) must be refused from any Instana field.
  instanaZone: { flag: '--instana-zone', valid: label, invalid: fc.integer({ min: 1, max: 1000 }).map(fakeAgentKey) },
  instanaCluster: { flag: '--instana-cluster', valid: label, invalid: fc.integer({ min: 1, max: 1000 }).map(fakeAgentKey) },
  instanaEndpoint: {
    flag: '--instana-endpoint',
    valid: fc.constantFrom('ingress-red-saas.instana.io:443', 'instana.example.com:1444'),
    invalid: fc.oneof(fc.constantFrom('no-port', 'host:99999', 'Host_Name:443'), fc.integer({ min: 1, max: 1000 }).map(fakeAgentKey)),
  },
  gatewayNamespace: { flag: '--gateway-namespace', valid: label, invalid: fc.constantFrom('Gateway_NS', 'a.b') },
  gatewaySection: { flag: '--gateway-section', valid: fc.constantFrom('https', 'web-tls'), invalid: fc.constantFrom('HTTPS', 'tls_1') },
} as const satisfies Record<string, OptionArbitrary>;

/** Options that only make sense together (the HTTP exposure). */
const HTTP_GROUP = ['ingressHost', 'ingressService', 'ingressPort', 'route', 'gatewayNamespace', 'gatewaySection'] as const;
/** CronJob-only options, which a `kind: job` refuses. */
const CRON_ONLY = ['schedule', 'timeZone', 'concurrencyPolicy'] as const;

export type OptionKey = keyof typeof OPTION_ARBITRARIES;

/** How one later job runs (given through the answers file, as the prompts would). */
const jobSettings = fc.record(
  {
    kind: fc.constantFrom('cronjob', 'job'),
    schedule: schedules,
    timeZone: zones,
    concurrencyPolicy: fc.constantFrom('Allow', 'Forbid', 'Replace'),
    restartPolicy: fc.constantFrom('Never', 'OnFailure'),
  },
  { requiredKeys: [] },
);

export interface FuzzCase {
  /** The positional directory, or undefined. */
  readonly directory?: string;
  readonly options: Partial<Record<OptionKey, string>>;
  /** `--job` values. */
  readonly jobs?: readonly string[];
  /** An answers file with per-job settings, when present. */
  readonly answersFile?: { jobs: Record<string, string>[] };
}

/** An option's value in a case where every answer should be accepted, or in one where anything goes. */
function draw(option: OptionArbitrary, clean: boolean): fc.Arbitrary<string | undefined> {
  if (clean) return fc.option(option.valid, { nil: undefined, freq: 2 });
  return fc.option(fc.oneof({ arbitrary: option.valid, weight: 3 }, { arbitrary: option.invalid, weight: 1 }, { arbitrary: hostile, weight: 1 }), { nil: undefined, freq: 2 });
}

/**
 * Half the cases are "clean" (every value valid, constraints between options respected) so that accepted
 * repositories are explored as much as refusals; the other half mixes near misses and hostile text into any option.
 */
export const fuzzCase: fc.Arbitrary<FuzzCase> = fc.boolean().chain((clean) =>
  fc
    .record({
      directory: fc.option(clean ? label : fc.oneof({ arbitrary: label, weight: 1 }, { arbitrary: hostile, weight: 2 }), { nil: undefined, freq: 4 }),
      options: fc.record(Object.fromEntries(Object.entries(OPTION_ARBITRARIES).map(([k, v]) => [k, draw(v, clean)])) as Record<OptionKey, fc.Arbitrary<string | undefined>>),
      http: fc.boolean(),
      jobs: fc.option(fc.uniqueArray(clean ? label : fc.oneof({ arbitrary: label, weight: 5 }, { arbitrary: hostile, weight: 1 }), { minLength: 1, maxLength: 4 }), { nil: undefined, freq: 2 }),
      perJob: fc.option(fc.array(jobSettings, { minLength: 1, maxLength: 4 }), { nil: undefined, freq: 3 }),
    })
    .map(({ directory, options, http, jobs, perJob }) => {
      const given: Partial<Record<OptionKey, string>> = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
      if (clean) {
        for (const key of HTTP_GROUP) if (!http) delete given[key];
        if (http) Object.assign(given, { ingressHost: given.ingressHost ?? 'reports.example.com', ingressService: given.ingressService ?? 'web', ingressPort: given.ingressPort ?? '8080' });
        if (given.kind === 'job') for (const key of CRON_ONLY) delete given[key];
      }
      const out: FuzzCase = { directory, options: given, jobs };
      if (!jobs || !perJob) return out;
      const settings = jobs.map((name, i) => {
        const job: Record<string, string> = { name, ...perJob[i % perJob.length] };
        if (clean && job.kind === 'job') for (const key of CRON_ONLY) delete job[key];
        // The first job takes the top-level flags; a clean case keeps it consistent with them.
        if (clean && i === 0) for (const key of [...CRON_ONLY, 'kind', 'restartPolicy']) delete job[key];
        return job;
      });
      return { ...out, jobs: undefined, answersFile: { jobs: settings } };
    }),
);

/** The command line of a case; values use `--flag=value` and the directory follows `--`, so no value reads as a flag. */
export function caseArgv(c: FuzzCase, answersPath?: string): string[] {
  const argv = ['--yes', '--no-install'];
  for (const [key, value] of Object.entries(c.options)) argv.push(`${OPTION_ARBITRARIES[key as OptionKey].flag}=${value}`);
  for (const job of c.jobs ?? []) argv.push(`--job=${job}`);
  if (answersPath) argv.push(`--answers=${answersPath}`);
  if (c.directory !== undefined) argv.push('--', c.directory);
  return argv;
}

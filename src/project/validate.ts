import { resolveInstana, type ResolvedInstana } from '../components/instana/resolve.js';
import { InvalidInputError } from '../errors.js';
import { policy, type Framework, type JobDefaults } from '../policy/index.js';
import { dnsLabelProblem } from '../util/names.js';
import { appIdentifier } from '../components/dotnet/identifiers.js';
import { looksLikeSecret } from '../util/secrets.js';
import { isSafeRelativePath } from '../util/paths.js';
import { parseStandardSchedule, timeZoneProblem } from '../validation/apiserver/index.js';
import { dns1123SubdomainProblems } from '../validation/apiserver/names.js';
import type { ApiAccessRule, BatchJobOptions, BatchJobProjectOptions, CiSystem, HttpExposureOptions, IndexedOptions, PackageManagement, RuntimeImage, SecretEnv } from './options.js';
import { DEFAULT_GATEWAY_NAMESPACE, DEFAULT_GATEWAY_SECTION } from '../components/kubernetes/route-defaults.js';
import { isTagNamedJob, JOB_NAME_TAG, JOB_NAME_TAG_MAX_LENGTH } from '../components/kubernetes/labels.js';

/** The CI systems `ci` accepts; the first is the default. */
export const CI_SYSTEMS: readonly CiSystem[] = ['github', 'azure', 'gitlab', 'none'];
/** The runtime images `runtimeImage` accepts; the first is the default. */
export const RUNTIME_IMAGES: readonly RuntimeImage[] = ['default', 'chiseled'];
/** The package-management modes `packageManagement` accepts; the first is the default. */
export const PACKAGE_MANAGEMENT: readonly PackageManagement[] = ['per-project', 'central'];

const EXAMPLE_NAME = 'nightly-report';

/** Throws {@link InvalidInputError} unless `value` is a lowercase DNS-1123 label of at most 52 characters. */
export function assertName(field: string, value: unknown): string {
  const text = typeof value === 'string' ? value : String(value ?? '');
  const problem = dnsLabelProblem(text);
  if (problem) throw new InvalidInputError(`name-${problem}`, field, text, EXAMPLE_NAME);
  return text;
}

export function isFramework(value: unknown): value is Framework {
  return typeof value === 'string' && Object.hasOwn(policy.frameworks, value);
}

export function assertFramework(field: string, value: unknown): Framework {
  if (!isFramework(value)) {
    throw new InvalidInputError('framework-unknown', field, String(value ?? ''), Object.keys(policy.frameworks).join('|'));
  }
  return value;
}

function assertEnum<T extends string>(field: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !allowed.includes(value as T)) {
    throw new InvalidInputError('enum-invalid', field, String(value ?? ''), allowed.join('|'));
  }
  return value as T;
}

function assertCount(field: string, value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError('number-invalid', field, String(value ?? ''), String(Math.max(min, 1)), `${min}..${max === Number.MAX_SAFE_INTEGER ? '' : max}`);
  }
  return value;
}

/** Throws unless `schedule` is one the apiserver accepts (robfig standard grammar, no TZ= prefix). */
export function assertSchedule(field: string, schedule: unknown): string {
  const text = String(schedule ?? '');
  const parsed = parseStandardSchedule(text);
  if (!parsed.ok) throw new InvalidInputError('schedule-invalid', field, text, '"0 2 * * *"', parsed.reason);
  return text;
}

export function assertTimeZone(field: string, timeZone: unknown): string {
  const text = String(timeZone ?? '');
  const problem = timeZoneProblem(text);
  if (problem) throw new InvalidInputError('time-zone-invalid', field, text, 'Europe/Madrid', problem);
  return text;
}

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const REGISTRY = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)*$/;

/** A job with every default applied: what the manifests are built from. */
export interface ResolvedJob extends Omit<JobDefaults, 'tmpSizeLimit' | 'imageTag' | 'registry'> {
  readonly name: string;
  readonly env: Readonly<Record<string, string>>;
  readonly secretEnv: readonly SecretEnv[];
  readonly indexed?: IndexedOptions;
  readonly apiAccess?: readonly ApiAccessRule[];
}

/** A fully resolved, validated set of project options (policy defaults applied). */
/** The managed console job host added next to an adopted app (`existingApp.jobHost`). */
export interface ResolvedJobHost {
  /** `src/Shop.Web.Jobs/Shop.Web.Jobs.csproj`. */
  readonly project: string;
  /** Projects it references, repository-relative. */
  readonly references: readonly string[];
}

/** Where the job host of the adopted app `project` lives: `src/Shop.Web/Shop.Web.csproj` → `src/Shop.Web.Jobs/Shop.Web.Jobs.csproj`. */
export function jobHostProject(project: string): string {
  const parts = project.split('/');
  const name = `${parts.pop()!.replace(/\.csproj$/, '')}.Jobs`;
  parts.pop();
  return [...parts, name, `${name}.csproj`].join('/');
}

export interface ResolvedOptions {
  readonly name: string;
  readonly framework: Framework;
  readonly namespace: string;
  readonly registry: string;
  readonly imageTag: string;
  readonly jobs: readonly ResolvedJob[];
  /** Path of the app's csproj and whether it existed before (adoption). */
  readonly app: { readonly project: string; readonly existing: boolean; readonly jobHost?: ResolvedJobHost };
  readonly unmanaged: readonly string[];
  readonly http?: Required<HttpExposureOptions>;
  /** Instana agent values; undefined when the team left the file out. */
  readonly instana?: ResolvedInstana;
  readonly ci: CiSystem;
  readonly runtimeImage: RuntimeImage;
  readonly deploy: boolean;
  readonly packageManagement: PackageManagement;
}

function resolveEnv(field: string, env: Readonly<Record<string, string>> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env ?? {})) {
    if (!ENV_NAME.test(name)) throw new InvalidInputError('env-name-invalid', `${field}.${name}`, name, 'Report__BatchSize');
    if (typeof value !== 'string') throw new InvalidInputError('answers-invalid', `${field}.${name}`, String(value), '"100"');
    if (looksLikeSecret(name, value)) {
      // Never echo the value: it may be a real key.
      throw new InvalidInputError('secret-literal', `${field}.${name}`, '', `secretEnv: [{ name: '${name}', secretName: 'app-secrets', key: '${name.toLowerCase()}' }]`);
    }
    out[name] = value;
  }
  return out;
}

function resolveSecretEnv(field: string, list: readonly SecretEnv[] | undefined): SecretEnv[] {
  return (list ?? []).map((entry, i) => {
    if (!ENV_NAME.test(entry.name)) throw new InvalidInputError('env-name-invalid', `${field}[${i}].name`, entry.name, 'Database__Password');
    if (dns1123SubdomainProblems(entry.secretName).length > 0) throw new InvalidInputError('name-invalid', `${field}[${i}].secretName`, entry.secretName, 'app-secrets');
    if (!entry.key) throw new InvalidInputError('name-empty', `${field}[${i}].key`, '', 'password');
    return { name: entry.name, secretName: entry.secretName, key: entry.key };
  });
}

function resolveIndexed(field: string, indexed: IndexedOptions | undefined, restartPolicy: string): IndexedOptions | undefined {
  if (!indexed) return undefined;
  const completions = assertCount(`${field}.completions`, indexed.completions, 1, 100_000);
  const parallelism = assertCount(`${field}.parallelism`, indexed.parallelism ?? completions, 1, completions);
  const out: { completions: number; parallelism: number; backoffLimitPerIndex?: number; maxFailedIndexes?: number } = { completions, parallelism };
  if (indexed.backoffLimitPerIndex !== undefined) {
    if (restartPolicy !== 'Never') {
      throw new InvalidInputError('option-conflict', `${field}.backoffLimitPerIndex`, String(indexed.backoffLimitPerIndex), "restartPolicy: 'Never'", 'per-index retries need restartPolicy Never');
    }
    out.backoffLimitPerIndex = assertCount(`${field}.backoffLimitPerIndex`, indexed.backoffLimitPerIndex);
  }
  if (indexed.maxFailedIndexes !== undefined) {
    if (out.backoffLimitPerIndex === undefined) {
      throw new InvalidInputError('option-conflict', `${field}.maxFailedIndexes`, String(indexed.maxFailedIndexes), 'backoffLimitPerIndex: 1', 'needs backoffLimitPerIndex');
    }
    out.maxFailedIndexes = assertCount(`${field}.maxFailedIndexes`, indexed.maxFailedIndexes, 0, completions);
  }
  return out;
}

export function resolveJob(job: BatchJobOptions, i: number, defaults: JobDefaults = policy.jobDefaults): ResolvedJob {
  const field = `jobs[${i}]`;
  const kind = job.kind === undefined ? defaults.kind : (assertEnum(`${field}.kind`, job.kind, ['cronjob', 'job'] as const));
  if (kind === 'job') {
    for (const key of ['schedule', 'timeZone', 'concurrencyPolicy', 'startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit'] as const) {
      if (job[key] !== undefined) {
        throw new InvalidInputError('option-conflict', `${field}.${key}`, String(job[key]), `kind: 'cronjob'`, `${key} applies only to kind cronjob`);
      }
    }
  }
  const restartPolicy = job.restartPolicy === undefined ? defaults.restartPolicy : assertEnum(`${field}.restartPolicy`, job.restartPolicy, ['Never', 'OnFailure'] as const);
  return {
    name: assertName(`${field}.name`, job.name),
    kind,
    schedule: assertSchedule(`${field}.schedule`, job.schedule ?? defaults.schedule),
    timeZone: assertTimeZone(`${field}.timeZone`, job.timeZone ?? defaults.timeZone),
    concurrencyPolicy: job.concurrencyPolicy === undefined ? defaults.concurrencyPolicy : assertEnum(`${field}.concurrencyPolicy`, job.concurrencyPolicy, ['Allow', 'Forbid', 'Replace'] as const),
    restartPolicy,
    backoffLimit: assertCount(`${field}.backoffLimit`, job.backoffLimit ?? defaults.backoffLimit),
    activeDeadlineSeconds: assertCount(`${field}.activeDeadlineSeconds`, job.activeDeadlineSeconds ?? defaults.activeDeadlineSeconds, 1),
    // The CronJob controller polls every 10 s: a shorter deadline can skip runs for good.
    startingDeadlineSeconds: assertCount(`${field}.startingDeadlineSeconds`, job.startingDeadlineSeconds ?? defaults.startingDeadlineSeconds, 10),
    successfulJobsHistoryLimit: assertCount(`${field}.successfulJobsHistoryLimit`, job.successfulJobsHistoryLimit ?? defaults.successfulJobsHistoryLimit),
    failedJobsHistoryLimit: assertCount(`${field}.failedJobsHistoryLimit`, job.failedJobsHistoryLimit ?? defaults.failedJobsHistoryLimit),
    ttlSecondsAfterFinished: assertCount(`${field}.ttlSecondsAfterFinished`, job.ttlSecondsAfterFinished ?? defaults.ttlSecondsAfterFinished),
    requests: { ...defaults.requests, ...job.requests },
    limits: { ...defaults.limits, ...job.limits },
    env: resolveEnv(`${field}.env`, job.env),
    secretEnv: resolveSecretEnv(`${field}.secretEnv`, job.secretEnv),
    indexed: resolveIndexed(`${field}.indexed`, job.indexed, restartPolicy),
    apiAccess: job.apiAccess && job.apiAccess.length > 0 ? job.apiAccess : undefined,
  };
}

function resolveHttp(http: HttpExposureOptions | undefined): ResolvedOptions['http'] {
  if (!http) return undefined;
  if (dns1123SubdomainProblems(http.host ?? '').length > 0) {
    throw new InvalidInputError('host-invalid', 'http.host', http.host ?? '', 'reports.example.com');
  }
  assertName('http.service', http.service);
  if (!Number.isInteger(http.port) || http.port < 1 || http.port > 65535) {
    throw new InvalidInputError('port-invalid', 'http.port', String(http.port ?? ''), '8080');
  }
  return {
    host: http.host,
    service: http.service,
    port: http.port,
    route: http.route === undefined ? 'gateway' : assertEnum('http.route', http.route, ['ingress', 'gateway'] as const),
    gatewayName: assertName('http.gatewayName', http.gatewayName ?? 'shared-gateway'),
    gatewayNamespace: assertName('http.gatewayNamespace', http.gatewayNamespace ?? DEFAULT_GATEWAY_NAMESPACE),
    gatewaySectionName: assertName('http.gatewaySectionName', http.gatewaySectionName ?? DEFAULT_GATEWAY_SECTION),
    ingressClassName: assertName('http.ingressClassName', http.ingressClassName ?? 'nginx'),
  };
}

/** Validates options from any source (`.projenrc.ts`, flags, answers file) and applies the policy's defaults. */
export function resolveOptions(options: BatchJobProjectOptions): ResolvedOptions {
  const name = assertName('name', options.name);
  const framework = assertFramework('framework', options.framework ?? policy.defaultFramework);
  const jobs = (options.jobs && options.jobs.length > 0 ? options.jobs : [{ name }]).map((job, i) => resolveJob(job, i));
  const seen = new Set<string>();
  for (const [i, job] of jobs.entries()) {
    if (seen.has(job.name)) throw new InvalidInputError('name-duplicate', `jobs[${i}].name`, job.name, `${job.name}-2`);
    seen.add(job.name);
  }
  const namespace = assertName('namespace', options.namespace ?? name);
  const registry = options.registry ?? policy.jobDefaults.registry;
  if (!REGISTRY.test(registry)) throw new InvalidInputError('registry-invalid', 'registry', registry, 'registry.example.com/team');
  const imageTag = options.imageTag ?? policy.jobDefaults.imageTag;
  if (!IMAGE_TAG.test(imageTag) || imageTag === 'latest') {
    throw new InvalidInputError('image-tag-invalid', 'imageTag', imageTag, '1.4.2');
  }
  // A one-off Job is named after the tag as it is (see jobNameReplacements): it must be valid in a Job name.
  const oneOff = jobs.find(isTagNamedJob);
  if (oneOff && (!JOB_NAME_TAG.test(imageTag) || imageTag.length > JOB_NAME_TAG_MAX_LENGTH)) {
    throw new InvalidInputError('image-tag-invalid', 'imageTag', imageTag, '1.4.2',
      `one-off Job ${oneOff.name} is named after the image tag: lower-case letters, digits, '.' and '-', at most ${JOB_NAME_TAG_MAX_LENGTH} characters`);
  }
  const app = options.existingApp ? resolveExistingApp(options.existingApp) : { project: `src/${appIdentifier(name)}/${appIdentifier(name)}.csproj`, existing: false };
  const unmanaged = (options.unmanaged ?? []).map((p, i) => assertRelativePath(`unmanaged[${i}]`, p));
  const ci = options.ci === undefined ? CI_SYSTEMS[0]! : assertEnum('ci', options.ci, CI_SYSTEMS);
  const runtimeImage = options.runtimeImage === undefined ? RUNTIME_IMAGES[0]! : assertEnum('runtimeImage', options.runtimeImage, RUNTIME_IMAGES);
  const packageManagement = options.packageManagement === undefined ? PACKAGE_MANAGEMENT[0]! : assertEnum('packageManagement', options.packageManagement, PACKAGE_MANAGEMENT);
  if (options.deploy !== undefined && typeof options.deploy !== 'boolean') throw new InvalidInputError('option-invalid', 'deploy', String(options.deploy), 'true');
  return {
    name, framework, namespace, registry, imageTag, jobs, app, unmanaged, http: resolveHttp(options.http),
    instana: resolveInstana(options.instana), ci, runtimeImage, deploy: options.deploy ?? false, packageManagement,
  };
}

function assertRelativePath(field: string, path: unknown): string {
  const text = String(path ?? '');
  if (!isSafeRelativePath(text)) {
    throw new InvalidInputError('option-invalid', field, text, 'deploy/k8s/legacy.yaml');
  }
  return text;
}

/** The app's csproj must sit in a folder: the Dockerfile copies that folder's tree after the restore layer. */
function resolveExistingApp(existing: NonNullable<BatchJobProjectOptions['existingApp']>): ResolvedOptions['app'] {
  const project = assertProjectPath('existingApp.project', existing.project);
  if (existing.jobHost !== undefined && typeof existing.jobHost !== 'boolean') {
    throw new InvalidInputError('option-invalid', 'existingApp.jobHost', String(existing.jobHost), 'true');
  }
  const references = (existing.jobHostReferences ?? []).map((p, i) => assertProjectPath(`existingApp.jobHostReferences[${i}]`, p));
  if (!existing.jobHost) {
    if (references.length > 0) throw new InvalidInputError('option-invalid', 'existingApp.jobHostReferences', references[0]!, 'jobHost: true, jobHostReferences: [\'src/Lib/Lib.csproj\']', 'needs jobHost: true');
    return { project, existing: true };
  }
  const host = jobHostProject(project);
  const clash = [project, ...references].find((p) => p === host);
  if (clash) throw new InvalidInputError('option-invalid', 'existingApp.jobHostReferences', clash, 'src/Lib/Lib.csproj', 'is the job host itself');
  return { project, existing: true, jobHost: { project: host, references: [...new Set(references)].sort() } };
}

function assertProjectPath(field: string, path: unknown): string {
  const text = assertRelativePath(field, path);
  if (!text.endsWith('.csproj') || !text.includes('/')) throw new InvalidInputError('option-invalid', field, text, 'src/Billing/Billing.csproj');
  return text;
}

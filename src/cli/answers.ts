import { InvalidInputError } from '../errors.js';
import { instanaOptions } from '../components/instana/answers.js';
import type { BatchJobOptions, BatchJobProjectOptions } from '../project/options.js';

/** How one job runs; the interactive flow asks these for every job. */
export interface JobAnswers {
  kind?: string;
  schedule?: string;
  timeZone?: string;
  concurrencyPolicy?: string;
  restartPolicy?: string;
}

export const JOB_ANSWER_KEYS: readonly (keyof JobAnswers)[] = ['kind', 'schedule', 'timeZone', 'concurrencyPolicy', 'restartPolicy'];

/**
 * Everything the CLI can be told, from flags, an answers file or prompts; flag names in camelCase.
 * Job-level flags (kind, schedule, …) apply to the first job; `jobAnswers[i]` (from the prompts) to job i.
 */
export interface Answers {
  directory?: string;
  name?: string;
  framework?: string;
  jobs?: string[];
  kind?: string;
  schedule?: string;
  timeZone?: string;
  concurrencyPolicy?: string;
  restartPolicy?: string;
  namespace?: string;
  registry?: string;
  imageTag?: string;
  ingressHost?: string;
  ingressService?: string;
  ingressPort?: string;
  route?: string;
  instanaZone?: string;
  instanaCluster?: string;
  instanaEndpoint?: string;
  /** `false` leaves the Instana values file out. */
  instana?: boolean;
  ci?: string;
  runtimeImage?: string;
  gatewayNamespace?: string;
  gatewaySection?: string;
  /** Per job, aligned with `jobs`; entry 0 adds to the top-level job fields. @default - policy defaults */
  jobAnswers?: JobAnswers[];
}

export const ANSWER_KEYS: readonly (keyof Answers)[] = [
  'directory', 'name', 'framework', 'jobs', 'kind', 'schedule', 'timeZone', 'concurrencyPolicy', 'restartPolicy',
  'namespace', 'registry', 'imageTag', 'ingressHost', 'ingressService', 'ingressPort', 'route',
  'instanaZone', 'instanaCluster', 'instanaEndpoint', 'instana',
  'ci', 'runtimeImage',
  'gatewayNamespace', 'gatewaySection',
];

/** The flag that sets an options field, so messages name what the user typed. */
const FLAGS: Record<string, string> = {
  'jobs[0].kind': '--kind',
  'jobs[0].schedule': '--schedule',
  'jobs[0].timeZone': '--time-zone',
  'jobs[0].concurrencyPolicy': '--concurrency-policy',
  'jobs[0].restartPolicy': '--restart-policy',
  imageTag: '--image-tag',
  'http.host': '--ingress-host',
  'http.service': '--ingress-service',
  'http.port': '--ingress-port',
  'http.route': '--route',
  'instana.zone': '--instana-zone',
  'instana.cluster': '--instana-cluster',
  'instana.endpointHost': '--instana-endpoint',
  'instana.endpointPort': '--instana-endpoint',
  instanaEndpoint: '--instana-endpoint',
  ci: '--ci',
  runtimeImage: '--runtime-image',
  'http.gatewayNamespace': '--gateway-namespace',
  'http.gatewaySectionName': '--gateway-section',
};

export function flagFor(field: string): string | undefined {
  return FLAGS[field];
}

/** Later sources win over earlier ones, key by key (file < flags < prompts). */
export function mergeAnswers(...sources: Partial<Answers>[]): Answers {
  const out: Answers = {};
  for (const source of sources) {
    for (const key of ANSWER_KEYS) {
      const value = source[key];
      if (value !== undefined) (out as Record<string, unknown>)[key] = value;
    }
    if (source.jobAnswers) out.jobAnswers = source.jobAnswers;
  }
  return out;
}

/**
 * The options the team chose, as `.projenrc.ts` will record them: nothing the user left out is filled in,
 * so policy defaults keep applying on every re-sync.
 */
export function toProjectOptions(answers: Answers, name: string): BatchJobProjectOptions {
  const jobNames = answers.jobs && answers.jobs.length > 0 ? answers.jobs : [name];
  const first: Record<string, unknown> = { name: jobNames[0] };
  if (answers.kind !== undefined) first.kind = answers.kind;
  if (answers.schedule !== undefined) first.schedule = answers.schedule;
  if (answers.timeZone !== undefined) first.timeZone = answers.timeZone;
  if (answers.concurrencyPolicy !== undefined) first.concurrencyPolicy = answers.concurrencyPolicy;
  if (answers.restartPolicy !== undefined) first.restartPolicy = answers.restartPolicy;
  Object.assign(first, answers.jobAnswers?.[0]);
  const jobs = [first as unknown as BatchJobOptions, ...jobNames.slice(1).map((j, i) => ({ name: j, ...answers.jobAnswers?.[i + 1] }) as BatchJobOptions)];

  const options: Record<string, unknown> = { name };
  if (answers.framework !== undefined) options.framework = answers.framework;
  // A single job named like the repo is the default: leave it out of .projenrc.ts when nothing else is set.
  if (!(jobs.length === 1 && Object.keys(first).length === 1 && first.name === name)) options.jobs = jobs;
  if (answers.namespace !== undefined) options.namespace = answers.namespace;
  if (answers.registry !== undefined) options.registry = answers.registry;
  if (answers.imageTag !== undefined) options.imageTag = answers.imageTag;
  if (answers.ci !== undefined) options.ci = answers.ci;
  if (answers.runtimeImage !== undefined) options.runtimeImage = answers.runtimeImage;

  const http = [answers.ingressHost, answers.ingressService, answers.ingressPort];
  if (http.some((v) => v !== undefined) || answers.route !== undefined) {
    const missing = (['ingressHost', 'ingressService', 'ingressPort'] as const).find((k) => answers[k] === undefined);
    if (missing) {
      const flag = `--${missing.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw new InvalidInputError('option-conflict', flag, '', '--ingress-host reports.example.com --ingress-service web --ingress-port 8080', 'HTTP exposure needs --ingress-host, --ingress-service and --ingress-port together');
    }
    const port = Number(answers.ingressPort);
    options.http = {
      host: answers.ingressHost,
      service: answers.ingressService,
      port: /^\d+$/.test(answers.ingressPort ?? '') ? port : Number.NaN,
      ...(answers.route !== undefined ? { route: answers.route } : {}),
      ...(answers.gatewayNamespace !== undefined ? { gatewayNamespace: answers.gatewayNamespace } : {}),
      ...(answers.gatewaySection !== undefined ? { gatewaySectionName: answers.gatewaySection } : {}),
    };
  }
  const instana = instanaOptions(answers);
  if (instana !== undefined) options.instana = instana;
  // New repositories manage package versions centrally (see BatchJobProjectOptions.packageManagement); the choice is
  // written into .projenrc.ts because the library's default stays per-project for repositories created before.
  options.packageManagement = 'central';
  return options as unknown as BatchJobProjectOptions;
}

import { parseArgs } from 'node:util';
import { InvalidInputError } from '../errors.js';

/** Flags of `create-batch-job`, before validation. Every prompt has one. */
export interface CreateArgs {
  readonly directory?: string;
  readonly yes: boolean;
  readonly name?: string;
  readonly framework?: string;
  readonly jobs?: readonly string[];
  readonly lang?: string;
  readonly answers?: string;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly install: boolean;
  readonly interactive?: boolean;
  readonly demo: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly kind?: string;
  readonly schedule?: string;
  readonly timeZone?: string;
  readonly concurrencyPolicy?: string;
  readonly restartPolicy?: string;
  readonly namespace?: string;
  readonly registry?: string;
  readonly imageTag?: string;
  readonly ingressHost?: string;
  readonly ingressService?: string;
  readonly ingressPort?: string;
  readonly route?: string;
  readonly instanaZone?: string;
  readonly instanaCluster?: string;
  readonly instanaEndpoint?: string;
  /** `--no-instana`: false. */
  readonly instana?: boolean;
  readonly ci?: string;
  readonly runtimeImage?: string;
  readonly gatewayNamespace?: string;
  readonly gatewaySection?: string;
  /** npm spec installed in place of this package's registry version (for unpublished builds). */
  readonly selfSpec?: string;
}

/** Every flag of `create-batch-job`; `--help` must document each (a unit test holds them together). */
export const CREATE_OPTIONS = {
  yes: { type: 'boolean', short: 'y', default: false },
  name: { type: 'string' },
  framework: { type: 'string' },
  job: { type: 'string', multiple: true },
  lang: { type: 'string' },
  answers: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  force: { type: 'boolean', default: false },
  install: { type: 'boolean', default: true },
  interactive: { type: 'boolean' },
  demo: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
  'self-spec': { type: 'string' },
  kind: { type: 'string' },
  schedule: { type: 'string' },
  'time-zone': { type: 'string' },
  'concurrency-policy': { type: 'string' },
  'restart-policy': { type: 'string' },
  namespace: { type: 'string' },
  registry: { type: 'string' },
  'image-tag': { type: 'string' },
  'ingress-host': { type: 'string' },
  'ingress-service': { type: 'string' },
  'ingress-port': { type: 'string' },
  route: { type: 'string' },
  'instana-zone': { type: 'string' },
  'instana-cluster': { type: 'string' },
  'instana-endpoint': { type: 'string' },
  instana: { type: 'boolean' },
  ci: { type: 'string' },
  'runtime-image': { type: 'string' },
  'gateway-namespace': { type: 'string' },
  'gateway-section': { type: 'string' },
} as const;

export function parseCreateArgs(argv: readonly string[]): CreateArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      allowNegative: true,
      strict: true,
      options: CREATE_OPTIONS,
    });
  } catch (error) {
    const message = (error as Error).message;
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    const code = (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'option-unknown' : 'option-invalid';
    throw new InvalidInputError(code, flag, '', 'create-batch-job my-job --yes');
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) {
    throw new InvalidInputError('argument-extra', 'directory', positionals[1]!, 'create-batch-job my-job');
  }
  if (values.lang !== undefined && values.lang !== 'en' && values.lang !== 'es') {
    throw new InvalidInputError('option-invalid', 'lang', values.lang, 'en|es');
  }
  return {
    directory: positionals[0],
    yes: values.yes,
    name: values.name,
    framework: values.framework,
    jobs: values.job?.flatMap((j) => j.split(',')).map((j) => j.trim()),
    lang: values.lang,
    answers: values.answers,
    dryRun: values['dry-run'],
    force: values.force,
    install: values.install,
    interactive: values.interactive,
    demo: values.demo,
    help: values.help,
    version: values.version,
    selfSpec: values['self-spec'],
    kind: values.kind,
    schedule: values.schedule,
    timeZone: values['time-zone'],
    concurrencyPolicy: values['concurrency-policy'],
    restartPolicy: values['restart-policy'],
    namespace: values.namespace,
    registry: values.registry,
    imageTag: values['image-tag'],
    ingressHost: values['ingress-host'],
    ingressService: values['ingress-service'],
    ingressPort: values['ingress-port'],
    route: values.route,
    instanaZone: values['instana-zone'],
    instanaCluster: values['instana-cluster'],
    instanaEndpoint: values['instana-endpoint'],
    instana: values.instana,
    ci: values.ci,
    runtimeImage: values['runtime-image'],
    gatewayNamespace: values['gateway-namespace'],
    gatewaySection: values['gateway-section'],
  };
}

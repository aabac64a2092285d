import type { Framework, ResourceQuantities } from '../policy/index.js';

/** A Secret key exposed to the job as an environment variable (the value never appears in the repo). */
export interface SecretEnv {
  /** Environment variable name, e.g. `Database__Password`. */
  readonly name: string;
  /** Name of an existing Secret in the namespace. */
  readonly secretName: string;
  /** Key inside that Secret. */
  readonly key: string;
}

/** A Kubernetes RBAC rule for a job that calls the API server. */
export interface ApiAccessRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  readonly resourceNames?: readonly string[];
}

/** Indexed completion mode: the Job runs `completions` pods, each reading its shard from `JOB_COMPLETION_INDEX`. */
export interface IndexedOptions {
  readonly completions: number;
  /** @default - same as completions */
  readonly parallelism?: number;
  /** Retries per index instead of per Job. @default - unset (Job-wide backoffLimit) */
  readonly backoffLimitPerIndex?: number;
  /** With backoffLimitPerIndex: how many indexes may fail before the Job fails. @default - unset */
  readonly maxFailedIndexes?: number;
}

/** One job the console app hosts; Kubernetes runs it by passing its name as the container argument. */
export interface BatchJobOptions {
  /** Job name: lowercase DNS-1123 label, at most 52 characters (the CronJob name limit). */
  readonly name: string;
  /**
   * `cronjob` runs on a schedule; `job` runs once when applied.
   * @default 'cronjob'
   */
  readonly kind?: 'cronjob' | 'job';
  /**
   * Cron schedule (5 fields or a descriptor such as `@daily`), read in `timeZone`. CronJobs only.
   * @default '0 2 * * *'
   */
  readonly schedule?: string;
  /**
   * IANA time zone of the schedule (`spec.timeZone`). CronJobs only.
   * @default 'Etc/UTC'
   */
  readonly timeZone?: string;
  /**
   * What to do when a run is due while the previous one still runs. CronJobs only.
   * @default 'Forbid'
   */
  readonly concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  /**
   * `Never` lets a pod failure policy fail the Job at once on the configuration-error exit code;
   * `OnFailure` restarts the container in place and allows no pod failure policy.
   * @default 'Never'
   */
  readonly restartPolicy?: 'Never' | 'OnFailure';
  /** Retries before the Job is marked failed. @default 3 */
  readonly backoffLimit?: number;
  /** Hard limit on a Job's run time, in seconds. @default 3600 */
  readonly activeDeadlineSeconds?: number;
  /** How late a missed CronJob run may still start, in seconds (≥ 10). @default 300 */
  readonly startingDeadlineSeconds?: number;
  /** Finished Jobs a CronJob keeps. @default 3 */
  readonly successfulJobsHistoryLimit?: number;
  /** Failed Jobs a CronJob keeps. @default 5 */
  readonly failedJobsHistoryLimit?: number;
  /** Seconds a finished standalone Job is kept. @default 86400 */
  readonly ttlSecondsAfterFinished?: number;
  /** Container requests. @default - the policy's (100m CPU, 128Mi memory, 64Mi ephemeral storage) */
  readonly requests?: Partial<ResourceQuantities>;
  /** Container limits. @default - the policy's (1 CPU, 512Mi memory, 256Mi ephemeral storage) */
  readonly limits?: Partial<ResourceQuantities>;
  /** Non-secret settings, delivered through a ConfigMap as environment variables. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** Secret keys delivered as environment variables through `secretKeyRef`. @default [] */
  readonly secretEnv?: readonly SecretEnv[];
  /** Indexed completion mode. @default - NonIndexed */
  readonly indexed?: IndexedOptions;
  /** API access; when set, a least-privilege Role/RoleBinding is generated and the token mounted. @default - none */
  readonly apiAccess?: readonly ApiAccessRule[];
}

/** Optional HTTP exposure for a web front that lives in the same repository. */
export interface HttpExposureOptions {
  /** Public host name, e.g. `reports.example.com`. */
  readonly host: string;
  /** Name of the Service to route to. */
  readonly service: string;
  /** Service port. */
  readonly port: number;
  /**
   * `ingress`: networking.k8s.io Ingress with headers from a `custom-headers` ConfigMap;
   * `gateway`: Gateway API HTTPRoute with a ResponseHeaderModifier filter.
   * @default 'gateway'
   */
  readonly route?: 'ingress' | 'gateway';
  /** Gateway the HTTPRoute attaches to. @default 'shared-gateway' */
  readonly gatewayName?: string;
  /**
   * Namespace of that Gateway (platform-owned, not the app's). Its listener must allow routes from the app
   * namespace (`allowedRoutes.namespaces`); no ReferenceGrant is needed for a route attaching to a Gateway.
   * @default 'gateway-system'
   */
  readonly gatewayNamespace?: string;
  /** Listener of the Gateway the route attaches to (`parentRefs[].sectionName`): an HTTPS one. @default 'https' */
  readonly gatewaySectionName?: string;
  /** IngressClass for the Ingress. @default 'nginx' */
  readonly ingressClassName?: string;
}

/**
 * Values of the managed `deploy/instana/values.yaml` (instana-agent Helm chart). Never key material: the
 * agent key lives in a Secret the cluster admin creates, named by `keysSecret`.
 */
export interface InstanaOptions {
  /** Instana zone of the cluster's hosts (`zone.name`). @default 'batch-jobs' */
  readonly zone?: string;
  /** Cluster name shown in Instana (`cluster.name`). @default 'batch-jobs-cluster' */
  readonly cluster?: string;
  /** Instana backend host the agent reports to (`agent.endpointHost`). @default 'ingress-red-saas.instana.io' */
  readonly endpointHost?: string;
  /** Instana backend port (`agent.endpointPort`, written as a string). @default 443 */
  readonly endpointPort?: number;
  /** Existing Secret holding the agent key under `key` (`agent.keysSecret`). @default 'instana-agent-key' */
  readonly keysSecret?: string;
}

/** An app that existed before the repo was adopted (`batch-job adopt`). */
export interface ExistingAppOptions {
  /** Path of the app's `.csproj`, relative to the repo root, inside a folder (e.g. `src/Billing/Billing.csproj`). */
  readonly project: string;
  /**
   * Adds a managed console job host next to the app (`<App>.Jobs/<App>.Jobs.csproj` beside the app's folder, with
   * the same managed `JobHost.cs` a new repository gets): the CronJobs then run that host with the job name as
   * argument, and the app keeps its own code and command line. `batch-job adopt` turns it on when it finds
   * in-process schedules (or with `--job-host`).
   * @default false
   */
  readonly jobHost?: boolean;
  /**
   * Projects the job host references (repository-relative `.csproj` paths), so its job classes can resolve the
   * original job code through dependency injection. Written into the team-owned host project when it is created;
   * the image's restore layer copies them (and what they reference) on every synthesis.
   * @default []
   */
  readonly jobHostReferences?: readonly string[];
}

/** CI systems whose pipelines the generator writes. */
export type CiSystem = 'github' | 'azure' | 'gitlab' | 'none';

/**
 * Final stage of the image: `default` is the policy's runtime image (Debian, with a shell); `chiseled` is the
 * Ubuntu chiseled one (no shell, no package manager, no ICU: the app is built with invariant globalization).
 */
export type RuntimeImage = 'default' | 'chiseled';
/** See {@link BatchJobProjectOptions.packageManagement}. */
export type PackageManagement = 'central' | 'per-project';

/** Options of {@link BatchJobProject}, as written in the generated repository's `.projenrc.ts`. */
export interface BatchJobProjectOptions {
  /** Repository and application name: lowercase DNS-1123 label, at most 52 characters. */
  readonly name: string;
  /**
   * Target framework of the generated .NET projects.
   * @default - the policy's default framework (`net8.0` in policy 1.x)
   */
  readonly framework?: Framework;
  /**
   * Jobs hosted by the console app.
   * @default - one CronJob named after the repository
   */
  readonly jobs?: readonly BatchJobOptions[];
  /**
   * Kubernetes namespace of every object (set by kustomize).
   * @default - the repository name
   */
  readonly namespace?: string;
  /**
   * Registry (and path) the image is pushed to; the image is `<registry>/<name>:<imageTag>`.
   * @default 'registry.example.com/batch'
   */
  readonly registry?: string;
  /**
   * Image tag deployed by `kubectl apply -k deploy/k8s`: a version or commit SHA, never `latest`.
   * @default '0.1.0'
   */
  readonly imageTag?: string;
  /**
   * The app of an adopted repository: no C# samples are written and the Dockerfile builds this project.
   * @default - a new app at `src/<App>/<App>.csproj` with samples
   */
  readonly existingApp?: ExistingAppOptions;
  /**
   * Paths the team keeps owning although the policy would manage them (an adopted repo's own Dockerfile,
   * say). They are not synthesised; `batch-job check` still applies the policy's rules to them.
   * @default []
   */
  readonly unmanaged?: readonly string[];
  /**
   * Instana agent Helm values; `false` leaves `deploy/instana/values.yaml` out (the app still exports OTLP).
   * @default - the policy's Instana defaults
   */
  readonly instana?: InstanaOptions | false;
  /** HTTP exposure for a web front in the same repo. @default - none */
  readonly http?: HttpExposureOptions;
  /**
   * CI system the pipelines are written for: GitHub Actions (with Dependabot), Azure Pipelines, GitLab CI or
   * none. Changing it and re-syncing deletes the previous system's pipeline files.
   * @default 'github'
   */
  readonly ci?: CiSystem;
  /**
   * Runtime image of the Dockerfile's final stage. `chiseled` (Ubuntu chiseled: smaller, no shell or package
   * manager, fewer CVEs) also sets `InvariantGlobalization` in `Directory.Build.props`, because the image has no
   * ICU; it has no time-zone data either, and `kubectl exec` finds no shell (use `kubectl debug` instead).
   * @default 'default'
   */
  readonly runtimeImage?: RuntimeImage;
  /**
   * Also write a deploy pipeline (behind an environment approval; run by hand with an older tag to roll back).
   * @default false
   */
  readonly deploy?: boolean;
  /**
   * How the .NET projects get their NuGet package versions.
   *
   * - `central`: central package management. The managed `Directory.Packages.props` pins the policy's versions
   *   and imports the team-owned `Directory.Packages.team.props`, where the team pins the packages it adds
   *   (`<PackageVersion Include="Some.Package" Version="1.2.3" />`, then `<PackageReference Include="Some.Package" />`
   *   without a version in the project). NuGet lock files (`packages.lock.json`, written by the first restore:
   *   commit them) are enforced by CI and the image build (`dotnet restore --locked-mode`).
   * - `per-project`: each project file carries its package versions, as repositories created before central
   *   management have. A re-sync never rewrites team-owned project files, so such a repository stays here until
   *   the team moves the versions out of its project files and sets `central`.
   *
   * `create-batch-job` writes `central` into every new `.projenrc.ts`.
   * @default 'per-project'
   */
  readonly packageManagement?: PackageManagement;
  /**
   * Directory the project is synthesised into.
   * @default process.cwd()
   */
  readonly outdir?: string;
  /**
   * Language of the team-owned samples written once (README).
   * @default 'en'
   */
  readonly lang?: 'en' | 'es';
  /**
   * Print the applied policy version (and, after an upgrade, what changed) when synthesis ends.
   * @default true
   */
  readonly logSummary?: boolean;
  /**
   * Version spec of `create-batch-job` recorded in the managed `package.json`.
   * @default - the version of the package doing the synthesis
   */
  readonly packageVersion?: string;
}

/** A .NET target framework the policy supports. */
export type Framework = 'net8.0' | 'net10.0';

/** Everything that changes with the target framework, kept together so one switch moves them all. */
export interface FrameworkPolicy {
  /** Target framework moniker written to `Directory.Build.props`. */
  readonly tfm: Framework;
  /** SDK feature band written to `global.json` (`rollForward: latestMajor` lets newer SDKs build it). */
  readonly sdkVersion: string;
  /** Pinned SDK image used by the Dockerfile's build stage (tag, never `latest`). */
  readonly sdkImage: string;
  /** Pinned runtime image used by the Dockerfile's final stage. */
  readonly runtimeImage: string;
  /**
   * Ubuntu chiseled runtime image, the final stage with `runtimeImage: 'chiseled'`: no shell, no package manager,
   * no ICU or time-zone data, and the non-root `app` user (the policy's `containerUid`) built in.
   */
  readonly chiseledRuntimeImage: string;
  /**
   * Pinned runtime image with the ASP.NET Core shared framework, for an adopted app that needs it (Web SDK or a
   * `Microsoft.AspNetCore.App` framework reference): the plain runtime image cannot start such an app.
   */
  readonly aspnetRuntimeImage: string;
  /** Date Microsoft ends support (ISO). Past it, the CLI warns. */
  readonly endOfSupport: string;
  /** Package versions for the generated projects, pinned to versions that restore from the NuGet feed. */
  readonly packages: Readonly<Record<string, string>>;
}

/** A NuGet package id pattern the policy bans; `*` at the end matches any suffix. */
export interface BannedPackage {
  readonly pattern: string;
  /** Why it is banned, shown in the build error. */
  readonly reason: string;
  /** Root namespaces of its API: `BannedSymbols.txt` bans them (`N:`), so a copied-in source or an unlisted fork fails too. */
  readonly namespaces: readonly string[];
}

/** A symbol banned through Microsoft.CodeAnalysis.BannedApiAnalyzers (RS0030). */
export interface BannedSymbol {
  /** Documentation comment ID: `T:` type, `N:` namespace, `M:` method. */
  readonly id: string;
  readonly reason: string;
}

/** Exit codes shared by the .NET job host and the Kubernetes manifests (design §3). */
export interface ExitCodes {
  readonly success: number;
  /** Unexpected or transient failure: Kubernetes retries up to `backoffLimit`. */
  readonly failure: number;
  /** Permanent failure such as invalid configuration: `podFailurePolicy` fails the Job without retry. */
  readonly invalidConfiguration: number;
  /** Stopped by SIGTERM (128 + 15). */
  readonly terminated: number;
}

/** Container resources, in Kubernetes quantity syntax. */
export interface ResourceQuantities {
  readonly cpu: string;
  readonly memory: string;
  readonly 'ephemeral-storage': string;
}

/** Defaults for every Job/CronJob the generator writes; each can be overridden per job in `.projenrc.ts`. */
export interface JobDefaults {
  readonly kind: 'cronjob' | 'job';
  readonly schedule: string;
  /** IANA zone written to `spec.timeZone` (the schedule is never read in the controller's local time). */
  readonly timeZone: string;
  readonly concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  readonly restartPolicy: 'Never' | 'OnFailure';
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds: number;
  /** At least 10: the CronJob controller polls every 10 s. */
  readonly startingDeadlineSeconds: number;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  /** Standalone Jobs only; a CronJob's history limits clean up its Jobs. */
  readonly ttlSecondsAfterFinished: number;
  readonly requests: ResourceQuantities;
  readonly limits: ResourceQuantities;
  /** Size of the writable `/tmp` emptyDir that a read-only root file system needs. */
  readonly tmpSizeLimit: string;
  /** Image tag used until the team sets one: a version, never `latest`. */
  readonly imageTag: string;
  readonly registry: string;
}

/** Response headers for HTTP exposure (OWASP secure headers). `X-XSS-Protection` is deliberately absent. */
export type SecurityHeaders = Readonly<Record<string, string>>;

/** OpenTelemetry wiring shared by the generated app (flush bounds) and the manifests (where OTLP goes). */
export interface TelemetryPolicy {
  /** Port of the node-local agent's OTLP receiver the manifests point at. */
  readonly otlpPort: number;
  /** `OTEL_EXPORTER_OTLP_PROTOCOL` that port speaks. */
  readonly otlpProtocol: 'grpc' | 'http/protobuf';
  /** Most seconds the app spends flushing telemetry before it exits. */
  readonly flushSeconds: number;
  /** OTLP export timeout unless `OTEL_EXPORTER_OTLP_TIMEOUT` is set (the SDK default of 10 s is too long for a job). */
  readonly exportTimeoutMilliseconds: number;
}

/** Defaults of the managed `deploy/instana/values.yaml` (instana-agent Helm chart). */
export interface InstanaPolicy {
  /** Namespace the agent is installed into (README commands). */
  readonly namespace: string;
  /** Secret holding the agent key (`key`), referenced by `agent.keysSecret`. */
  readonly keysSecret: string;
  readonly endpointHost: string;
  readonly endpointPort: number;
  readonly zone: string;
  readonly cluster: string;
}

/** The changes one policy version made, one line each (English). */
export interface ChangelogEntry {
  readonly version: string;
  readonly changes: readonly string[];
}

/** What the generated CI pipelines run with; moving a version here moves every system's pipeline. */
export interface CiPolicy {
  /** Node.js major used to run projen in CI. */
  readonly nodeVersion: string;
  /** Branch whose builds push the image and may deploy. */
  readonly mainBranch: string;
  /** Git tags starting with this prefix are releases; the image also gets the tag without it. */
  readonly versionTagPrefix: string;
  /** kubectl release installed to render and apply the manifests. */
  readonly kubectlVersion: string;
  /** GitHub Actions, pinned to released major versions. */
  readonly githubActions: Readonly<Record<'checkout' | 'setupDotnet' | 'setupNode' | 'setupKubectl' | 'uploadArtifact' | 'downloadArtifact' | 'uploadSarif', string>>;
  /** Azure Pipelines tasks, pinned to major versions. */
  readonly azureTasks: Readonly<Record<'useDotnet' | 'node' | 'kubectl' | 'publishTestResults' | 'publishArtifact', string>>;
  /** GitLab CI images (pinned tags) for the jobs that do not build .NET (those use the policy's SDK image). */
  readonly gitlabImages: Readonly<Record<'node' | 'kubectl' | 'docker' | 'dockerDaemon', string>>;
  /** .NET tool GitLab uses to turn TRX test results into the JUnit XML its test view reads. */
  readonly trx2junitVersion: string;
}

/** One published version of the policy. */
export interface Policy {
  /** Semantic version of the policy data. */
  readonly version: string;
  /** Human title of the policy, named in build errors. */
  readonly name: string;
  readonly defaultFramework: Framework;
  readonly frameworks: Readonly<Record<Framework, FrameworkPolicy>>;
  readonly bannedPackages: readonly BannedPackage[];
  readonly bannedSymbols: readonly BannedSymbol[];
  readonly exitCodes: ExitCodes;
  readonly jobDefaults: JobDefaults;
  /** Contents of the managed `.editorconfig` (the org's code style); `undefined`: the policy ships none. */
  readonly editorConfig?: string;
  readonly securityHeaders: SecurityHeaders;
  /** Seconds the app gets between SIGTERM and SIGKILL. */
  readonly terminationGracePeriodSeconds: number;
  /** Non-root UID the runtime images run as (the `app` user of Microsoft's images). */
  readonly containerUid: number;
  readonly telemetry: TelemetryPolicy;
  readonly instana: InstanaPolicy;
  readonly ci: CiPolicy;
  /** What changed in each version, newest first; a re-sync prints the entries newer than the repo's record. */
  readonly changelog: readonly ChangelogEntry[];
}

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

/** The changes one policy version made, one line each (English). */
export interface ChangelogEntry {
  readonly version: string;
  readonly changes: readonly string[];
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
  /** What changed in each version, newest first; a re-sync prints the entries newer than the repo's record. */
  readonly changelog: readonly ChangelogEntry[];
}

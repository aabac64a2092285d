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
  /** Seconds the app gets between SIGTERM and SIGKILL. */
  readonly terminationGracePeriodSeconds: number;
  /** Non-root UID the runtime images run as (the `app` user of Microsoft's images). */
  readonly containerUid: number;
  /** What changed in this version, newest first (one line each, English). */
  readonly changelog: readonly string[];
}

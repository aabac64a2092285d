import { createHash } from 'node:crypto';
import { XMLBuilder } from 'fast-xml-parser';
import type { BannedPackage, BannedSymbol, Framework, FrameworkPolicy, Policy } from '../../policy/index.js';

/** One job hosted by the generated console app. */
export interface DotnetJob {
  /** DNS-1123 label, used as the command-line job name and in Kubernetes object names (`nightly-report`). */
  readonly name: string;
  /** C# class name of the job (`NightlyReportJob`); also the appsettings section of its options. */
  readonly className: string;
}

/** What the .NET files of a generated repository are built from. */
export interface DotnetContext {
  /** PascalCase app name: project, assembly, root namespace and solution name (`NightlyReport`). */
  readonly appName: string;
  /** DNS-1123 label of the repository (`nightly-report`). */
  readonly name: string;
  readonly framework: Framework;
  readonly jobs: readonly DotnetJob[];
  readonly policy: Policy;
  /** Whether the managed job host and its telemetry are generated (not for an adopted app). @default false */
  readonly telemetry?: boolean;
  /**
   * Builds with `InvariantGlobalization`: required by the chiseled runtime image, which has no ICU (a culture
   * lookup would otherwise fail at start-up).
   * @default false
   */
  readonly invariantGlobalization?: boolean;
  /**
   * An adopted repository, which may use central package management: the analyzer is then referenced in a form
   * valid both with and without it. @default false
   */
  readonly adopted?: boolean;
  /**
   * Central package management with lock files (`Directory.Packages.props`), or versions in each project file.
   * @default false
   */
  readonly centralPackages?: boolean;
}

/** Repository-relative paths of the .NET files (forward slashes). */
export interface DotnetLayout {
  readonly solution: string;
  readonly directoryBuildProps: string;
  readonly directoryBuildTargets: string;
  /** Managed: central package versions (with `centralPackages`). */
  readonly directoryPackagesProps: string;
  /** Team-owned: the team's own package versions, imported by the managed one (with `centralPackages`). */
  readonly teamPackagesProps: string;
  readonly bannedSymbols: string;
  readonly globalJson: string;
  readonly appDir: string;
  readonly appCsproj: string;
  readonly appSettings: string;
  readonly programCs: string;
  readonly jobHostCs: string;
  readonly jobTelemetryCs: string;
  readonly testsDir: string;
  readonly testsCsproj: string;
  /** Job class file, per job. */
  jobCs(job: DotnetJob): string;
  /** Test class file, per job. */
  jobTestsCs(job: DotnetJob): string;
}

/** Packages of the console app; versions come from the policy. */
export const APP_PACKAGES = ['Microsoft.Extensions.Hosting', 'Microsoft.Extensions.Options.DataAnnotations'] as const;
/**
 * OpenTelemetry packages of the managed `JobTelemetry.cs`. Referenced from the managed `Directory.Build.props`
 * (not the team's csproj) so that a re-sync which adds the telemetry file also adds what it needs.
 */
export const TELEMETRY_PACKAGES = ['OpenTelemetry', 'OpenTelemetry.Extensions.Hosting', 'OpenTelemetry.Exporter.OpenTelemetryProtocol'] as const;
/** Packages of the test project; versions come from the policy. */
export const TEST_PACKAGES = ['Microsoft.NET.Test.Sdk', 'xunit', 'xunit.runner.visualstudio'] as const;
/** Analyzer package referenced by every project through `Directory.Build.props`. */
export const BANNED_API_ANALYZERS = 'Microsoft.CodeAnalysis.BannedApiAnalyzers';
/** Item types the banned-package target inspects. */
export const PACKAGE_ITEM_TYPES = ['PackageReference', 'PackageVersion', 'GlobalPackageReference'] as const;
/** The team-owned file of package versions the managed `Directory.Packages.props` imports. */
export const TEAM_PACKAGES_PROPS = 'Directory.Packages.team.props';
/** Error code of the banned-package build error. */
export const BANNED_PACKAGE_ERROR_CODE = 'BATCHJOB001';

/**
 * Defaults of the sample job's options (`<Job>Options` in `templates/dotnet/Job.cs.hbs`). `appSettings` writes them;
 * the template declares the same properties with the same defaults (a unit test keeps the two in step).
 */
export const SAMPLE_JOB_SETTINGS = { ItemCount: 1000, BatchSize: 100, OutputDirectory: '' } as const;

export function dotnetLayout(ctx: DotnetContext): DotnetLayout {
  const app = ctx.appName;
  const appDir = `src/${app}`;
  const testsDir = `tests/${app}.Tests`;
  return {
    solution: `${app}.sln`,
    directoryBuildProps: 'Directory.Build.props',
    directoryBuildTargets: 'Directory.Build.targets',
    directoryPackagesProps: 'Directory.Packages.props',
    teamPackagesProps: TEAM_PACKAGES_PROPS,
    bannedSymbols: 'BannedSymbols.txt',
    globalJson: 'global.json',
    appDir,
    appCsproj: `${appDir}/${app}.csproj`,
    appSettings: `${appDir}/appsettings.json`,
    programCs: `${appDir}/Program.cs`,
    jobHostCs: `${appDir}/JobHost.cs`,
    jobTelemetryCs: `${appDir}/JobTelemetry.cs`,
    testsDir,
    testsCsproj: `${testsDir}/${app}.Tests.csproj`,
    jobCs: (job) => `${appDir}/Jobs/${job.className}.cs`,
    jobTestsCs: (job) => `${testsDir}/${job.className}Tests.cs`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// XML helpers

type XmlValue = string | number | boolean | XmlNode | XmlNode[];
interface XmlNode {
  [key: string]: XmlValue | undefined;
}

const xmlBuilder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  commentPropName: '#comment',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
});

function buildXml(root: XmlNode): string {
  return xmlBuilder.build(root) as string;
}

/**
 * MSBuild-escapes text that ends up in a property, item or attribute value, so that policy text containing
 * `$`, `@`, `%`, `;` or `'` is shown literally instead of being expanded.
 */
export function msbuildEscape(text: string): string {
  return text.replace(/[%$@;'*?]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

function frameworkPolicy(ctx: DotnetContext): FrameworkPolicy {
  const fw = ctx.policy.frameworks[ctx.framework];
  if (!fw) throw new Error(`policy ${ctx.policy.version} has no framework '${ctx.framework}'`);
  return fw;
}

function packageVersion(ctx: DotnetContext, id: string): string {
  const version = frameworkPolicy(ctx).packages[id];
  if (!version) throw new Error(`policy ${ctx.policy.version} pins no version of '${id}' for ${ctx.framework}`);
  return version;
}

/** A package reference: with its version per project, without it under central management (the version is in
 * `Directory.Packages.props`, and NuGet refuses a version on a reference there: NU1008). */
function packageReference(ctx: DotnetContext, id: string, extra: XmlNode = {}): XmlNode {
  return { '@_Include': id, ...(ctx.centralPackages ? {} : { '@_Version': packageVersion(ctx, id) }), ...extra };
}

/** `8.0` for `net8.0`: the analyzer rule set follows the framework so SDK 8 and SDK 10 report the same rules. */
function analysisLevel(framework: Framework): string {
  return framework.replace(/^net/, '');
}

// ---------------------------------------------------------------------------------------------------------------
// Managed files

/** `Directory.Build.props` (managed): framework, strictness and analyzers for every project of the repository. */
export function directoryBuildProps(ctx: DotnetContext): string {
  const fw = frameworkPolicy(ctx);
  return buildXml({
    Project: {
      PropertyGroup: [
        {
          '#comment': ` Policy: ${ctx.policy.name} (version ${ctx.policy.version}) `,
          TargetFramework: fw.tfm,
          Nullable: 'enable',
          ImplicitUsings: 'enable',
          TreatWarningsAsErrors: 'true',
          WarningsAsErrors: '$(WarningsAsErrors);RS0030;nullable',
          EnableNETAnalyzers: 'true',
          AnalysisLevel: analysisLevel(fw.tfm),
          AnalysisMode: 'Recommended',
          CodeAnalysisTreatWarningsAsErrors: 'true',
          Deterministic: 'true',
          NuGetAudit: 'true',
          ...(ctx.invariantGlobalization ? { InvariantGlobalization: 'true' } : {}),
        },
        ...(ctx.centralPackages ? [lockFileProperties()] : []),
      ],
      ItemGroup: [
        ...(ctx.adopted
          ? [...centralAwareAnalyzer(ctx), { AdditionalFiles: bannedSymbolsItem }]
          : [
              {
                PackageReference: packageReference(ctx, BANNED_API_ANALYZERS, {
                  '@_PrivateAssets': 'all',
                  '@_IncludeAssets': 'runtime; build; native; contentfiles; analyzers; buildtransitive',
                }),
                AdditionalFiles: bannedSymbolsItem,
              },
            ]),
        ...(ctx.telemetry ? telemetryItems(ctx) : []),
      ],
    },
  });
}

const bannedSymbolsItem = { '@_Include': '$(MSBuildThisFileDirectory)BannedSymbols.txt' };

function analyzerReference(ctx: DotnetContext): XmlNode {
  return {
    '@_Include': BANNED_API_ANALYZERS,
    '@_Version': packageVersion(ctx, BANNED_API_ANALYZERS),
    '@_PrivateAssets': 'all',
    '@_IncludeAssets': 'runtime; build; native; contentfiles; analyzers; buildtransitive',
  };
}

/**
 * An adopted repository may manage versions centrally (`Directory.Packages.props`), where a `Version` on a
 * PackageReference fails restore (NU1008). There the analyzer is a GlobalPackageReference, NuGet's form for a package
 * every project gets (private assets by default). Item conditions are evaluated after every property, so they see
 * `ManagePackageVersionsCentrally` although `Directory.Packages.props` is imported after this file.
 */
function centralAwareAnalyzer(ctx: DotnetContext): XmlNode[] {
  return [
    { '@_Condition': "'$(ManagePackageVersionsCentrally)' != 'true'", PackageReference: analyzerReference(ctx) },
    {
      '@_Condition': "'$(ManagePackageVersionsCentrally)' == 'true'",
      GlobalPackageReference: { '@_Include': BANNED_API_ANALYZERS, '@_Version': packageVersion(ctx, BANNED_API_ANALYZERS) },
    },
  ];
}

/** The app project (only) references the packages its managed telemetry file compiles against. */
function telemetryItems(ctx: DotnetContext): XmlNode[] {
  const appOnly = `'$(MSBuildProjectName)' == '${msbuildEscape(ctx.appName)}'`;
  if (!ctx.adopted) return [{ '@_Condition': appOnly, PackageReference: TELEMETRY_PACKAGES.map((id) => packageReference(ctx, id)) }];
  return centralAwarePackages(ctx, TELEMETRY_PACKAGES).map((group) => ({ ...group, '@_Condition': `${appOnly} and ${group['@_Condition'] as string}` }));
}

/**
 * Package references valid with and without central package management, for projects in an adopted repository
 * (which may manage versions centrally, where a `Version` fails restore with NU1008): the policy's version as
 * `Version`, or under central management as `VersionOverride`, so the team's `Directory.Packages.props` needs no
 * entry for them.
 */
function centralAwarePackages(ctx: DotnetContext, ids: readonly string[]): XmlNode[] {
  return [
    { '@_Condition': "'$(ManagePackageVersionsCentrally)' != 'true'", PackageReference: ids.map((id) => ({ '@_Include': id, '@_Version': packageVersion(ctx, id) })) },
    { '@_Condition': "'$(ManagePackageVersionsCentrally)' == 'true'", PackageReference: ids.map((id) => ({ '@_Include': id, '@_VersionOverride': packageVersion(ctx, id) })) },
  ];
}

/**
 * NuGet lock files: every restore writes `packages.lock.json` next to each project (commit them), and CI and the
 * image build restore with `--locked-mode`, which fails when the resolved packages differ from the lock file. A
 * repository is generated without network, so the lock files cannot come with it: the first restore writes them.
 * Until they are committed `--locked-mode` has nothing to compare with and writes them instead of failing (NuGet's
 * behaviour, NuGet/Home#13175), so CI keeps working on a fresh repository.
 */
function lockFileProperties(): XmlNode {
  return { RestorePackagesWithLockFile: 'true' };
}

/** Every package whose version the policy pins for the generated projects, in `Directory.Packages.props` order. */
export function policyPackageIds(telemetry: boolean): string[] {
  return [BANNED_API_ANALYZERS, ...APP_PACKAGES, ...(telemetry ? TELEMETRY_PACKAGES : []), ...TEST_PACKAGES];
}

/**
 * `Directory.Packages.props` (managed, with `centralPackages`): central package management with the policy's
 * versions of every package the generated projects reference, then the team's own versions from the team-owned
 * `Directory.Packages.team.props` (imported when it exists, so deleting it is not an error).
 */
export function directoryPackagesProps(ctx: DotnetContext): string {
  const ids = policyPackageIds(ctx.telemetry ?? false);
  return buildXml({
    Project: {
      PropertyGroup: { ManagePackageVersionsCentrally: 'true' },
      ItemGroup: {
        '#comment': ` Policy: ${ctx.policy.name} (version ${ctx.policy.version}). Your own packages: ${TEAM_PACKAGES_PROPS} `,
        PackageVersion: ids.map((id) => ({ '@_Include': id, '@_Version': packageVersion(ctx, id) })),
      },
      Import: { '@_Project': `$(MSBuildThisFileDirectory)${TEAM_PACKAGES_PROPS}`, '@_Condition': `Exists('$(MSBuildThisFileDirectory)${TEAM_PACKAGES_PROPS}')` },
    },
  });
}

/** `Directory.Packages.team.props` (team sample, written once): where the team pins the packages it adds. */
export function teamPackagesProps(): string {
  return [
    '<Project>',
    '  <!--',
    '    The versions of the packages your team adds (the policy\'s own are in Directory.Packages.props, managed).',
    '    Pin a version here and reference the package without one in the project file:',
    '      here:     <PackageVersion Include="Some.Package" Version="1.2.3" />',
    '      .csproj:  <PackageReference Include="Some.Package" />',
    '    then run `dotnet restore` and commit the updated packages.lock.json files.',
    '  -->',
    '  <ItemGroup>',
    '  </ItemGroup>',
    '</Project>',
    '',
  ].join('\n');
}

function bannedPackageCondition(banned: BannedPackage, itemType = '_BatchJobPackage'): string {
  const meta = `%(${itemType}.Identity)`;
  if (banned.pattern.endsWith('*')) {
    const prefix = banned.pattern.slice(0, -1).toLowerCase();
    return `$([System.String]::Copy('${meta}').ToLowerInvariant().StartsWith('${msbuildEscape(prefix)}'))`;
  }
  // MSBuild string comparison in conditions is case-insensitive.
  return `'${meta}' == '${msbuildEscape(banned.pattern)}'`;
}

/**
 * `Directory.Build.targets` (managed): fails restore and build when a PackageReference, PackageVersion or
 * GlobalPackageReference matches a package the policy bans. Runs before NuGet collects package references, so a
 * banned package is never downloaded.
 */
export function directoryBuildTargets(ctx: DotnetContext): string {
  const packages: XmlNode[] = PACKAGE_ITEM_TYPES.map((itemType) => ({
    '@_Include': `@(${itemType})`,
    '@_ItemType': itemType,
  }));
  const matches: XmlNode[] = ctx.policy.bannedPackages.map((banned) => ({
    '@_Include': '@(_BatchJobPackage)',
    '@_Condition': bannedPackageCondition(banned),
    '@_BannedPattern': msbuildEscape(banned.pattern),
    '@_BannedReason': msbuildEscape(banned.reason),
  }));
  // One error listing every match: an Error task stops its target, so one error per package would show only the first.
  const list =
    "@(_BatchJobBannedPackage->'%(Identity) [%(ItemType), matches %(BannedPattern): %(BannedReason)]', '; ')";
  const message =
    `Banned by policy '$(_BatchJobPolicyName)' version $(_BatchJobPolicyVersion): ${list}. ` +
    `Remove the package and run the work as a Kubernetes CronJob/Job instead (one run per process, scheduled by ` +
    `Kubernetes; no in-process scheduler).`;
  // After restore: every package of the resolved graph (project.assets.json), so a banned package that arrives
  // through another package (NCrontab.Signed through a WebJobs timer extension) fails the build too.
  const resolvedMatches: XmlNode[] = ctx.policy.bannedPackages.map((banned) => ({
    '@_Include': '@(_BatchJobResolvedPackage)',
    '@_Condition': bannedPackageCondition(banned, '_BatchJobResolvedPackage'),
    '@_BannedPattern': msbuildEscape(banned.pattern),
    '@_BannedReason': msbuildEscape(banned.reason),
  }));
  const transitiveList =
    "@(_BatchJobTransitiveBanned->'%(Identity) [matches %(BannedPattern): %(BannedReason)]', '; ')";
  const transitiveMessage =
    `Banned by policy '$(_BatchJobPolicyName)' version $(_BatchJobPolicyVersion): ${transitiveList}, brought in ` +
    `transitively by $(_BatchJobBroughtInBy). Remove that reference and run the work as a Kubernetes CronJob/Job ` +
    `instead (no in-process scheduler).`;
  return buildXml({
    Project: {
      PropertyGroup: {
        _BatchJobPolicyName: msbuildEscape(ctx.policy.name),
        _BatchJobPolicyVersion: msbuildEscape(ctx.policy.version),
        // Makes ResolvePackageAssets list every resolved package (direct and transitive) as PackageDependencies.
        EmitLegacyAssetsFileItems: 'true',
      },
      Target: [{
        '@_Name': 'BatchJobPolicyCheckBannedPackages',
        '@_BeforeTargets': 'CollectPackageReferences;CollectCentralPackageVersions;BeforeBuild',
        ItemGroup: [{ _BatchJobPackage: packages }, { _BatchJobBannedPackage: matches }],
        Error: {
          '@_Condition': "'@(_BatchJobBannedPackage)' != ''",
          '@_Code': BANNED_PACKAGE_ERROR_CODE,
          '@_Text': message,
        },
      }, {
        '@_Name': 'BatchJobPolicyCheckResolvedPackages',
        '@_AfterTargets': 'ResolvePackageAssets',
        ItemGroup: [
          { _BatchJobResolvedPackage: { '@_Include': '@(PackageDependencies)' } },
          { _BatchJobTransitiveBanned: resolvedMatches },
        ],
      }, directReferencesTarget(transitiveMessage)],
    },
  });
}

/** How many dependency levels the guard walks up from a banned package to the project's own references. */
export const BANNED_PACKAGE_GRAPH_DEPTH = 16;

/** Lower-case package name of a `Name/Version` item spec of the legacy dependency items. */
function packageNameOf(metadata: string): string {
  return `$([System.String]::Copy('${metadata}').Split('/')[0].ToLowerInvariant())`;
}

/**
 * Names the project's own references whose dependency closure holds the banned package(s), and fails the build.
 * Walks the edges of the resolved graph (ResolvePackageDependencies: one item per edge, `ParentPackage` empty for a
 * direct reference) upwards from the banned packages, one level per step, unrolled because MSBuild has no loop and
 * no inline code tasks here. Names are lower-cased because the lock file spells a dependency as its dependant's
 * nuspec does (`ncrontab.signed`) and item matching is case-sensitive on Linux.
 */
function directReferencesTarget(message: string): XmlNode {
  const edge = '_BatchJobEdge';
  const frontier = '_BatchJobFrontier';
  const steps: XmlNode[] = [];
  for (let level = 0; level < BANNED_PACKAGE_GRAPH_DEPTH; level++) {
    const whileAny = `'@(${frontier})' != ''`;
    steps.push({
      '@_Condition': whileAny,
      _BatchJobOther: { '@_Include': `@(${edge})`, '@_Exclude': `@(${frontier})` },
      _BatchJobHit: [{ '@_Remove': '@(_BatchJobHit)' }, { '@_Include': `@(${edge})` }, { '@_Remove': '@(_BatchJobOther)' }],
    }, {
      '@_Condition': whileAny,
      _BatchJobOther: { '@_Remove': '@(_BatchJobOther)' },
      _BatchJobDirect: {
        '@_Include': "@(_BatchJobHit->'%(Name)')",
        '@_Condition': "'%(_BatchJobHit.Parent)' == ''",
        '@_KeepDuplicates': 'false',
      },
      [frontier]: [
        { '@_Remove': `@(${frontier})` },
        { '@_Include': "@(_BatchJobHit->'%(Parent)')", '@_Condition': "'%(_BatchJobHit.Parent)' != ''", '@_KeepDuplicates': 'false' },
      ],
    });
  }
  return {
    '@_Name': '_BatchJobNameDirectReferences',
    '@_AfterTargets': 'BatchJobPolicyCheckResolvedPackages',
    // Only a failing build pays for reading the dependency edges (the condition is checked before the dependency runs).
    '@_Condition': "'@(_BatchJobTransitiveBanned)' != ''",
    '@_DependsOnTargets': 'RunResolvePackageDependencies',
    ItemGroup: [
      {
        // The legacy items carry ParentTarget; the names-only items of ResolvePackageAssets do not.
        [edge]: {
          '@_Include': packageNameOf('%(PackageDependencies.Identity)'),
          '@_Condition': "'%(PackageDependencies.ParentTarget)' != ''",
          Name: "$([System.String]::Copy('%(PackageDependencies.Identity)').Split('/')[0])",
          Parent: "$([System.String]::Copy('%(PackageDependencies.ParentPackage)').Split('/')[0].ToLowerInvariant())",
        },
        [frontier]: { '@_Include': "@(_BatchJobTransitiveBanned->ToLowerInvariant())" },
      },
      ...steps,
    ],
    PropertyGroup: [
      { _BatchJobBroughtInBy: "this project's reference(s) @(_BatchJobDirect, ', ')" },
      {
        '@_Condition': "'@(_BatchJobDirect)' == ''",
        _BatchJobBroughtInBy: 'a project reference (see project.assets.json)',
      },
    ],
    Error: { '@_Code': BANNED_PACKAGE_ERROR_CODE, '@_Text': message },
  };
}

/** `BannedSymbols.txt` (managed): one `ID; reason` line per banned symbol, read by BannedApiAnalyzers (RS0030). */
export function bannedSymbols(ctx: DotnetContext): string {
  return bannedSymbolList(ctx.policy).map((s) => `${s.id}; ${s.reason}`).join('\n') + '\n';
}

/** Every banned symbol: the namespaces of each banned package (one policy list for both), then the other symbols. */
export function bannedSymbolList(policy: Policy): BannedSymbol[] {
  const fromPackages = policy.bannedPackages.flatMap((banned) =>
    banned.namespaces.map((ns) => ({ id: `N:${ns}`, reason: `package ${banned.pattern} is banned: ${banned.reason}` })));
  const seen = new Set<string>();
  return [...fromPackages, ...policy.bannedSymbols].filter((s) => !seen.has(s.id) && seen.add(s.id));
}

export interface GlobalJson {
  sdk: { version: string; rollForward: 'latestMajor'; allowPrerelease: false };
}

/** `global.json` (managed): the policy's SDK band; `latestMajor` lets a newer SDK build an older framework. */
export function globalJson(ctx: DotnetContext): GlobalJson {
  return { sdk: { version: frameworkPolicy(ctx).sdkVersion, rollForward: 'latestMajor', allowPrerelease: false } };
}

// ---------------------------------------------------------------------------------------------------------------
// Team-owned samples (written once)

/**
 * `src/<App>/<App>.csproj` (team sample): console app; the framework comes from `Directory.Build.props`. The job
 * host of an adopted app (`references` set) references the projects holding the original job code and has no tests
 * project of its own; `telemetryPackages` when the team keeps its own `Directory.Build.props`, which then does not
 * bring the packages of the managed telemetry file.
 */
export function appCsproj(ctx: DotnetContext, references?: readonly string[], telemetryPackages = false): string {
  return buildXml({
    Project: {
      '@_Sdk': 'Microsoft.NET.Sdk',
      PropertyGroup: {
        OutputType: 'Exe',
        RootNamespace: ctx.appName,
        AssemblyName: ctx.appName,
        IsPackable: 'false',
      },
      ItemGroup: [
        ...(references && ctx.adopted
          ? centralAwarePackages(ctx, [...APP_PACKAGES, ...(telemetryPackages ? TELEMETRY_PACKAGES : [])])
          : [{ PackageReference: APP_PACKAGES.map((id) => packageReference(ctx, id)) }]),
        {
          None: {
            '@_Update': 'appsettings.json',
            '@_CopyToOutputDirectory': 'PreserveNewest',
            '@_CopyToPublishDirectory': 'PreserveNewest',
          },
        },
        ...(references
          ? references.length > 0 ? [{ ProjectReference: references.map((r) => ({ '@_Include': r })) }] : []
          : [{ InternalsVisibleTo: { '@_Include': `${ctx.appName}.Tests` } }]),
      ],
    },
  });
}

/** `tests/<App>.Tests/<App>.Tests.csproj` (team sample): xunit tests of the app. */
export function testsCsproj(ctx: DotnetContext): string {
  const refs: XmlNode[] = TEST_PACKAGES.map((id) => {
    const ref: XmlNode = packageReference(ctx, id);
    if (id === 'xunit.runner.visualstudio') {
      ref['@_PrivateAssets'] = 'all';
      ref['@_IncludeAssets'] = 'runtime; build; native; contentfiles; analyzers; buildtransitive';
    }
    return ref;
  });
  return buildXml({
    Project: {
      '@_Sdk': 'Microsoft.NET.Sdk',
      PropertyGroup: { IsPackable: 'false', IsTestProject: 'true' },
      ItemGroup: [
        { PackageReference: refs },
        { Using: { '@_Include': 'Xunit' } },
        { ProjectReference: { '@_Include': `..\\..\\src\\${ctx.appName}\\${ctx.appName}.csproj` } },
      ],
    },
  });
}

export interface AppSettings {
  Logging: { LogLevel: Record<string, string> };
  [section: string]: unknown;
}

/** `src/<App>/appsettings.json` (team sample): log levels and one options section per job (named after its class). */
export function appSettings(ctx: DotnetContext): AppSettings {
  const settings: AppSettings = {
    Logging: { LogLevel: { Default: 'Information', Microsoft: 'Warning', 'Microsoft.Hosting.Lifetime': 'Warning' } },
  };
  for (const job of ctx.jobs) settings[job.className] = { ...SAMPLE_JOB_SETTINGS };
  return settings;
}

/** Deterministic GUID (name-based, SHA-1, RFC 4122 version 5 layout), upper case as Visual Studio writes it. */
export function deterministicGuid(name: string): string {
  const bytes = createHash('sha1').update(`create-batch-job:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const CSHARP_PROJECT_TYPE = '9A19103F-16F7-4668-BE54-9A1E7A4F7556';
const SOLUTION_FOLDER_TYPE = '2150E333-8FDC-42A3-9474-1A3956D46DE8';

/** `<App>.sln` (team sample): classic solution (Format Version 12.00) with the app and its tests. */
export function solution(ctx: DotnetContext): string {
  const app = ctx.appName;
  const projects = [
    { name: app, path: `src\\${app}\\${app}.csproj`, folder: 'src' },
    { name: `${app}.Tests`, path: `tests\\${app}.Tests\\${app}.Tests.csproj`, folder: 'tests' },
  ].map((p) => ({ ...p, guid: deterministicGuid(`${app}/project/${p.name}`) }));
  const folders = ['src', 'tests'].map((name) => ({ name, guid: deterministicGuid(`${app}/folder/${name}`) }));
  const lines = [
    '',
    'Microsoft Visual Studio Solution File, Format Version 12.00',
    '# Visual Studio Version 17',
    'VisualStudioVersion = 17.0.31903.59',
    'MinimumVisualStudioVersion = 10.0.40219.1',
  ];
  for (const p of projects) {
    lines.push(`Project("{${CSHARP_PROJECT_TYPE}}") = "${p.name}", "${p.path}", "{${p.guid}}"`, 'EndProject');
  }
  for (const f of folders) {
    lines.push(`Project("{${SOLUTION_FOLDER_TYPE}}") = "${f.name}", "${f.name}", "{${f.guid}}"`, 'EndProject');
  }
  lines.push(
    'Global',
    '\tGlobalSection(SolutionConfigurationPlatforms) = preSolution',
    '\t\tDebug|Any CPU = Debug|Any CPU',
    '\t\tRelease|Any CPU = Release|Any CPU',
    '\tEndGlobalSection',
    '\tGlobalSection(ProjectConfigurationPlatforms) = postSolution',
  );
  for (const p of projects) {
    for (const cfg of ['Debug', 'Release']) {
      lines.push(`\t\t{${p.guid}}.${cfg}|Any CPU.ActiveCfg = ${cfg}|Any CPU`);
      lines.push(`\t\t{${p.guid}}.${cfg}|Any CPU.Build.0 = ${cfg}|Any CPU`);
    }
  }
  lines.push(
    '\tEndGlobalSection',
    '\tGlobalSection(SolutionProperties) = preSolution',
    '\t\tHideSolutionNode = FALSE',
    '\tEndGlobalSection',
    '\tGlobalSection(NestedProjects) = preSolution',
  );
  for (const p of projects) {
    lines.push(`\t\t{${p.guid}} = {${folders.find((f) => f.name === p.folder)!.guid}}`);
  }
  lines.push('\tEndGlobalSection', 'EndGlobal', '');
  // LF like every other file: the generated .gitattributes says `* text eol=lf` (CRLF made git warn on the first commit).
  return lines.join('\n');
}

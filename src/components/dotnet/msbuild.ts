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
}

/** Repository-relative paths of the .NET files (forward slashes). */
export interface DotnetLayout {
  readonly solution: string;
  readonly directoryBuildProps: string;
  readonly directoryBuildTargets: string;
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
 * OpenTelemetry packages of the managed `JobTelemetry.g.cs`. Referenced from the managed `Directory.Build.props`
 * (not the team's csproj) so that a re-sync which adds the telemetry file also adds what it needs.
 */
export const TELEMETRY_PACKAGES = ['OpenTelemetry', 'OpenTelemetry.Extensions.Hosting', 'OpenTelemetry.Exporter.OpenTelemetryProtocol'] as const;
/** Packages of the test project; versions come from the policy. */
export const TEST_PACKAGES = ['Microsoft.NET.Test.Sdk', 'xunit', 'xunit.runner.visualstudio'] as const;
/** Analyzer package referenced by every project through `Directory.Build.props`. */
export const BANNED_API_ANALYZERS = 'Microsoft.CodeAnalysis.BannedApiAnalyzers';
/** Item types the banned-package target inspects. */
export const PACKAGE_ITEM_TYPES = ['PackageReference', 'PackageVersion', 'GlobalPackageReference'] as const;
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
    bannedSymbols: 'BannedSymbols.txt',
    globalJson: 'global.json',
    appDir,
    appCsproj: `${appDir}/${app}.csproj`,
    appSettings: `${appDir}/appsettings.json`,
    programCs: `${appDir}/Program.cs`,
    jobHostCs: `${appDir}/JobHost.cs`,
    jobTelemetryCs: `${appDir}/JobTelemetry.g.cs`,
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
        },
      ],
      ItemGroup: [
        {
          PackageReference: {
            '@_Include': BANNED_API_ANALYZERS,
            '@_Version': packageVersion(ctx, BANNED_API_ANALYZERS),
            '@_PrivateAssets': 'all',
            '@_IncludeAssets': 'runtime; build; native; contentfiles; analyzers; buildtransitive',
          },
          AdditionalFiles: { '@_Include': '$(MSBuildThisFileDirectory)BannedSymbols.txt' },
        },
        ...(ctx.telemetry ? [telemetryItems(ctx)] : []),
      ],
    },
  });
}

/** The app project (only) references the packages its managed telemetry file compiles against. */
function telemetryItems(ctx: DotnetContext): XmlNode {
  return {
    '@_Condition': `'$(MSBuildProjectName)' == '${msbuildEscape(ctx.appName)}'`,
    PackageReference: TELEMETRY_PACKAGES.map((id) => ({ '@_Include': id, '@_Version': packageVersion(ctx, id) })),
  };
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
  const direct = "@(_BatchJobDirectPackage->'%(Identity)', ', ')";
  const transitiveList =
    "@(_BatchJobTransitiveBanned->'%(Identity) [matches %(BannedPattern): %(BannedReason)]', '; ')";
  const transitiveMessage =
    `Banned by policy '$(_BatchJobPolicyName)' version $(_BatchJobPolicyVersion): ${transitiveList}, brought in ` +
    `transitively by this project's package reference(s) ${direct}. Remove the package that depends on it and run ` +
    `the work as a Kubernetes CronJob/Job instead (no in-process scheduler).`;
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
          {
            _BatchJobDirectPackage: {
              '@_Include': '@(PackageReference)',
              '@_Exclude': BANNED_API_ANALYZERS,
              '@_Condition': "'%(PackageReference.IsImplicitlyDefined)' != 'true'",
            },
          },
        ],
        Error: {
          '@_Condition': "'@(_BatchJobTransitiveBanned)' != ''",
          '@_Code': BANNED_PACKAGE_ERROR_CODE,
          '@_Text': transitiveMessage,
        },
      }],
    },
  });
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

/** `src/<App>/<App>.csproj` (team sample): console app; the framework comes from `Directory.Build.props`. */
export function appCsproj(ctx: DotnetContext): string {
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
        {
          PackageReference: APP_PACKAGES.map((id) => ({ '@_Include': id, '@_Version': packageVersion(ctx, id) })),
        },
        {
          None: {
            '@_Update': 'appsettings.json',
            '@_CopyToOutputDirectory': 'PreserveNewest',
            '@_CopyToPublishDirectory': 'PreserveNewest',
          },
        },
        { InternalsVisibleTo: { '@_Include': `${ctx.appName}.Tests` } },
      ],
    },
  });
}

/** `tests/<App>.Tests/<App>.Tests.csproj` (team sample): xunit tests of the app. */
export function testsCsproj(ctx: DotnetContext): string {
  const refs: XmlNode[] = TEST_PACKAGES.map((id) => {
    const ref: XmlNode = { '@_Include': id, '@_Version': packageVersion(ctx, id) };
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

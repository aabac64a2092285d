import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  APP_PACKAGES,
  BANNED_API_ANALYZERS,
  BANNED_PACKAGE_ERROR_CODE,
  BANNED_PACKAGE_GRAPH_DEPTH,
  SAMPLE_JOB_SETTINGS,
  TEST_PACKAGES,
  appCsproj,
  appSettings,
  bannedSymbols,
  deterministicGuid,
  directoryBuildProps,
  directoryBuildTargets,
  dotnetLayout,
  globalJson,
  msbuildEscape,
  solution,
  testsCsproj,
  type DotnetContext,
} from '../../src/components/dotnet/msbuild.js';
import { GRACE_PERIOD_ENV, dotnetTemplateVars, renderTemplate } from '../../src/components/dotnet/templates.js';
import { policy, type Framework } from '../../src/policy/index.js';

const FRAMEWORKS: Framework[] = ['net8.0', 'net10.0'];

function ctx(framework: Framework = 'net8.0', jobCount = 2): DotnetContext {
  const jobs = [
    { name: 'nightly-report', className: 'NightlyReportJob' },
    { name: 'cleanup-exports', className: 'CleanupExportsJob' },
  ].slice(0, jobCount);
  return { appName: 'NightlyReport', name: 'nightly-report', framework, jobs, policy };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: () => false });
/** MSBuild reads `%2A` as `*`: undo the escaping to compare with policy text. */
const unescape = (s: string) => s.replace(/%([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

describe('directoryBuildTargets', () => {
  const xml = directoryBuildTargets(ctx());
  const parsed = parser.parse(xml);
  const target = parsed.Project.Target[0];
  const resolved = parsed.Project.Target[1];

  it('is well-formed XML with one target that runs before NuGet collects packages and before build', () => {
    expect(target['@_Name']).toBe('BatchJobPolicyCheckBannedPackages');
    expect(target['@_BeforeTargets'].split(';')).toEqual(
      expect.arrayContaining(['CollectPackageReferences', 'BeforeBuild']),
    );
  });

  it('has one match rule per banned pattern, with its reason', () => {
    const rules = target.ItemGroup[1]._BatchJobBannedPackage as Array<Record<string, string>>;
    expect(rules).toHaveLength(policy.bannedPackages.length);
    for (const banned of policy.bannedPackages) {
      const rule = rules.find((r) => unescape(r['@_BannedPattern']!) === banned.pattern);
      expect(rule, banned.pattern).toBeDefined();
      expect(unescape(rule!['@_BannedReason']!)).toBe(banned.reason);
      if (banned.pattern.endsWith('*')) {
        expect(rule!['@_Condition']).toContain(`.StartsWith('${banned.pattern.slice(0, -1).toLowerCase()}')`);
        expect(rule!['@_Condition']).toContain('ToLowerInvariant()');
      } else {
        expect(rule!['@_Condition']).toContain(`== '${banned.pattern}'`);
      }
    }
  });

  it('inspects PackageReference and PackageVersion items', () => {
    const sources = (target.ItemGroup[0]._BatchJobPackage as Array<Record<string, string>>).map((i) => i['@_Include']);
    expect(sources).toEqual(expect.arrayContaining(['@(PackageReference)', '@(PackageVersion)']));
  });

  it('checks the resolved graph after restore too (transitive packages), naming the direct references', () => {
    expect(resolved['@_Name']).toBe('BatchJobPolicyCheckResolvedPackages');
    expect(resolved['@_AfterTargets']).toBe('ResolvePackageAssets');
    expect(parsed.Project.PropertyGroup.EmitLegacyAssetsFileItems).toBe(true);
    expect(resolved.ItemGroup[0]._BatchJobResolvedPackage['@_Include']).toBe('@(PackageDependencies)');
    expect(resolved.ItemGroup[1]._BatchJobTransitiveBanned).toHaveLength(policy.bannedPackages.length);
  });

  it('names only the references whose dependency closure holds the banned package, read from the graph\'s edges', () => {
    const naming = parsed.Project.Target[2];
    expect(naming['@_AfterTargets']).toBe('BatchJobPolicyCheckResolvedPackages');
    // A green build never reads the edges: the target runs (and its dependency with it) only after a match.
    expect(naming['@_Condition']).toBe("'@(_BatchJobTransitiveBanned)' != ''");
    expect(naming['@_DependsOnTargets']).toBe('RunResolvePackageDependencies');
    const steps = (naming.ItemGroup as unknown[]).length - 1;
    expect(steps).toBe(2 * BANNED_PACKAGE_GRAPH_DEPTH);
    expect(naming.Error['@_Code']).toBe(BANNED_PACKAGE_ERROR_CODE);
    expect(naming.Error['@_Text']).toContain('$(_BatchJobBroughtInBy)');
    expect(naming.Error['@_Text']).toContain('%(BannedPattern)');
    expect(xml).not.toContain('_BatchJobDirectPackage');
  });

  it('names the policy and its version and points to Kubernetes CronJob/Job', () => {
    expect(unescape(parsed.Project.PropertyGroup._BatchJobPolicyName)).toBe(policy.name);
    expect(String(parsed.Project.PropertyGroup._BatchJobPolicyVersion)).toBe(policy.version);
    const text: string = target.Error['@_Text'];
    expect(text).toContain('$(_BatchJobPolicyName)');
    expect(text).toContain('$(_BatchJobPolicyVersion)');
    expect(text).toContain('%(Identity)');
    expect(text).toContain('Kubernetes CronJob/Job');
  });
});

describe('directoryBuildProps', () => {
  for (const framework of FRAMEWORKS) {
    it(`sets ${framework}, strictness and the banned-API analyzer`, () => {
      const project = parser.parse(directoryBuildProps(ctx(framework))).Project;
      const props = project.PropertyGroup;
      expect(props.TargetFramework).toBe(framework);
      expect(props.Nullable).toBe('enable');
      expect(props.ImplicitUsings).toBe('enable');
      expect(props.TreatWarningsAsErrors).toBe(true);
      expect(props.WarningsAsErrors).toContain('RS0030');
      const analyzer = project.ItemGroup.PackageReference;
      expect(analyzer['@_Include']).toBe(BANNED_API_ANALYZERS);
      expect(analyzer['@_Version']).toBe(policy.frameworks[framework].packages[BANNED_API_ANALYZERS]);
      expect(analyzer['@_PrivateAssets']).toBe('all');
      expect(project.ItemGroup.AdditionalFiles['@_Include']).toBe('$(MSBuildThisFileDirectory)BannedSymbols.txt');
    });
  }
});

describe('directoryBuildProps of an adopted repo (central package management possible)', () => {
  it('references the analyzer with a Version only without CPM, and as a GlobalPackageReference with it', () => {
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => name === 'ItemGroup' });
    const groups = xml.parse(directoryBuildProps({ ...ctx(), adopted: true })).Project.ItemGroup as Record<string, unknown>[];
    const version = policy.frameworks['net8.0'].packages[BANNED_API_ANALYZERS];
    const without = groups.find((g) => g['@_Condition'] === "'$(ManagePackageVersionsCentrally)' != 'true'")!;
    const withCpm = groups.find((g) => g['@_Condition'] === "'$(ManagePackageVersionsCentrally)' == 'true'")!;
    expect(without.PackageReference).toMatchObject({ '@_Include': BANNED_API_ANALYZERS, '@_Version': version, '@_PrivateAssets': 'all' });
    expect(withCpm.PackageReference).toBeUndefined();
    expect(withCpm.GlobalPackageReference).toEqual({ '@_Include': BANNED_API_ANALYZERS, '@_Version': version });
    expect(groups.find((g) => g.AdditionalFiles)?.['@_Condition']).toBeUndefined();
  });
});

describe('bannedSymbols', () => {
  it('bans the namespaces of every banned package (one policy list) and the other policy symbols', () => {
    const ids = bannedSymbols(ctx()).trimEnd().split('\n').map((line) => line.split(';')[0]);
    for (const ns of ['Hangfire', 'Quartz', 'Coravel', 'Cronos', 'NCrontab', 'NCronJob', 'TickerQ', 'Sundial']) expect(ids).toContain(`N:${ns}`);
    for (const banned of policy.bannedPackages) for (const ns of banned.namespaces) expect(ids).toContain(`N:${ns}`);
    for (const symbol of policy.bannedSymbols) expect(ids).toContain(symbol.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('globalJson', () => {
  for (const framework of FRAMEWORKS) {
    it(`follows ${framework}`, () => {
      expect(globalJson(ctx(framework))).toEqual({
        sdk: { version: policy.frameworks[framework].sdkVersion, rollForward: 'latestMajor', allowPrerelease: false },
      });
    });
  }
});

describe('project files', () => {
  for (const framework of FRAMEWORKS) {
    it(`pin ${framework} package versions from the policy and leave TargetFramework to Directory.Build.props`, () => {
      const app = appCsproj(ctx(framework));
      const tests = testsCsproj(ctx(framework));
      for (const xml of [app, tests]) expect(xml).not.toMatch(/TargetFrameworks?>/);
      const packages = policy.frameworks[framework].packages;
      for (const id of APP_PACKAGES) expect(app).toContain(`Include="${id}" Version="${packages[id]}"`);
      for (const id of TEST_PACKAGES) expect(tests).toContain(`Include="${id}" Version="${packages[id]}"`);
      expect(parser.parse(app).Project.PropertyGroup.OutputType).toBe('Exe');
      expect(tests).toContain('Include="..\\..\\src\\NightlyReport\\NightlyReport.csproj"');
    });
  }

  it('copy appsettings.json to the output', () => {
    expect(appCsproj(ctx())).toMatch(/<None Update="appsettings.json" CopyToOutputDirectory="PreserveNewest"/);
  });

  it('fail loudly when the policy pins no version of a package', () => {
    const noPackages = {
      ...policy,
      frameworks: { ...policy.frameworks, 'net8.0': { ...policy.frameworks['net8.0'], packages: {} } },
    };
    expect(() => appCsproj({ ...ctx(), policy: noPackages })).toThrow(/pins no version/);
  });
});

describe('appSettings', () => {
  it('has log levels and one section per job, named after the class', () => {
    const settings = appSettings(ctx());
    expect(settings.Logging.LogLevel.Default).toBe('Information');
    expect(settings.NightlyReportJob).toEqual(SAMPLE_JOB_SETTINGS);
    expect(settings.CleanupExportsJob).toEqual(SAMPLE_JOB_SETTINGS);
  });
});

describe('solution', () => {
  it('is a classic Format Version 12.00 solution with the app and its tests', () => {
    const sln = solution(ctx());
    expect(sln).toContain('Microsoft Visual Studio Solution File, Format Version 12.00');
    expect(sln).toContain('"NightlyReport", "src\\NightlyReport\\NightlyReport.csproj"');
    expect(sln).toContain('"NightlyReport.Tests", "tests\\NightlyReport.Tests\\NightlyReport.Tests.csproj"');
  });

  it('has deterministic GUIDs derived from names', () => {
    expect(solution(ctx())).toBe(solution(ctx()));
    const guid = deterministicGuid('NightlyReport/project/NightlyReport');
    expect(guid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(solution(ctx())).toContain(`{${guid}}`);
    expect(deterministicGuid('a')).not.toBe(deterministicGuid('b'));
    const other = solution({ ...ctx(), appName: 'Other' });
    expect(other).not.toContain(guid);
  });
});

describe('msbuildEscape', () => {
  it('escapes MSBuild special characters', () => {
    expect(msbuildEscape("a$b@c%d;e'f*")).toBe('a%24b%40c%25d%3Be%27f%2A');
    expect(msbuildEscape('plain text (ok)')).toBe('plain text (ok)');
  });
});

describe('templates', () => {
  const c = ctx('net10.0');
  const vars = dotnetTemplateVars(c, '// ~~ Generated by test');
  const layout = dotnetLayout(c);

  it('render the managed job host with the header and the policy exit codes', () => {
    const host = renderTemplate('dotnet/JobHost.cs.hbs', vars);
    expect(host.split('\n')[0]).toBe('// ~~ Generated by test');
    expect(host).toContain('namespace NightlyReport;');
    expect(host).toContain(`ExitInvalidConfiguration = ${policy.exitCodes.invalidConfiguration};`);
    expect(host).toContain(`ExitTerminated = ${policy.exitCodes.terminated};`);
    expect(host).toContain(`TerminationGracePeriodSeconds = ${policy.terminationGracePeriodSeconds};`);
    // The stop budget follows the pod's value, passed by the manifests; the compiled value is only the fallback.
    expect(host).toContain(`GracePeriodVariable = "${GRACE_PERIOD_ENV}";`);
    expect(host).toContain('configuration[GracePeriodVariable]');
    expect(host).not.toMatch(/StopBudget\s*=\s*TimeSpan\.FromSeconds\([^)]*TerminationGracePeriodSeconds/);
    expect(host).not.toMatch(/\{\{|BackgroundService|PeriodicTimer|Task\.Delay/);
    expect(layout.jobHostCs).toBe('src/NightlyReport/JobHost.cs');
  });

  it('register every job in Program.cs', () => {
    const program = renderTemplate('dotnet/Program.cs.hbs', vars);
    for (const job of c.jobs) expect(program).toContain(`jobs.Add<${job.className}, ${job.className}Options>("${job.name}");`);
  });

  it('declare the sample options with the defaults appsettings.json gets', () => {
    const job = c.jobs[0]!;
    const source = renderTemplate('dotnet/Job.cs.hbs', { ...vars, job });
    expect(source).toContain(`public sealed partial class ${job.className} : IJob`);
    for (const [key, value] of Object.entries(SAMPLE_JOB_SETTINGS)) {
      const literal = typeof value === 'string' ? JSON.stringify(value) : String(value);
      expect(source).toMatch(new RegExp(`public \\w+ ${key} \\{ get; set; \\} = ${literal.replace(/"/g, '\\"')};`));
    }
    const tests = renderTemplate('dotnet/JobTests.cs.hbs', { ...vars, job });
    expect(tests).toContain(`public sealed class ${job.className}Tests`);
  });
});

/**
 * Adopt's view of real layouts: every SDK, `.sln`/`.slnx`, props inherited the way MSBuild finds and imports them,
 * and central package management. Small repos are written to temp folders; `relay-server` is the fixture shaped
 * like the large server repository of issue 11.
 */
import { chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { detect, detectProject, shadowingProps } from '../../../src/adopt/detect.js';
import { evaluateCondition, evaluateProject, needsAspNetCore } from '../../../src/util/msbuild-eval.js';
import { slnProjects, slnxProjects } from '../../../src/adopt/solution.js';
import { policy } from '../../../src/policy/index.js';
import { tempTree } from '../../support/temp-tree.js';

const relay = fileURLToPath(new URL('../../fixtures/adopt/relay-server/', import.meta.url));

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A repo from a map of path → contents. */
function repo(files: Record<string, string>): string {
  return tempTree(join(tmpdir(), 'cbj-detect-'), files, dirs);
}

const project = (sdk: string, body = '') => `<Project Sdk="${sdk}">${body}</Project>`;
const props = (body: string) => `<Project>${body}</Project>`;

describe('project roles by SDK', () => {
  const cases: [string, string, string, string][] = [
    ['Web SDK without OutputType', 'Microsoft.NET.Sdk.Web', '', 'app'],
    ['Worker SDK without OutputType', 'Microsoft.NET.Sdk.Worker', '', 'app'],
    ['Web SDK with OutputType Library', 'Microsoft.NET.Sdk.Web', '<PropertyGroup><OutputType>Library</OutputType></PropertyGroup>', 'library'],
    ['plain SDK without OutputType', 'Microsoft.NET.Sdk', '', 'library'],
    ['plain SDK with OutputType Exe (any case)', 'Microsoft.NET.Sdk', '<PropertyGroup><OutputType>exe</OutputType></PropertyGroup>', 'app'],
    ['plain SDK with OutputType WinExe', 'Microsoft.NET.Sdk', '<PropertyGroup><OutputType>WinExe</OutputType></PropertyGroup>', 'library'],
    ['Razor SDK', 'Microsoft.NET.Sdk.Razor', '', 'library'],
    ['Microsoft.NET.Test.Sdk reference, OutputType Exe', 'Microsoft.NET.Sdk', '<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup><ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" /></ItemGroup>', 'test'],
    ['IsTestProject on a Web SDK project', 'Microsoft.NET.Sdk.Web', '<PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup>', 'test'],
    ['MSTest.Sdk with a version', 'MSTest.Sdk/3.6.4', '', 'test'],
    ['Aspire AppHost (Sdk element)', 'Microsoft.NET.Sdk', '<Sdk Name="Aspire.AppHost.Sdk" Version="9.3.0" /><PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>', 'aspire-host'],
    ['Blazor WebAssembly', 'Microsoft.NET.Sdk.BlazorWebAssembly', '', 'browser-app'],
  ];
  it.each(cases)('%s', (_, sdk, body, role) => {
    const dir = repo({ 'src/A/A.csproj': project(sdk, body) });
    expect(detectProject(dir, 'src/A/A.csproj', true).role).toBe(role);
  });

  it('knows which apps need ASP.NET Core at run time', () => {
    const dir = repo({
      'src/Web/Web.csproj': project('Microsoft.NET.Sdk.Web'),
      'src/Ref/Ref.csproj': project('Microsoft.NET.Sdk', '<ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>'),
      'src/Worker/Worker.csproj': project('Microsoft.NET.Sdk.Worker'),
    });
    const needs = (p: string) => needsAspNetCore(evaluateProject(dir, join(dir, p)));
    expect([needs('src/Web/Web.csproj'), needs('src/Ref/Ref.csproj'), needs('src/Worker/Worker.csproj')]).toEqual([true, true, false]);
  });

  it('reads the SDK of a project that imports Sdk.props explicitly', () => {
    const dir = repo({ 'src/A/A.csproj': '<Project><Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk.Worker" /><Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk.Worker" /></Project>' });
    const p = detectProject(dir, 'src/A/A.csproj', true);
    expect(p.sdk).toBe('Microsoft.NET.Sdk.Worker');
    expect(p.role).toBe('app');
    expect(p.unresolvedImports).toEqual([]);
  });

  it('a test project by a package reference inherited from a props file', () => {
    const dir = repo({
      'tests/Directory.Build.props': props('<ItemGroup><PackageReference Include="Microsoft.NET.Test.Sdk" Version="17.14.1" /></ItemGroup>'),
      'tests/A.Tests/A.Tests.csproj': project('Microsoft.NET.Sdk', '<PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>'),
    });
    expect(detectProject(dir, 'tests/A.Tests/A.Tests.csproj', true).role).toBe('test');
  });
});

describe('solutions', () => {
  it('lists .slnx projects at the top and in nested folders, with either slash', () => {
    const text = `<Solution>
      <Project Path="tools/T/T.csproj" />
      <Folder Name="/src/"><Project Path="src\\A\\A.csproj" /><Folder Name="/src/inner/"><Project Path="src/B/B.csproj" Type="Classic C#" /></Folder></Folder>
      <Folder Name="/empty/" />
    </Solution>`;
    expect(slnxProjects('Repo.slnx', text).sort()).toEqual(['src/A/A.csproj', 'src/B/B.csproj', 'tools/T/T.csproj']);
    expect(slnxProjects('build/Repo.slnx', '<Solution><Project Path="../src/A/A.csproj" /></Solution>')).toEqual(['src/A/A.csproj']);
    expect(slnxProjects('Repo.slnx', '<Solution />')).toEqual([]);
  });

  it('lists .sln projects and leaves solution folders out', () => {
    const text = [
      'Microsoft Visual Studio Solution File, Format Version 12.00',
      'Project("{2150E333-8FDC-42A3-9474-1A3956D46DE8}") = "src", "src", "{11111111-1111-1111-1111-111111111111}"',
      'EndProject',
      'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Api", "src\\Api\\Api.csproj", "{22222222-2222-2222-2222-222222222222}"',
      'EndProject',
      'Project("{9A19103F-16F7-4668-BE54-9A1E7A4F7556}") = "Jobs", "src\\Jobs\\Jobs.csproj", "{33333333-3333-3333-3333-333333333333}"',
      'EndProject',
    ].join('\r\n');
    expect(slnProjects('Repo.sln', text)).toEqual(['src/Api/Api.csproj', 'src/Jobs/Jobs.csproj']);
  });

  it('only projects a solution lists can be the app; without a solution the whole tree counts', () => {
    const files = {
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker'),
      'samples/S/S.csproj': project('Microsoft.NET.Sdk.Web'),
    };
    expect(detect(repo(files), policy).candidates.map((p) => p.path)).toEqual(['samples/S/S.csproj', 'src/A/A.csproj']);
    const withSln = detect(repo({ ...files, 'Repo.slnx': '<Solution><Project Path="src/A/A.csproj" /><Project Path="src/Gone/Gone.csproj" /></Solution>' }), policy);
    expect(withSln.candidates.map((p) => p.path)).toEqual(['src/A/A.csproj']);
    expect(withSln.projects.find((p) => p.path === 'samples/S/S.csproj')?.inSolution).toBe(false);
    expect(withSln.missingProjects).toEqual(['src/Gone/Gone.csproj']);
  });

  it('skips bin, obj, node_modules and .git when scanning', () => {
    const dir = repo({
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker'),
      'src/A/obj/Copy.csproj': project('Microsoft.NET.Sdk.Worker'),
      'src/A/bin/Debug/Copy.csproj': project('Microsoft.NET.Sdk.Worker'),
      'node_modules/x/X.csproj': project('Microsoft.NET.Sdk.Worker'),
      '.git/X.csproj': project('Microsoft.NET.Sdk.Worker'),
    });
    expect(detect(dir, policy).projects.map((p) => p.path)).toEqual(['src/A/A.csproj']);
  });
});

describe('properties inherited the way MSBuild finds them', () => {
  it('takes TargetFramework from the nearest Directory.Build.props and what it imports', () => {
    const dir = repo({
      'Directory.Build.props': props('<Import Project="$(MSBuildThisFileDirectory)eng\\Versions.props" /><PropertyGroup><TargetFramework>$(AppTfm)</TargetFramework></PropertyGroup>'),
      'eng/Versions.props': props('<PropertyGroup><AppTfm>net10.0</AppTfm></PropertyGroup>'),
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Web'),
    });
    const p = detectProject(dir, 'src/A/A.csproj', true);
    expect(p.targetFrameworks).toEqual(['net10.0']);
    expect(p.frameworkSource).toBe('Directory.Build.props');
    expect(p.imports).toEqual(['Directory.Build.props', 'eng/Versions.props', 'src/A/A.csproj']);
  });

  it('imports only the nearest Directory.Build.props unless it chains up with GetPathOfFileAbove', () => {
    const root = props('<PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>');
    const unchained = repo({ 'Directory.Build.props': root, 'src/Directory.Build.props': props('<PropertyGroup><Nullable>enable</Nullable></PropertyGroup>'), 'src/A/A.csproj': project('Microsoft.NET.Sdk.Web') });
    expect(detectProject(unchained, 'src/A/A.csproj', true).targetFrameworks).toEqual([]);
    const chained = repo({
      'Directory.Build.props': root,
      'src/Directory.Build.props': props(`<Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />`),
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Web'),
    });
    const p = detectProject(chained, 'src/A/A.csproj', true);
    expect(p.targetFrameworks).toEqual(['net8.0']);
    expect(p.imports).toEqual(['src/Directory.Build.props', 'Directory.Build.props', 'src/A/A.csproj']);
  });

  it('names a nested Directory.Build.props that hides the root one (where the policy writes its own)', () => {
    const dir = repo({
      'Directory.Build.props': props(''),
      'src/Directory.Build.props': props('<PropertyGroup><Nullable>enable</Nullable></PropertyGroup>'),
      'tools/Directory.Build.props': props(`<Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />`),
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker'),
      'tools/B/B.csproj': project('Microsoft.NET.Sdk.Worker'),
      'C/C.csproj': project('Microsoft.NET.Sdk.Worker'),
    });
    expect(shadowingProps(detectProject(dir, 'src/A/A.csproj', true))).toBe('src/Directory.Build.props');
    expect(shadowingProps(detectProject(dir, 'tools/B/B.csproj', true))).toBeUndefined();
    expect(shadowingProps(detectProject(dir, 'C/C.csproj', true))).toBeUndefined();
  });

  it('lets the project override, prefers TargetFrameworks, and honours conditions', () => {
    const dir = repo({
      'Directory.Build.props': props(`<PropertyGroup><TargetFramework Condition="'$(TargetFramework)' == ''">net8.0</TargetFramework><UseNext Condition="Exists('next.txt')">yes</UseNext></PropertyGroup><PropertyGroup Condition="'$(OS)' == 'Windows_NT'"><TargetFramework>net48</TargetFramework></PropertyGroup>`),
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker'),
      'src/B/B.csproj': project('Microsoft.NET.Sdk.Worker', '<PropertyGroup><TargetFrameworks>net8.0;net10.0</TargetFrameworks></PropertyGroup>'),
      'src/C/C.csproj': project('Microsoft.NET.Sdk.Worker', '<PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>'),
    });
    expect(detectProject(dir, 'src/A/A.csproj', true).targetFrameworks).toEqual(['net8.0']);
    expect(evaluateProject(dir, join(dir, 'src/A/A.csproj')).properties.get('usenext')).toBeUndefined();
    expect(detectProject(dir, 'src/B/B.csproj', true).targetFrameworks).toEqual(['net8.0', 'net10.0']);
    const c = detectProject(dir, 'src/C/C.csproj', true);
    expect(c.targetFrameworks).toEqual(['net10.0']);
    expect(c.frameworkSource).toBe('src/C/C.csproj');
  });

  it('reports an import it cannot follow instead of guessing, and survives an import cycle', () => {
    const dir = repo({
      'Directory.Build.props': props('<Import Project="$(MSBuildThisFileDirectory)missing.props" /><Import Project="$(MSBuildThisFileDirectory)a.props" />'),
      'a.props': props('<Import Project="b.props" /><PropertyGroup><TargetFramework>net8.0</TargetFramework></PropertyGroup>'),
      'b.props': props('<Import Project="a.props" />'),
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker'),
    });
    const p = detectProject(dir, 'src/A/A.csproj', true);
    expect(p.targetFrameworks).toEqual(['net8.0']);
    expect(p.unresolvedImports).toEqual(['$(MSBuildThisFileDirectory)missing.props (Directory.Build.props)']);
  });

  it('does not read props files above the repository', () => {
    const outer = repo({ 'Directory.Build.props': props('<PropertyGroup><TargetFramework>net6.0</TargetFramework></PropertyGroup>'), 'inner/src/A/A.csproj': project('Microsoft.NET.Sdk.Worker') });
    expect(detectProject(join(outer, 'inner'), 'src/A/A.csproj', true).targetFrameworks).toEqual([]);
  });
});

describe('central package management', () => {
  const central = props(
    '<PropertyGroup><ManagePackageVersionsCentrally>true</ManagePackageVersionsCentrally></PropertyGroup><ItemGroup><PackageVersion Include="Quartz" Version="4.7.3" /><PackageVersion Include="Serilog" Version="4.0.0" /></ItemGroup>',
  );

  it('resolves versions from Directory.Packages.props, honouring VersionOverride', () => {
    const dir = repo({
      'Directory.Packages.props': central,
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker', '<ItemGroup><PackageReference Include="quartz" /><PackageReference Include="Serilog" VersionOverride="4.1.0" /></ItemGroup>'),
    });
    const p = detectProject(dir, 'src/A/A.csproj', true);
    expect(p.packages).toEqual([
      { id: 'quartz', version: '4.7.3', file: 'Directory.Packages.props' },
      { id: 'Serilog', version: '4.1.0', file: 'src/A/A.csproj' },
    ]);
    expect(p.centralPackages?.file).toBe('Directory.Packages.props');
    expect(p.centralPackages?.versions.map((v) => `${v.id}@${v.version}`)).toEqual(['Quartz@4.7.3', 'Serilog@4.0.0']);
  });

  it('is off without ManagePackageVersionsCentrally, and the nearest Directory.Packages.props wins', () => {
    const off = repo({
      'Directory.Packages.props': props('<ItemGroup><PackageVersion Include="Quartz" Version="4.7.3" /></ItemGroup>'),
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker', '<ItemGroup><PackageReference Include="Quartz" /></ItemGroup>'),
    });
    expect(detectProject(off, 'src/A/A.csproj', true).centralPackages).toBeUndefined();
    expect(detectProject(off, 'src/A/A.csproj', true).packages[0]?.version).toBeUndefined();
    const nested = repo({
      'Directory.Packages.props': central,
      'src/Directory.Packages.props': central.replace('4.7.3', '3.14.0'),
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker', '<ItemGroup><PackageReference Include="Quartz" /></ItemGroup>'),
    });
    expect(detectProject(nested, 'src/A/A.csproj', true).packages[0]).toEqual({ id: 'Quartz', version: '3.14.0', file: 'src/Directory.Packages.props' });
  });

  it('reports a banned package listed only as a central version, with its version', () => {
    const dir = repo({ 'Directory.Packages.props': central, 'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker') });
    expect(detect(dir, policy).banned).toEqual([expect.objectContaining({ project: 'Directory.Packages.props', package: 'Quartz', version: '4.7.3', pattern: 'Quartz*' })]);
  });
});

describe('MSBuild conditions', () => {
  const vars: Record<string, string> = { Configuration: 'Release', Empty: '', Flag: 'true', Version: '8' };
  const cond = (text: string, exists: (p: string) => boolean = () => false) =>
    evaluateCondition(text, (s) => s.replace(/\$\((\w+)\)/g, (_, n: string) => vars[n] ?? ''), exists);
  it.each([
    ["'$(Configuration)' == 'Release'", true],
    ["'$(Configuration)' == 'release'", true],
    ["'$(Configuration)' != 'Release'", false],
    ["'$(Empty)' == ''", true],
    ["'$(Missing)' != ''", false],
    ["'$(Flag)'", true],
    ['$(Flag)', true],
    ["!$(Flag)", false],
    ["'$(Configuration)' == 'Debug' or '$(Flag)' == 'true'", true],
    ["'$(Configuration)' == 'Release' and ('$(Empty)' != '' or false)", false],
    ["$(Version) >= 8", true],
    ["Exists('x.props')", true],
    ["!Exists('x.props')", false],
  ] as const)('%s → %s', (text, expected) => {
    expect(cond(text, (p) => p === 'x.props')).toBe(expected);
  });
  it('counts a condition it cannot read as true', () => {
    expect(cond("$([MSBuild]::IsOSPlatform('Windows'))")).toBe(true);
    expect(cond("'unterminated")).toBe(true);
  });
});

describe('the relay-server fixture (issue 11: Web SDK apps, .slnx, shared props, central packages)', () => {
  const d = detect(relay, policy);
  const byPath = Object.fromEntries(d.projects.map((p) => [p.path, p]));

  it('finds the solution and every project with its role', () => {
    expect(d.solutions).toEqual(['Relay.slnx']);
    expect(Object.fromEntries(d.projects.map((p) => [p.path, p.role]))).toEqual({
      'samples/Scratch/Scratch.csproj': 'app',
      'src/Api/Api.csproj': 'app',
      'src/AppHost/AppHost.csproj': 'aspire-host',
      'src/Core/Core.csproj': 'library',
      'src/Identity/Identity.csproj': 'app',
      'src/Notifications/Notifications.csproj': 'app',
      'src/SharedWeb/SharedWeb.csproj': 'library',
      'test/Api.Test/Api.Test.csproj': 'test',
      'test/Notifications.Test/Notifications.Test.csproj': 'test',
      'util/Migrator/Migrator.csproj': 'app',
    });
    expect(d.missingProjects).toEqual([]);
  });

  it('offers the solution apps only (the sample outside the solution is not one)', () => {
    expect(d.candidates.map((p) => p.path)).toEqual(['src/Api/Api.csproj', 'src/Identity/Identity.csproj', 'src/Notifications/Notifications.csproj', 'util/Migrator/Migrator.csproj']);
  });

  it('inherits net8.0 through src/Directory.Build.props → Directory.Build.props → eng/Versions.props', () => {
    for (const p of d.projects) expect(p.targetFrameworks, p.path).toEqual(['net8.0']);
    expect(byPath['src/Notifications/Notifications.csproj']?.imports).toEqual([
      'src/Directory.Build.props',
      'Directory.Build.props',
      'eng/Versions.props',
      'Directory.Packages.props',
      'src/Notifications/Notifications.csproj',
    ]);
    expect(byPath['src/Api/Api.csproj']?.frameworkSource).toBe('Directory.Build.props');
  });

  it('resolves central versions and reports Quartz where it is referenced and where it is versioned', () => {
    expect(byPath['src/Notifications/Notifications.csproj']?.packages).toContainEqual({ id: 'Quartz', version: '4.7.3', file: 'Directory.Packages.props' });
    expect(d.centralPackages.map((c) => c.file)).toEqual(['Directory.Packages.props']);
    expect(d.banned.map((b) => `${b.project}: ${b.package} ${b.version}`)).toEqual([
      'src/Notifications/Notifications.csproj: Quartz 4.7.3',
      'Directory.Packages.props: Quartz 4.7.3',
    ]);
  });
});

describe('files adopt cannot read', () => {
  it('reports a malformed project, a malformed shared props file and a malformed .slnx, and still scans the rest', () => {
    const dir = repo({
      'Repo.slnx': '<Solution><Project Path="src/A/A.csproj"></Solution>',
      'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker'),
      'src/Broken/Broken.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup></Project>',
      'lib/Directory.Build.props': '<Project><PropertyGroup>',
      'lib/L/L.csproj': project('Microsoft.NET.Sdk'),
    });
    const d = detect(dir, policy);
    expect(d.projects.map((p) => p.path)).toEqual(['src/A/A.csproj']);
    // The broken solution is ignored for the listing, so the tree decides.
    expect(d.candidates.map((p) => p.path)).toEqual(['src/A/A.csproj']);
    expect(d.unreadable.map((u) => u.path)).toEqual(['Repo.slnx', 'lib/L/L.csproj', 'src/Broken/Broken.csproj']);
    expect(d.unreadable[1]?.reason).toMatch(/^lib\/Directory\.Build\.props: line 1: /);
    expect(d.unreadable[2]?.reason).toMatch(/^line 1: .*PropertyGroup/);
  });

  it.skipIf(process.getuid?.() === 0)('reports a project file or folder it has no permission to read', () => {
    const dir = repo({ 'src/A/A.csproj': project('Microsoft.NET.Sdk.Worker'), 'src/B/B.csproj': project('Microsoft.NET.Sdk.Worker'), 'secret/C/C.csproj': project('Microsoft.NET.Sdk.Worker') });
    chmodSync(join(dir, 'src/B/B.csproj'), 0o000);
    chmodSync(join(dir, 'secret'), 0o000);
    try {
      const d = detect(dir, policy);
      expect(d.projects.map((p) => p.path)).toEqual(['src/A/A.csproj']);
      expect(d.unreadable).toEqual([
        { path: 'secret/', reason: 'permission denied' },
        { path: 'src/B/B.csproj', reason: 'permission denied' },
      ]);
    } finally {
      chmodSync(join(dir, 'secret'), 0o755);
    }
  });
});

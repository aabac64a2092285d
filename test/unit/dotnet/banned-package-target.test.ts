import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { BANNED_PACKAGE_ERROR_CODE } from '../../../src/components/dotnet/msbuild.js';
import { policy } from '../../../src/policy/index.js';
import { dotnet } from '../../support/dotnet.js';
import { synthFiles } from '../../support/synth.js';

const FRAMEWORK = 'net10.0';

/** A package id the pattern bans: `Hangfire*` → `Hangfire.Probe`, `Cronos` → `Cronos`. */
const bannedId = (pattern: string) => (pattern.endsWith('*') ? `${pattern.slice(0, -1)}.Probe` : pattern);
/** NuGet ids are case-insensitive: the guard must be too. */
const swapCase = (id: string) => [...id].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');

interface Item { type: 'PackageReference' | 'PackageVersion' | 'GlobalPackageReference'; id: string }
/** A restored graph: each package with the packages it depends on; `direct` are the project's own references. */
interface Assets { direct: string[]; packages: Record<string, string[]> }

/**
 * The generated `Directory.Build.targets` evaluated by real MSBuild on minimal SDK projects, without NuGet: the
 * direct-reference guard through `GenerateRestoreGraphFile` (what `dotnet restore` evaluates before it downloads
 * anything), the resolved-graph guard through `ResolvePackageAssets` over a hand-made `obj/project.assets.json`.
 * Asserts behaviour only (exit code, error code, the offending package named), not the target's text.
 */
describe.concurrent('generated banned-package guard under MSBuild', () => {
  let targets = '';
  let root = '';

  beforeAll(() => {
    targets = synthFiles({ name: 'guard-probe', framework: FRAMEWORK }).get('Directory.Build.targets') ?? '';
    root = mkdtempSync(join(tmpdir(), 'cbj-guard-'));
  });

  let serial = 0;
  function project(items: Item[], assets?: Assets): string {
    const dir = join(root, `p${serial++}`);
    mkdirSync(join(dir, 'obj'), { recursive: true });
    writeFileSync(join(dir, 'Directory.Build.targets'), targets);
    const lines = items.map(({ type, id }) => `    <${type} Include="${id}" Version="1.0.0" />`);
    writeFileSync(
      join(dir, 'probe.csproj'),
      `<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup><TargetFramework>${FRAMEWORK}</TargetFramework></PropertyGroup>\n` +
        `  <ItemGroup>\n${lines.join('\n')}\n  </ItemGroup>\n</Project>\n`,
    );
    if (assets) writeFileSync(join(dir, 'obj/project.assets.json'), JSON.stringify(assetsFile(dir, assets)));
    return dir;
  }

  function assetsFile(dir: string, assets: Assets): unknown {
    const key = (id: string) => `${id}/1.0.0`;
    const ids = Object.keys(assets.packages);
    return {
      version: 3,
      targets: {
        [FRAMEWORK]: Object.fromEntries(ids.map((id) => [key(id), {
          type: 'package',
          dependencies: Object.fromEntries(assets.packages[id]!.map((dep) => [dep, '1.0.0'])),
        }])),
      },
      libraries: Object.fromEntries(ids.map((id) => [key(id), { type: 'package', path: `${id.toLowerCase()}/1.0.0`, files: [] }])),
      projectFileDependencyGroups: { [FRAMEWORK]: assets.direct.map((id) => `${id} >= 1.0.0`) },
      packageFolders: { [join(dir, 'packages/')]: {} },
      project: {
        version: '1.0.0',
        restore: { projectUniqueName: join(dir, 'probe.csproj'), projectName: 'probe', projectPath: join(dir, 'probe.csproj'), outputPath: join(dir, 'obj/'), projectStyle: 'PackageReference' },
        frameworks: { [FRAMEWORK]: { targetAlias: FRAMEWORK, dependencies: Object.fromEntries(assets.direct.map((id) => [id, { target: 'Package', version: '[1.0.0, )' }])) } },
      },
    };
  }

  /** Runs MSBuild; returns its exit code and the guard's error lines. */
  async function msbuild(dir: string, target: string): Promise<{ exitCode: number; errors: string; all: string }> {
    const args = ['msbuild', 'probe.csproj', `-t:${target}`, '-nologo', '-v:q', '-nodeReuse:false'];
    if (target === 'GenerateRestoreGraphFile') args.push(`-p:RestoreGraphOutputPath=${join(dir, 'graph.json')}`);
    const result = await dotnet(args, dir, { timeout: 120_000 });
    const errors = result.all.split('\n').filter((line) => line.includes(`error ${BANNED_PACKAGE_ERROR_CODE}`)).join('\n');
    return { ...result, errors };
  }
  const restoreGraph = (items: Item[]) => msbuild(project(items), 'GenerateRestoreGraphFile');

  it('fails restore on every banned pattern of the policy as a PackageReference, naming each package', async ({ expect }) => {
    const ids = policy.bannedPackages.map((banned, i) => (i % 2 === 0 ? bannedId(banned.pattern) : swapCase(bannedId(banned.pattern))));
    const result = await restoreGraph(ids.map((id) => ({ type: 'PackageReference', id })));
    expect(result.exitCode, result.all).not.toBe(0);
    for (const id of ids) expect(result.errors, result.all).toContain(id);
    expect(result.errors).toContain(policy.name);
  });

  it.for<Item['type']>(['PackageVersion', 'GlobalPackageReference'])(
    'fails restore on a banned package declared as %s (central package management)',
    async (type, { expect }) => {
      const id = bannedId(policy.bannedPackages[0]!.pattern);
      const result = await restoreGraph([{ type: 'PackageReference', id: 'Serilog' }, { type, id }]);
      expect(result.exitCode, result.all).not.toBe(0);
      expect(result.errors, result.all).toContain(id);
      expect(result.errors).not.toContain('Serilog [');
    },
  );

  it('lets restore evaluate clean references, including names that only contain a banned prefix', async ({ expect }) => {
    const nearMisses = policy.bannedPackages.filter((b) => b.pattern.endsWith('*')).map((b) => `Contoso.${bannedId(b.pattern)}`);
    const result = await restoreGraph(['Serilog', 'Microsoft.Extensions.Hosting', ...nearMisses].map((id) => ({ type: 'PackageReference', id })));
    expect(result.errors, result.all).toBe('');
    expect(result.exitCode, result.all).toBe(0);
  });

  it('fails the build when a banned package arrives transitively, naming it and the direct reference that brought it', async ({ expect }) => {
    const transitive = bannedId(policy.bannedPackages.at(-1)!.pattern);
    const dir = project(
      [{ type: 'PackageReference', id: 'Acme.Timers' }, { type: 'PackageReference', id: 'Serilog' }],
      { direct: ['Acme.Timers', 'Serilog'], packages: { 'Acme.Timers': ['Acme.Core'], 'Acme.Core': [transitive], [transitive]: [], Serilog: [] } },
    );
    const result = await msbuild(dir, 'ResolvePackageAssets');
    expect(result.exitCode, result.all).not.toBe(0);
    expect(result.errors, result.all).toContain(transitive);
    expect(result.errors).toContain('Acme.Timers');
  });

  it('passes a resolved graph without banned packages', async ({ expect }) => {
    const dir = project(
      [{ type: 'PackageReference', id: 'Acme.Timers' }],
      { direct: ['Acme.Timers'], packages: { 'Acme.Timers': ['Acme.Core'], 'Acme.Core': [] } },
    );
    const result = await msbuild(dir, 'ResolvePackageAssets');
    expect(result.errors, result.all).toBe('');
    expect(result.exitCode, result.all).toBe(0);
  });
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { policy } from '../../src/policy/index.js';
import { BatchJobProject } from '../../src/project/batch-job-project.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';

const APP = 'Reports';
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function synth(options: Partial<BatchJobProjectOptions> = {}, outdir = mkdtempSync(join(tmpdir(), 'cbj-cpm-'))): string {
  if (!dirs.includes(outdir)) dirs.push(outdir);
  new BatchJobProject({ name: 'reports', outdir, logSummary: false, ...options }).synth();
  return outdir;
}
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['ItemGroup', 'PackageReference', 'PackageVersion', 'PropertyGroup'].includes(name) });
const PROJECTS = [`src/${APP}/${APP}.csproj`, `tests/${APP}.Tests/${APP}.Tests.csproj`, 'Directory.Build.props'];

/** Every PackageReference of the generated projects and props, with its Version attribute (if any). */
function references(dir: string): Array<{ Include: string; Version?: string }> {
  return PROJECTS.flatMap((path) => (xml.parse(read(dir, path)).Project.ItemGroup ?? []).flatMap((g: { PackageReference?: object[] }) => g.PackageReference ?? []));
}

describe('central package management (packageManagement: central)', () => {
  it('pins every referenced package once, at the policy version, in the managed Directory.Packages.props', () => {
    const dir = synth({ packageManagement: 'central' });
    const props = xml.parse(read(dir, 'Directory.Packages.props')).Project;
    expect(props.PropertyGroup[0].ManagePackageVersionsCentrally).toBe(true);
    const pinned = new Map<string, string>(props.ItemGroup.flatMap((g: { PackageVersion?: Array<{ Include: string; Version: string }> }) => g.PackageVersion ?? []).map((p: { Include: string; Version: string }) => [p.Include, p.Version]));
    const refs = references(dir);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      expect(ref.Version, `${ref.Include} carries a version (NU1008 under central management)`).toBeUndefined();
      expect(pinned.get(ref.Include), ref.Include).toBe(policy.frameworks[policy.defaultFramework].packages[ref.Include]);
    }
    expect(props.Import.Project).toBe('$(MSBuildThisFileDirectory)Directory.Packages.team.props');
    expect(read(dir, 'Directory.Packages.team.props')).toContain('<PackageVersion Include="Some.Package" Version="1.2.3" />');
    expect(JSON.parse(read(dir, '.projen/files.json')).files).toContain('Directory.Packages.props');
    expect(JSON.parse(read(dir, '.projen/files.json')).files).not.toContain('Directory.Packages.team.props');
    // The team-facing README says how to add a package.
    expect(read(dir, 'README.md')).toContain('<PackageVersion Include="Some.Package" Version="1.2.3" />');
  });

  it('writes lock files at restore and restores in locked mode in CI and the image; TargetFramework only in Directory.Build.props', () => {
    const dir = synth({ packageManagement: 'central' });
    const buildProps = xml.parse(read(dir, 'Directory.Build.props')).Project;
    expect(buildProps.PropertyGroup.some((g: Record<string, unknown>) => g.RestorePackagesWithLockFile === true)).toBe(true);
    expect(buildProps.PropertyGroup.filter((g: Record<string, unknown>) => 'TargetFramework' in g)).toHaveLength(1);
    for (const path of PROJECTS.slice(0, 2)) expect(read(dir, path), path).not.toMatch(/TargetFrameworks?>/);

    const build = parse(read(dir, '.github/workflows/build.yml'));
    expect(build.jobs.build.steps.find((s: { id?: string }) => s.id === 'restore').run).toBe('dotnet restore --locked-mode');
    const dockerfile = read(dir, 'Dockerfile');
    expect(dockerfile).toContain('COPY Directory.Packages.props Directory.Packages.team.props* ./');
    expect(dockerfile).toContain(`COPY src/${APP}/${APP}.csproj src/${APP}/packages.lock.json* src/${APP}/`);
    expect(dockerfile).toMatch(new RegExp(`RUN dotnet restore src/${APP}/${APP}.csproj --locked-mode\\n`));
    // The locked check comes before the architecture-specific restore the publish uses.
    expect(dockerfile.indexOf('--locked-mode')).toBeLessThan(dockerfile.indexOf('-a $TARGETARCH'));
    expect(read(dir, '.dockerignore').split('\n')).toEqual(expect.arrayContaining(['!Directory.Packages.props', '!Directory.Packages.team.props']));
    const nuget = parse(read(dir, '.github/dependabot.yml')).updates.find((u: { 'package-ecosystem': string }) => u['package-ecosystem'] === 'nuget');
    expect(nuget.ignore.map((i: { 'dependency-name': string }) => i['dependency-name'])).toContain('Microsoft.Extensions.Hosting');
  });

  it('a re-synthesis, which finds the package files on disk as MSBuild imports, copies each of them once', () => {
    const dir = synth({ packageManagement: 'central' });
    const first = { dockerfile: read(dir, 'Dockerfile'), ignore: read(dir, '.dockerignore') };
    synth({ packageManagement: 'central' }, dir);
    expect(read(dir, 'Dockerfile')).toBe(first.dockerfile);
    expect(read(dir, '.dockerignore')).toBe(first.ignore);
    expect(read(dir, 'Dockerfile').match(/Directory\.Packages\.props/g)).toHaveLength(1);
    expect(read(dir, '.dockerignore').split('\n').filter((line) => line === '!Directory.Packages.props')).toHaveLength(1);
  });
});

describe('per-project versions (the default, and every repository created before central management)', () => {
  it('keeps versions in the project files and writes no Directory.Packages.props, lock files or locked restores', () => {
    const dir = synth();
    expect(() => read(dir, 'Directory.Packages.props')).toThrow();
    for (const ref of references(dir)) expect(ref.Version, ref.Include).toBe(policy.frameworks[policy.defaultFramework].packages[ref.Include]);
    expect(read(dir, 'Directory.Build.props')).not.toContain('RestorePackagesWithLockFile');
    expect(read(dir, 'Dockerfile')).not.toContain('--locked-mode');
    expect(read(dir, 'README.md')).not.toContain('Directory.Packages.team.props');
    expect(parse(read(dir, '.github/workflows/build.yml')).jobs.build.steps.find((s: { id?: string }) => s.id === 'restore').run).toBe('dotnet restore');
  });

  it('moving such a repository to central rewrites no team-owned project file; the team drops the versions itself', () => {
    const dir = synth();
    const csproj = read(dir, `src/${APP}/${APP}.csproj`);
    const teamProps = '<Project><ItemGroup><PackageVersion Include="Team.Package" Version="1.0.0" /></ItemGroup></Project>\n';
    writeFileSync(join(dir, 'Directory.Packages.team.props'), teamProps);
    synth({ packageManagement: 'central' }, dir);
    expect(read(dir, `src/${APP}/${APP}.csproj`)).toBe(csproj);
    expect(read(dir, 'Directory.Packages.team.props')).toBe(teamProps);
    expect(read(dir, 'Directory.Packages.props')).toContain('ManagePackageVersionsCentrally');
  });
});

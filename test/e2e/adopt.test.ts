import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { batchJobBin, snapshot, tempDir } from '../support/cli.js';
import { dotnet, startApp } from '../support/dotnet.js';

const fixtures = fileURLToPath(new URL('../fixtures/adopt/', import.meta.url));

/** A copy of fixture folders (later ones overlaid on earlier ones) as a fresh repo. */
function repoFrom(...names: string[]): string {
  const dir = join(tempDir('cbj-adopt-'), 'repo');
  for (const name of names) cpSync(join(fixtures, name), dir, { recursive: true });
  return dir;
}

function runAdopt(dir: string, ...args: string[]) {
  return execa(process.execPath, [batchJobBin, 'adopt', ...args], { cwd: dir, reject: false, all: true, env: { LANG: 'C' } });
}

describe('batch-job adopt', () => {
  it('(a) a plain console app: writes .projenrc.ts and the managed files, then builds, tests and runs', async () => {
    const dir = repoFrom('console-app');
    const program = readFileSync(join(dir, 'src/Tool/Program.cs'), 'utf8');
    const result = await runAdopt(dir, '--name', 'line-counter');
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain('app:         src/Tool/Tool.csproj');
    expect(result.all).toContain('framework:   net8.0');

    const rc = readFileSync(join(dir, '.projenrc.ts'), 'utf8');
    expect(rc).toContain("project: 'src/Tool/Tool.csproj'");
    expect(rc).toContain("'.gitignore'"); // the team's own .gitignore stays theirs
    expect(readFileSync(join(dir, 'src/Tool/Program.cs'), 'utf8')).toBe(program);
    expect(existsSync(join(dir, 'src/Tool/JobHost.cs'))).toBe(false);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('An existing .NET app (`src/Tool/Tool.csproj`), adopted');
    expect(readme).not.toContain('## Exit codes');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('RUN dotnet publish src/Tool/Tool.csproj');
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('<TargetFramework>net8.0</TargetFramework>');
    const cronJob = parse(readFileSync(join(dir, 'deploy/k8s/line-counter.cronjob.yaml'), 'utf8'));
    expect(cronJob.spec.jobTemplate.spec.template.spec.containers[0].args).toBeUndefined();

    const build = await dotnet(['build', '-warnaserror'], dir);
    expect(build.exitCode, build.all).toBe(0);
    const test = await dotnet(['test', '--no-build'], dir);
    expect(test.exitCode, test.all).toBe(0);
    const run = await startApp(join(dir, 'src/Tool/bin/Debug/net8.0/Tool.dll'), [], dir);
    expect(run.exitCode, String(run.stderr)).toBe(0);
    expect(JSON.parse(String(run.stdout))).toEqual({ lines: 0 });
  });

  it('(b) an ASP.NET Core app using Hangfire: reports every banned package', async () => {
    const dir = repoFrom('hangfire-web');
    const result = await runAdopt(dir, '--dry-run');
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain('Banned scheduling packages');
    for (const pkg of ['Hangfire.AspNetCore 1.8.25', 'Hangfire.Core 1.8.25', 'Hangfire.InMemory 1.0.0']) {
      expect(result.all).toContain(`src/Scheduler/Scheduler.csproj: ${pkg} (Hangfire*`);
    }
    expect(result.all).toContain('Microsoft.NET.Sdk.Web');
    expect(result.all).toContain('Dry run: nothing was written.');
  });

  it('(c) a repo with its own Dockerfile and YAML: keeps them without --force and shows the diff', async () => {
    const dir = repoFrom('console-app', 'existing-docker');
    const before = snapshot(dir);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const legacy = readFileSync(join(dir, 'deploy/cronjob.yaml'), 'utf8');

    const dry = await runAdopt(dir, '--dry-run');
    expect(dry.exitCode, dry.all).toBe(0);
    expect(snapshot(dir)).toBe(before);

    const result = await runAdopt(dir);
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain('Dockerfile:  Dockerfile');
    expect(result.all).toContain('manifests:   deploy/cronjob.yaml');
    expect(result.all).toContain('CI:          .github/workflows/ci.yml');
    expect(result.all).toContain('Dockerfile: kept as it is');
    expect(result.all).toMatch(/^-FROM mcr\.microsoft\.com\/dotnet\/sdk:8\.0 AS build-env$/m);
    expect(result.all).toMatch(/^\+USER 1654$/m);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(dockerfile);
    expect(readFileSync(join(dir, 'deploy/cronjob.yaml'), 'utf8')).toBe(legacy);
    expect(readFileSync(join(dir, '.projenrc.ts'), 'utf8')).toContain("'Dockerfile'");

    const again = await runAdopt(dir);
    expect(again.exitCode).toBe(2);
    expect(again.all).toContain('already has a .projenrc.ts');
  });

  it('(c) with --force: replaces the Dockerfile, backs it up next to itself, leaves other YAML alone', async () => {
    const dir = repoFrom('console-app', 'existing-docker');
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    const legacy = readFileSync(join(dir, 'deploy/cronjob.yaml'), 'utf8');
    const forced = await runAdopt(dir, '--force');
    expect(forced.exitCode, forced.all).toBe(0);
    expect(forced.all).toContain('Dockerfile: replaced by the policy');
    expect(readFileSync(join(dir, 'Dockerfile.pre-adopt'), 'utf8')).toBe(dockerfile);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('USER 1654');
    expect(readFileSync(join(dir, 'deploy/cronjob.yaml'), 'utf8')).toBe(legacy);
    expect(readFileSync(join(dir, '.projenrc.ts'), 'utf8')).not.toContain('unmanaged');
  });

  it('a repo with central package management: the managed analyzer reference restores and builds (no NU1008)', async () => {
    const dir = repoFrom('console-app', 'central-packages');
    const result = await runAdopt(dir, '--name', 'line-counter');
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain('central packages: Directory.Packages.props');
    const build = await dotnet(['build', 'Tool.sln', '-warnaserror'], dir);
    expect(build.exitCode, build.all).toBe(0);
    // The analyzer reached the app as a global reference, not silently dropped.
    expect(readFileSync(join(dir, 'src/Tool/obj/project.assets.json'), 'utf8')).toContain('Microsoft.CodeAnalysis.BannedApiAnalyzers');
  });

  it('refuses a folder without a .NET project, writing nothing', async () => {
    const dir = tempDir('cbj-adopt-empty-');
    const result = await runAdopt(dir);
    expect(result.exitCode).toBe(2);
    expect(result.all).toContain('no .csproj found');
  });
});

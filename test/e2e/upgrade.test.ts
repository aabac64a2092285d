import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listFiles, managedFiles } from '../../src/cli/plan.js';
import type { Step, Workflow } from '../../src/components/ci/github.js';
import { policy } from '../../src/policy/index.js';
import { INSTALL_TIMEOUT, runCreateBin, tempDir } from '../support/cli.js';
import { dotnet, jsonLines, startApp } from '../support/dotnet.js';
import { packNextPolicy } from '../support/next-policy.js';
import { packSelf } from '../support/pack.js';

const APP = 'NightlyReport';

/** The build workflow's .NET SDK set-up step. */
function dotnetSetup(dir: string): Step {
  const workflow = parse(readFileSync(join(dir, '.github/workflows/build.yml'), 'utf8')) as Workflow;
  return workflow.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/setup-dotnet@'))!;
}

describe('upgrade to the next policy version', () => {
  let dir: string;
  /** Every file the team owns (not listed as managed, not a build or install output), as bytes before the bump. */
  const teamFiles = new Map<string, Buffer>();
  let resync: { exitCode?: number; all?: string };

  beforeAll(async () => {
    const [current, next] = await Promise.all([packSelf(), packNextPolicy()]);
    const cwd = tempDir('cbj-upgrade-');
    const created = await runCreateBin(['repo', '--yes', '--name', 'nightly-report', '--self-spec', current], { cwd, timeout: INSTALL_TIMEOUT });
    expect(created.exitCode, created.stderr).toBe(0);
    dir = join(cwd, 'repo');
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('<TargetFramework>net8.0</TargetFramework>');
    expect(dotnetSetup(dir).name).toContain(policy.frameworks['net8.0'].sdkVersion);

    // The team's own changes, made before the upgrade.
    const edit = (path: string, change: (text: string) => string) => {
      writeFileSync(join(dir, path), change(readFileSync(join(dir, path), 'utf8')));
    };
    edit('src/NightlyReport/Program.cs', (t) => `${t}// Team note: keep the registrations sorted.\n`);
    // A package of its own, the central-package-management way: the version in the team's props file.
    edit(`src/${APP}/${APP}.csproj`, (t) => t.replace('</Project>', '  <ItemGroup>\n    <PackageReference Include="Microsoft.Extensions.Http" />\n  </ItemGroup>\n</Project>'));
    edit('Directory.Packages.team.props', (t) => t.replace('<ItemGroup>', '<ItemGroup>\n    <PackageVersion Include="Microsoft.Extensions.Http" Version="8.0.1" />'));
    edit('README.md', (t) => `${t}\n## Team notes\n\nOn call: #reports.\n`);
    const managed = managedFiles(dir);
    for (const path of listFiles(dir)) {
      if (managed.has(path) || /^(node_modules|\.git)\/|(^|\/)(bin|obj)\//.test(path)) continue;
      teamFiles.set(path, readFileSync(join(dir, path)));
    }

    // Dependabot's bump: the next release of create-batch-job, then the re-sync.
    await execa('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', next], { cwd: dir });
    resync = await execa('npx', ['projen'], { cwd: dir, reject: false, all: true });
  });

  it('re-syncs and says what changed since the recorded policy', () => {
    expect(resync.exitCode, resync.all).toBe(0);
    expect(resync.all).toContain(`batch-job policy 1.2.0 applied (was ${policy.version}); changes:`);
    expect(resync.all).toContain('1.2.0: Default framework moves to net10.0');
    expect(JSON.parse(readFileSync(join(dir, '.projen/batch-job.json'), 'utf8')).policyVersion).toBe('1.2.0');
  });

  it('moves every managed file to the new defaults together', () => {
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('<TargetFramework>net10.0</TargetFramework>');
    expect(JSON.parse(readFileSync(join(dir, 'global.json'), 'utf8')).sdk.version).toBe(policy.frameworks['net10.0'].sdkVersion);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain(`FROM --platform=$BUILDPLATFORM ${policy.frameworks['net10.0'].sdkImage} AS build`);
    expect(dockerfile).toContain(`FROM ${policy.frameworks['net10.0'].runtimeImage}`);
    expect(dockerfile).not.toContain(':8.0');
    // The CI's SDK setup moves with it: global.json is what setup-dotnet reads, and the step names the new band.
    const setup = dotnetSetup(dir);
    expect(setup.with?.['global-json-file']).toBe('global.json');
    expect(setup.name).toContain(policy.frameworks['net10.0'].sdkVersion);
    expect(setup.name).not.toContain(policy.frameworks['net8.0'].sdkVersion);
    const cronJob = parse(readFileSync(join(dir, 'deploy/k8s/nightly-report.cronjob.yaml'), 'utf8'));
    expect(cronJob.spec.jobTemplate.spec.backoffLimit).toBe(2);
  });

  it('deletes the managed file the new policy drops', () => {
    expect(existsSync(join(dir, '.editorconfig'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, '.projen/files.json'), 'utf8')).files).not.toContain('.editorconfig');
  });

  it('leaves every team-owned file byte-identical', () => {
    // The samples the audit named (test project, solution, settings) are among them, with the edited ones.
    for (const path of [`${APP}.sln`, `src/${APP}/appsettings.json`, `tests/${APP}.Tests/${APP}.Tests.csproj`, `src/${APP}/Program.cs`, '.projenrc.ts', 'README.md', 'Directory.Packages.team.props']) {
      expect([...teamFiles.keys()], path).toContain(path);
    }
    for (const [path, bytes] of teamFiles) expect(readFileSync(join(dir, path)).equals(bytes), `${path} changed`).toBe(true);
  });

  it('then builds, tests and runs on the new framework', async () => {
    const build = await dotnet(['build', '-warnaserror'], dir);
    expect(build.exitCode, build.all).toBe(0);
    const test = await dotnet(['test', '--no-build'], dir);
    expect(test.exitCode, test.all).toBe(0);
    const run = await startApp(join(dir, `src/${APP}/bin/Debug/net10.0/${APP}.dll`), ['nightly-report'], dir);
    expect(run.exitCode, String(run.stdout)).toBe(0);
    jsonLines(String(run.stdout));
  });
});

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { policy } from '../../src/policy/index.js';
import { runCreateBin, tempDir } from '../support/cli.js';
import { cleanBuildEnvironment, executeDockerfile, homeFor, missingEntrypointFiles, runEntrypoint, type ExecuteResult } from '../support/dockerfile-exec.js';
import { lintDockerfile, formatDiagnostics } from '../support/dockerfile-lint.js';
import { configuredNuGetSources, dotnet, dotnetEnv, jsonLines, startApp, waitForOutput, warningCount } from '../support/dotnet.js';

const APP = 'NightlyReport';
const JOB = 'nightly-report';

// One full build/test/run cycle per framework the policy supports: the meaningful variants.
describe.each(Object.keys(policy.frameworks))('generated .NET repo (%s)', (framework) => {
  let dir: string;
  let dll: string;

  beforeAll(async () => {
    const cwd = tempDir(`cbj-e2e-${framework}-`);
    const created = await runCreateBin(['repo', '--yes', '--no-install', '--name', JOB, '--job', `${JOB},cleanup`, '--framework', framework], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    dir = join(cwd, 'repo');
    dll = join(dir, `src/${APP}/bin/Debug/${framework}/${APP}.dll`);
  });

  it('builds with -warnaserror and 0 warnings', async () => {
    const build = await dotnet(['build', '-warnaserror'], dir);
    expect(build.exitCode, build.all).toBe(0);
    expect(warningCount(build.all)).toBe(0);
  });

  // Central package management and lock files, checked on the repo the build above restored (no extra build).
  it('follows .NET conventions: central package versions, lock files restored in locked mode, formatted code', async () => {
    expect(readFileSync(join(dir, `src/${APP}/${APP}.csproj`), 'utf8')).not.toMatch(/Version=/);
    for (const project of [`src/${APP}`, `tests/${APP}.Tests`]) {
      const lock = JSON.parse(readFileSync(join(dir, project, 'packages.lock.json'), 'utf8'));
      expect(Object.keys(lock.dependencies[framework] ?? {}), project).toContain('Microsoft.CodeAnalysis.BannedApiAnalyzers');
    }
    const restore = await dotnet(['restore', '--locked-mode'], dir);
    expect(restore.exitCode, restore.all).toBe(0);
    const format = await dotnet(['format', '--no-restore', '--verify-no-changes'], dir);
    expect(format.exitCode, format.all).toBe(0);
  });

  it('passes its own tests', async () => {
    const test = await dotnet(['test', '--no-build'], dir);
    expect(test.exitCode, test.all).toBe(0);
    expect(test.all).toMatch(/Passed!|passed/i);
  });

  it('runs the job once: exit 0, stdout only JSON lines', async () => {
    const run = await startApp(dll, [JOB], dir);
    expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(policy.exitCodes.success);
    const lines = jsonLines(String(run.stdout));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some((l) => String(l.Message ?? l.message ?? '').includes('Processed'))).toBe(true);
  });

  it('exits 2 on invalid configuration, the code the pod failure policy fails the Job on', async () => {
    const bad = await startApp(dll, [JOB], dir, { NightlyReportJob__ItemCount: '0' });
    expect(bad.exitCode, String(bad.stdout)).toBe(policy.exitCodes.invalidConfiguration);
    const cronJob = parse(readFileSync(join(dir, `deploy/k8s/${JOB}.cronjob.yaml`), 'utf8'));
    const failJob = cronJob.spec.jobTemplate.spec.podFailurePolicy.rules.find((r: { action: string }) => r.action === 'FailJob');
    expect(failJob.onExitCodes.values).toEqual([bad.exitCode]);
    jsonLines(String(bad.stdout));
    const unknown = await startApp(dll, ['no-such-job'], dir);
    expect(unknown.exitCode, String(unknown.stdout)).toBe(policy.exitCodes.invalidConfiguration);
  });

  it('stops on SIGTERM within the grace period with exit 143', async () => {
    const child = startApp(dll, [JOB], dir, { NightlyReportJob__ItemCount: '2000000000' });
    // Wait until the job is working (its first log line), then terminate as the kubelet would.
    await waitForOutput(child, 'Processing');
    const sent = Date.now();
    child.kill('SIGTERM');
    const result = await child;
    const elapsedMs = Date.now() - sent;
    expect(result.exitCode, String(result.stdout)).toBe(policy.exitCodes.terminated);
    expect(elapsedMs).toBeLessThan(policy.terminationGracePeriodSeconds * 1000);
  });

  // No container engine here: the RUN steps run on this host's .NET SDK (not the image's), from an empty HOME whose
  // NuGet.Config lists only the sources this machine is configured with; the ENTRYPOINT runs on the host's runtime
  // (DOTNET_ROLL_FORWARD for net8.0: only a .NET 10 runtime is installed) as the image's non-root UID.
  it('Dockerfile RUN steps on the host SDK (empty HOME, configured NuGet sources only) publish every file the ENTRYPOINT loads, and it runs each rendered job as UID 1654', async () => {
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(formatDiagnostics(lintDockerfile(dockerfile))).toBe('');
    const { DOTNET_ROLL_FORWARD: _runtimeOnly, ...buildEnv } = dotnetEnv;
    const clean = cleanBuildEnvironment(await configuredNuGetSources(dir), buildEnv);
    let image: ExecuteResult | undefined;
    try {
      image = await executeDockerfile(dockerfile, { context: dir, hostEnv: clean.env });
      expect(image.user).toBe(String(policy.containerUid));
      expect(missingEntrypointFiles(image)).toEqual([]);
      // Each rendered CronJob/Job starts the image's entrypoint (or its own command) with its args.
      const { stdout } = await execa('kubectl', ['kustomize', join(dir, 'deploy/k8s')]);
      const batch = parseAllDocuments(stdout).map((d) => d.toJSON()).filter((o) => o.kind === 'CronJob' || o.kind === 'Job');
      expect(batch.map((o) => o.metadata.name).sort()).toEqual([JOB, `${JOB}-cleanup`]);
      const home = homeFor(policy.containerUid);
      for (const obj of batch) {
        const pod = (obj.kind === 'CronJob' ? obj.spec.jobTemplate.spec : obj.spec).template.spec;
        const container = pod.containers[0];
        expect(container.command, 'the image entrypoint starts the app').toBeUndefined();
        const run = await runEntrypoint(image, {
          args: container.args,
          uid: Number(image.user),
          hostEnv: { PATH: process.env.PATH, HOME: home, TMPDIR: home },
          env: { DOTNET_ROLL_FORWARD: 'Major' },
        });
        if (process.getuid?.() === 0) expect(run.uid).toBe(policy.containerUid);
        expect(run.exitCode, `${obj.metadata.name}: ${run.stdout}\n${run.stderr}`).toBe(0);
        expect(jsonLines(run.stdout).some((l) => JSON.stringify(l).includes(`Job ${container.args[0]} succeeded`))).toBe(true);
      }
      rmSync(home, { recursive: true, force: true });
    } finally {
      image?.dispose();
      clean.dispose();
    }
  });

  describe('policy enforcement (in a copy)', () => {
    let copy: string;
    beforeAll(() => {
      copy = join(mkdtempSync(join(tmpdir(), 'cbj-e2e-copy-')), 'repo');
      cpSync(dir, copy, { recursive: true, filter: (src) => !/[/\\](bin|obj)$/.test(src) });
    });
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it('an unhandled exception in a job exits 1', async () => {
      writeFileSync(
        join(copy, `src/${APP}/Jobs/BoomJob.cs`),
        `namespace ${APP}.Jobs;\n\npublic sealed class BoomJob : IJob\n{\n    public Task RunAsync(JobContext context, CancellationToken cancellationToken) =>\n        throw new InvalidOperationException("boom");\n}\n`,
      );
      const program = join(copy, `src/${APP}/Program.cs`);
      const source = readFileSync(program, 'utf8');
      const registration = `jobs.Add<NightlyReportJob, NightlyReportJobOptions>("${JOB}");`;
      expect(source).toContain(registration);
      writeFileSync(program, source.replace(registration, `${registration}\n    jobs.Add<BoomJob>("boom");`));
      const build = await dotnet(['build', '-warnaserror', `src/${APP}`], copy);
      expect(build.exitCode, build.all).toBe(0);
      const run = await startApp(join(copy, `src/${APP}/bin/Debug/${framework}/${APP}.dll`), ['boom'], copy);
      expect(run.exitCode, String(run.stdout)).toBe(policy.exitCodes.failure);
      jsonLines(String(run.stdout));
      // Leave the copy as generated for the next checks.
      rmSync(join(copy, `src/${APP}/Jobs/BoomJob.cs`));
      writeFileSync(program, source);
    });

    it('a Hangfire.Core reference fails the build, naming the policy', async () => {
      // Added the central-package-management way: the version in the team's props, the reference without one.
      const csproj = join(copy, `src/${APP}/${APP}.csproj`);
      const teamProps = join(copy, 'Directory.Packages.team.props');
      const [original, originalProps] = [readFileSync(csproj, 'utf8'), readFileSync(teamProps, 'utf8')];
      writeFileSync(csproj, original.replace('</Project>', '  <ItemGroup>\n    <PackageReference Include="Hangfire.Core" />\n  </ItemGroup>\n</Project>'));
      writeFileSync(teamProps, originalProps.replace('<ItemGroup>', '<ItemGroup>\n    <PackageVersion Include="Hangfire.Core" Version="1.8.25" />'));
      const build = await dotnet(['build', `src/${APP}`], copy);
      writeFileSync(csproj, original);
      writeFileSync(teamProps, originalProps);
      expect(build.exitCode).not.toBe(0);
      expect(build.all).toContain('Hangfire.Core');
      expect(build.all).toContain(policy.name);
    });

    it('a package that differs from the committed lock file fails the locked-mode restore (NU1004)', async () => {
      const lockPath = join(copy, `src/${APP}/packages.lock.json`);
      const lockText = readFileSync(lockPath, 'utf8');
      const lock = JSON.parse(lockText);
      const hosting = lock.dependencies[framework]['Microsoft.Extensions.Hosting'];
      lock.dependencies[framework]['Microsoft.Extensions.Hosting'] = { ...hosting, requested: '[0.0.1, )', resolved: '0.0.1' };
      writeFileSync(lockPath, JSON.stringify(lock, null, 2));
      const restore = await dotnet(['restore', '--locked-mode', `src/${APP}`], copy);
      writeFileSync(lockPath, lockText);
      expect(restore.exitCode, restore.all).not.toBe(0);
      expect(restore.all).toContain('NU1004');
    });

    it('a banned timer type fails the build with RS0030', async () => {
      const file = join(copy, `src/${APP}/Ticker.cs`);
      writeFileSync(file, `namespace ${APP};\n\ninternal static class Ticker\n{\n    internal static IDisposable Start() => new System.Threading.Timer(_ => { }, null, 0, 1000);\n}\n`);
      const build = await dotnet(['build', `src/${APP}`], copy);
      rmSync(file);
      expect(build.exitCode).not.toBe(0);
      expect(build.all).toContain('RS0030');
    });
  });
});


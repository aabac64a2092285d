import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { policy } from '../../src/policy/index.js';
import { runCreateBin, tempDir } from '../support/cli.js';
import { executeDockerfile, runEntrypoint, type ExecuteResult } from '../support/dockerfile-exec.js';
import { lintDockerfile, formatDiagnostics } from '../support/dockerfile-lint.js';
import { dotnet, jsonLines, startApp, waitForOutput, warningCount } from '../support/dotnet.js';

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

  it('executes the Dockerfile build steps and its ENTRYPOINT runs the job', async () => {
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(formatDiagnostics(lintDockerfile(dockerfile))).toBe('');
    let image: ExecuteResult | undefined;
    try {
      image = await executeDockerfile(dockerfile, { context: dir });
      expect(image.user).toBe(String(policy.containerUid));
      // Each rendered CronJob/Job starts the image's entrypoint (or its own command) with its args.
      const { stdout } = await execa('kubectl', ['kustomize', join(dir, 'deploy/k8s')]);
      const batch = parseAllDocuments(stdout).map((d) => d.toJSON()).filter((o) => o.kind === 'CronJob' || o.kind === 'Job');
      expect(batch.map((o) => o.metadata.name).sort()).toEqual([JOB, `${JOB}-cleanup`]);
      for (const obj of batch) {
        const pod = (obj.kind === 'CronJob' ? obj.spec.jobTemplate.spec : obj.spec).template.spec;
        const container = pod.containers[0];
        expect(container.command, 'the image entrypoint starts the app').toBeUndefined();
        const run = await runEntrypoint(image, { args: container.args, env: { DOTNET_ROLL_FORWARD: 'Major' } });
        expect(run.exitCode, `${obj.metadata.name}: ${run.stdout}\n${run.stderr}`).toBe(0);
        expect(jsonLines(run.stdout).some((l) => JSON.stringify(l).includes(`Job ${container.args[0]} succeeded`))).toBe(true);
      }
    } finally {
      image?.dispose();
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
      const csproj = join(copy, `src/${APP}/${APP}.csproj`);
      const original = readFileSync(csproj, 'utf8');
      writeFileSync(csproj, original.replace('</Project>', '  <ItemGroup>\n    <PackageReference Include="Hangfire.Core" Version="1.8.25" />\n  </ItemGroup>\n</Project>'));
      const build = await dotnet(['build', `src/${APP}`], copy);
      writeFileSync(csproj, original);
      expect(build.exitCode).not.toBe(0);
      expect(build.all).toContain('Hangfire.Core');
      expect(build.all).toContain(policy.name);
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


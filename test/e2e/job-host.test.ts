import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GRACE_PERIOD_ENV } from '../../src/components/dotnet/templates.js';
import { policy } from '../../src/policy/index.js';
import { repoRoot, runCreateBin, tempDir } from '../support/cli.js';
import { dotnet, jsonLines, startApp, waitForOutput } from '../support/dotnet.js';

const APP = 'NightlyReport';
const JOB = 'nightly-report';
const FRAMEWORK = 'net10.0';

/**
 * The job host's failure modes, all in ONE generated repository built once: probe jobs (test/fixtures/job-host)
 * are added to the app and switched on per run with the PROBE setting, so each case costs a process start, not a build.
 */
describe('job host contract under failure', () => {
  let dir: string;
  let dll: string;

  const run = (args: string[], env: Record<string, string> = {}) => startApp(dll, args, dir, env);
  const messages = (stdout: unknown) => jsonLines(String(stdout)).map((l) => JSON.stringify(l)).join('\n');

  beforeAll(async () => {
    const cwd = tempDir('cbj-e2e-host-');
    const created = await runCreateBin(['repo', '--yes', '--no-install', '--name', JOB, '--job', `${JOB},cleanup`, '--framework', FRAMEWORK], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    dir = join(cwd, 'repo');
    const probes = readFileSync(join(repoRoot, 'test/fixtures/job-host/Probes.cs.txt'), 'utf8').replaceAll('__APP__', APP);
    writeFileSync(join(dir, `src/${APP}/Probes.cs`), probes);
    const program = join(dir, `src/${APP}/Program.cs`);
    const source = readFileSync(program, 'utf8');
    const lastRegistration = [...source.matchAll(/^\s*jobs\.Add<.*;$/gm)].pop();
    expect(lastRegistration, source).toBeDefined();
    const end = lastRegistration!.index + lastRegistration![0].length;
    writeFileSync(program, `${source.slice(0, end)}\n    Probes.Register(jobs);${source.slice(end)}`);
    const build = await dotnet(['build', '-warnaserror', `src/${APP}`], dir);
    expect(build.exitCode, build.all).toBe(0);
    dll = join(dir, `src/${APP}/bin/Debug/${FRAMEWORK}/${APP}.dll`);
  });

  it('keeps exit 0 when disposing a service throws, and logs the disposal error as JSON', async () => {
    const result = await run(['dispose-throws'], { PROBE: 'dispose-throws' });
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(policy.exitCodes.success);
    expect(String(result.stderr)).toBe('');
    const text = messages(result.stdout);
    expect(text).toContain('succeeded');
    expect(text).toContain('Disposing the job host failed; keeping exit code 0');
    expect(text).toContain('dispose failed on purpose');
  });

  it('a missing DI registration is a wiring error: exit 2, not retried', async () => {
    const result = await run(['missing-registration'], { PROBE: 'missing-registration' });
    expect(result.exitCode, String(result.stdout)).toBe(policy.exitCodes.invalidConfiguration);
    expect(messages(result.stdout)).toContain('IUnregistered');
  });

  it('an invalid log level is a configuration error: exit 2 naming the setting', async () => {
    const result = await run([JOB], { Logging__LogLevel__Default: 'Verbose' });
    expect(result.exitCode, String(result.stdout)).toBe(policy.exitCodes.invalidConfiguration);
    expect(messages(result.stdout)).toContain('Logging:LogLevel:Default');
  });

  it.each(['soon', '0', '-5'])('a grace period of %j in the manifest\'s variable is a configuration error: exit 2 naming it', async (value) => {
    const result = await run([JOB], { [GRACE_PERIOD_ENV]: value });
    expect(result.exitCode, String(result.stdout)).toBe(policy.exitCodes.invalidConfiguration);
    expect(messages(result.stdout)).toContain(`${GRACE_PERIOD_ENV} '${value}'`);
  });

  it.each([
    [[JOB, 'cleanup'], 'cleanup'],
    [[JOB, '-x'], '-x'],
    [[JOB, '--NightlyReportJob:ItemCount'], '--NightlyReportJob:ItemCount'],
  ])('stray argument %j: exit 2 naming %s', async (args, named) => {
    const result = await run(args);
    expect(result.exitCode, String(result.stdout)).toBe(policy.exitCodes.invalidConfiguration);
    expect(messages(result.stdout)).toContain(`'${named}'`);
  });

  it('configuration arguments in every accepted form still run the job', async () => {
    const result = await run([JOB, '--NightlyReportJob:ItemCount=3', '/NightlyReportJob:BatchSize', '2', 'Logging:LogLevel:Default=Warning']);
    expect(result.exitCode, String(result.stdout)).toBe(policy.exitCodes.success);
  });

  it('SIGTERM reaches IHostApplicationLifetime.ApplicationStopping: exit 143 well within the stop budget', async () => {
    // The manifest's grace period reaches the host: 13 s leaves a 3 s stop budget (grace period minus 10 s).
    const child = run(['waits-for-stopping'], { PROBE: 'waits-for-stopping', [GRACE_PERIOD_ENV]: '13' });
    await waitForOutput(child, 'Probe waiting');
    const sent = Date.now();
    child.kill('SIGTERM');
    const result = await child;
    expect(result.exitCode, String(result.stdout)).toBe(policy.exitCodes.terminated);
    expect(messages(result.stdout)).toContain('it has 3 s to stop');
    // The stop budget is the grace period minus 10 s; a job that only sees ApplicationStopping would use all of it.
    expect(Date.now() - sent).toBeLessThan(5_000);
  });

  it('the build guard fails on a banned package that arrives transitively, naming the direct reference that brings it in', async () => {
    const csproj = join(dir, `src/${APP}/${APP}.csproj`);
    const original = readFileSync(csproj, 'utf8');
    // Its timer trigger depends on NCrontab.Signed. NU1603/NU1701 (nearby versions, old target frameworks in its
    // graph) are silenced as a team would, so that the guard is what fails the build. The repository manages
    // package versions centrally, so a one-off version is a VersionOverride (a plain Version is NU1008).
    const reference = '<PackageReference Include="Microsoft.Azure.WebJobs.Extensions" VersionOverride="3.0.6" />';
    const noWarn = '<PropertyGroup>\n    <NoWarn>$(NoWarn);NU1603;NU1701</NoWarn>\n  </PropertyGroup>';
    writeFileSync(csproj, original.replace('</Project>', `  ${noWarn}\n  <ItemGroup>\n    ${reference}\n  </ItemGroup>\n</Project>`));
    try {
      const build = await dotnet(['build', `src/${APP}`], dir);
      expect(build.exitCode, build.all).not.toBe(0);
      const error = build.all.split('\n').find((line) => line.includes('error BATCHJOB001')) ?? '';
      expect(error.toLowerCase(), build.all.slice(-3000)).toContain('ncrontab.signed');
      expect(error).toContain('reference(s) Microsoft.Azure.WebJobs.Extensions.');
      // The app's other direct references do not depend on it: naming them would send the team the wrong way.
      for (const innocent of ['Microsoft.Extensions.Hosting', 'OpenTelemetry', 'Microsoft.CodeAnalysis.BannedApiAnalyzers']) {
        expect(error).not.toContain(innocent);
      }
      expect(error).toContain(policy.name);
    } finally {
      writeFileSync(csproj, original);
    }
  });

  it('the analyzers run over the managed files: CA1848 violations in JobHost.cs and JobTelemetry.cs fail the build', async () => {
    // One build for both files: each gets a class that logs without LoggerMessage.
    const files = ['JobHost.cs', 'JobTelemetry.cs'].map((name) => join(dir, `src/${APP}/${name}`));
    const originals = files.map((file) => readFileSync(file, 'utf8'));
    files.forEach((file, i) => {
      chmodSync(file, 0o644);
      writeFileSync(file, `${originals[i]}\ninternal static class AnalyzerProbe${i}\n{\n    internal static void Write(Microsoft.Extensions.Logging.ILogger logger) => Microsoft.Extensions.Logging.LoggerExtensions.LogInformation(logger, "probe");\n}\n`);
    });
    try {
      const build = await dotnet(['build', `src/${APP}`], dir);
      expect(build.exitCode).not.toBe(0);
      expect(build.all).toMatch(/JobHost\.cs\(\d+,\d+\): error CA1848/);
      expect(build.all).toMatch(/JobTelemetry\.cs\(\d+,\d+\): error CA1848/);
    } finally {
      files.forEach((file, i) => writeFileSync(file, originals[i]!));
    }
  });
});

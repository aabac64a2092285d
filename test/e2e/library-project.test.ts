import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.js';
import { INSTALL_TIMEOUT, runCreateBin, tempDir } from '../support/cli.js';
import { cleanBuildEnvironment, executeDockerfile, homeFor, missingEntrypointFiles, runEntrypoint } from '../support/dockerfile-exec.js';
import { configuredNuGetSources, dotnetEnv, jsonLines } from '../support/dotnet.js';
import { packSelf } from '../support/pack.js';

const APP = 'NightlyReport';
const JOB = 'nightly-report';
const LIB = `${APP}.Core`;

/**
 * What a team does in its first week: a library project under src/ referenced by the app. The managed Dockerfile
 * must follow (after `npx projen`), `npx projen build` must build and test the .NET code, and the Dockerfile's
 * steps must publish an image whose entrypoint runs the job that uses the library. The repository uses the chiseled
 * runtime image (no extra build: this is the one variant whose Dockerfile steps are run with a library project).
 */
describe('generated repo + a library project and a project reference', () => {
  let dir: string;

  beforeAll(async () => {
    const tgz = await packSelf();
    const cwd = tempDir('cbj-e2e-lib-');
    const created = await runCreateBin(['repo', '--yes', '--name', JOB, '--framework', 'net10.0', '--runtime-image', 'chiseled', '--self-spec', tgz], { cwd, timeout: INSTALL_TIMEOUT });
    expect(created.exitCode, created.stderr + created.stdout).toBe(0);
    dir = join(cwd, 'repo');
    mkdirSync(join(dir, `src/${LIB}`));
    writeFileSync(
      join(dir, `src/${LIB}/${LIB}.csproj`),
      '<Project Sdk="Microsoft.NET.Sdk">\n  <PropertyGroup>\n    <IsPackable>false</IsPackable>\n  </PropertyGroup>\n</Project>\n',
    );
    writeFileSync(
      join(dir, `src/${LIB}/Greeting.cs`),
      `namespace ${LIB};\n\n/// <summary>Lives in the library project.</summary>\npublic static class Greeting\n{\n    /// <summary>The text the job logs.</summary>\n    public static string Text => "hello from the library";\n}\n`,
    );
    const csproj = join(dir, `src/${APP}/${APP}.csproj`);
    writeFileSync(csproj, readFileSync(csproj, 'utf8').replace('</Project>', `  <ItemGroup>\n    <ProjectReference Include="..\\${LIB}\\${LIB}.csproj" />\n  </ItemGroup>\n</Project>`));
    // The job logs through the library, so the published image must contain it.
    const jobs = readdirSync(join(dir, `src/${APP}/Jobs`));
    expect(jobs).toHaveLength(1);
    const job = join(dir, `src/${APP}/Jobs/${jobs[0]}`);
    const source = readFileSync(job, 'utf8');
    const anchor = 'public async Task RunAsync(JobContext context, CancellationToken cancellationToken)\n    {\n';
    expect(source).toContain(anchor);
    writeFileSync(job, source.replace(anchor, `${anchor}        LogLibrary(_logger, ${LIB}.Greeting.Text);\n`)
      .replace(/\n}\s*$/, `\n\n    [LoggerMessage(EventId = 901, Level = LogLevel.Information, Message = "Library says {Text}")]\n    private static partial void LogLibrary(ILogger logger, string text);\n}\n`));
  });

  it('npx projen re-syncs: the Dockerfile restore layer now copies the library project', async () => {
    const result = await execa('npx', ['projen'], { cwd: dir, reject: false, all: true });
    expect(result.exitCode, result.all).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain(`COPY src/${LIB}/${LIB}.csproj src/${LIB}/`);
  });

  it('npx projen build runs dotnet build and dotnet test', async () => {
    const result = await execa('npx', ['projen', 'build'], { cwd: dir, reject: false, all: true, env: dotnetEnv });
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toMatch(/Build succeeded/);
    expect(result.all).toMatch(/Passed!|passed/i);
  });

  it('Dockerfile RUN steps on the host SDK (empty HOME, configured NuGet sources only) publish the app with its library, and the ENTRYPOINT runs the job as UID 1654', async () => {
    const { DOTNET_ROLL_FORWARD: _runtimeOnly, ...buildEnv } = dotnetEnv;
    const clean = cleanBuildEnvironment(await configuredNuGetSources(dir), buildEnv);
    const home = homeFor(policy.containerUid);
    try {
      const image = await executeDockerfile(readFileSync(join(dir, 'Dockerfile'), 'utf8'), { context: dir, hostEnv: clean.env });
      try {
        expect(missingEntrypointFiles(image)).toEqual([]);
        expect(existsSync(join(image.hostWorkdir, `${LIB}.dll`))).toBe(true);
        // The chiseled image has no ICU: the published app must say so itself, or it would fail at start-up there.
        const runtimeConfig = JSON.parse(readFileSync(join(image.root, `app/${APP}.runtimeconfig.json`), 'utf8'));
        expect(runtimeConfig.runtimeOptions.configProperties['System.Globalization.Invariant']).toBe(true);
        const run = await runEntrypoint(image, {
          args: [JOB],
          uid: Number(image.user),
          hostEnv: { PATH: process.env.PATH, HOME: home, TMPDIR: home },
          env: { DOTNET_ROLL_FORWARD: 'Major' },
        });
        expect(run.exitCode, `${run.stdout}\n${run.stderr}`).toBe(policy.exitCodes.success);
        expect(jsonLines(run.stdout).some((l) => JSON.stringify(l).includes('hello from the library'))).toBe(true);
      } finally {
        image.dispose();
      }
    } finally {
      clean.dispose();
      rmSync(home, { recursive: true, force: true });
    }
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { execa } from 'execa';
import { cleanBuildEnvironment, DockerfileExecError, executeDockerfile, homeFor, missingEntrypointFiles, runEntrypoint, type ExecuteResult } from '../support/dockerfile-exec.js';
import { dotnetEnv } from '../support/dotnet.js';
import { tempTree } from '../support/temp-tree.js';

const scratch = mkdtempSync(join(tmpdir(), 'dockerfile-exec-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A build context on disk from a path → content map. */
function context(files: Record<string, string>): string {
  return tempTree(join(scratch, 'ctx-'), files);
}

const read = (result: ExecuteResult, containerPath: string) => readFileSync(join(result.root, containerPath), 'utf8');

// Two stages, COPY from the context and between stages, ENV/ARG into RUN, shell and exec form, continuation
// lines with a comment inside (Docker drops it), .dockerignore.
const FIXTURE = `# fixture
ARG GREETING=hello
FROM alpine:3.20 AS build
ARG GREETING
ENV TARGET=world \\
    SUFFIX="!"
WORKDIR /src
COPY greeting.txt settings.ini ./
COPY lib/ lib/
RUN mkdir -p out && \\
    # this comment line is removed by Docker before the shell sees the command
    echo "$GREETING $TARGET$SUFFIX" > out/message.txt
RUN cp greeting.txt out/ && cat lib/a.txt lib/nested/b.txt > out/joined.txt
RUN ["sh", "-c", "ls lib | sort > out/lib-listing.txt"]
WORKDIR sub
RUN pwd > ../out/pwd.txt

FROM busybox:1.36 AS final
WORKDIR /app
ENV MODE=production
COPY --from=build /src/out ./
USER 1654
ENTRYPOINT ["sh", "-c", "echo \\"args=$*\\" mode=$MODE extra=$EXTRA; cat message.txt; exit \${EXIT_CODE:-0}", "entry"]
CMD ["default-arg"]
`;

function fixtureContext(): string {
  return context({
    'Dockerfile': FIXTURE,
    '.dockerignore': 'secret.txt\n**/ignored/\n**/*.log\n',
    'greeting.txt': 'hi from the context\n',
    'settings.ini': 'a=1\n',
    'secret.txt': 'do not copy\n',
    'lib/a.txt': 'A\n',
    'lib/nested/b.txt': 'B\n',
    'lib/ignored/c.txt': 'C\n',
    'lib/debug.log': 'noise\n',
  });
}

describe('executeDockerfile', () => {
  it('runs both stages and builds the final stage from the first one', async () => {
    const ctx = fixtureContext();
    const result = await executeDockerfile(FIXTURE, { context: ctx, tmpDir: scratch });
    try {
      expect(result.stages.map((s) => s.name)).toEqual(['build', 'final']);
      expect(result.workdir).toBe('/app');
      expect(result.hostWorkdir).toBe(join(result.root, 'app'));
      expect(result.user).toBe('1654');
      expect(result.entrypoint[0]).toBe('sh');
      expect(result.cmd).toEqual(['default-arg']);
      expect(result.env).toMatchObject({ MODE: 'production' });

      // ARG default from the global scope, ENV with quotes, continuation without the comment line.
      expect(read(result, 'app/message.txt')).toBe('hello world!\n');
      expect(read(result, 'app/greeting.txt')).toBe('hi from the context\n');
      expect(read(result, 'app/joined.txt')).toBe('A\nB\n');
      // .dockerignore kept lib/ignored and *.log out of the build stage.
      expect(read(result, 'app/lib-listing.txt')).toBe('a.txt\nnested\n');
      // A relative WORKDIR nests under the previous one.
      expect(read(result, 'app/pwd.txt').trim()).toBe(join(result.stages[0]!.root, 'src/sub'));

      // Only what COPY --from brought: the final stage has no sources and no secret.
      expect(existsSync(join(result.root, 'app/settings.ini'))).toBe(false);
      expect(existsSync(join(result.stages[0]!.root, 'src/secret.txt'))).toBe(false);
      expect(existsSync(join(result.stages[0]!.root, 'src/settings.ini'))).toBe(true);
      expect(result.log.filter((e) => e.detail.startsWith('run ok')).length).toBe(4);

      // ENTRYPOINT + CMD, then args replacing CMD, env on top, and the exit code passed through.
      const byDefault = await runEntrypoint(result);
      expect(byDefault.exitCode).toBe(0);
      expect(byDefault.stdout).toBe('args=default-arg mode=production extra=\nhello world!\n');
      const withArgs = await runEntrypoint(result, { args: ['nightly-report'], env: { EXTRA: 'x', EXIT_CODE: '2' } });
      expect(withArgs.exitCode).toBe(2);
      expect(withArgs.stdout).toBe('args=nightly-report mode=production extra=x\nhello world!\n');
    } finally {
      result.dispose();
    }
    expect(existsSync(result.root)).toBe(false);
  });

  it('build args override ARG defaults', async () => {
    const ctx = fixtureContext();
    const result = await executeDockerfile(FIXTURE, { context: ctx, tmpDir: scratch, buildArgs: { GREETING: 'bonjour' } });
    try {
      expect(read(result, 'app/message.txt')).toBe('bonjour world!\n');
    } finally {
      result.dispose();
    }
  });

  it('fails with the command output when a RUN fails', async () => {
    const ctx = context({ 'x.txt': 'x' });
    const dockerfile = 'FROM alpine:3.20\nWORKDIR /w\nRUN echo about to fail && exit 3\n';
    await expect(executeDockerfile(dockerfile, { context: ctx, tmpDir: scratch })).rejects.toThrow(
      /line 3 .*exited with 3[\s\S]*about to fail/,
    );
  });

  it.each([
    ['RUN dotnet publish -c Release -o /app/publish', '/app/publish'],
    ['RUN cd /src && make', '/src'],
    ['RUN dotnet build --output=/out', '/out'],
    ['RUN cp x.txt ~/x.txt', '~/x.txt'],
    ['ENV OUT=/out\nRUN cp x.txt "$OUT"', '/out'],
    ['RUN ["cp", "x.txt", "/etc/x.txt"]', '/etc/x.txt'],
  ])('refuses absolute container paths: %s', async (step, offending) => {
    const ctx = context({ 'x.txt': 'x' });
    const dockerfile = `FROM alpine:3.20\nWORKDIR /w\nCOPY x.txt ./\n${step}\n`;
    const attempt = executeDockerfile(dockerfile, { context: ctx, tmpDir: scratch });
    await expect(attempt).rejects.toBeInstanceOf(DockerfileExecError);
    await expect(executeDockerfile(dockerfile, { context: ctx, tmpDir: scratch })).rejects.toThrow(
      `absolute container path "${offending}"`,
    );
  });

  it('allows /dev/null', async () => {
    const ctx = context({ 'x.txt': 'x' });
    const result = await executeDockerfile('FROM a:1\nWORKDIR /w\nRUN echo ok > /dev/null && echo y > y.txt\n', { context: ctx, tmpDir: scratch });
    expect(read(result, 'w/y.txt')).toBe('y\n');
    result.dispose();
  });

  it('reports missing or ignored COPY sources and unknown stages', async () => {
    const ctx = context({ '.dockerignore': 'secret.txt\n', 'secret.txt': 's' });
    await expect(executeDockerfile('FROM a:1\nCOPY secret.txt ./\n', { context: ctx, tmpDir: scratch })).rejects.toThrow(
      /not found in the build context or excluded by \.dockerignore/,
    );
    await expect(executeDockerfile('FROM a:1\nCOPY --from=nope /x ./\n', { context: ctx, tmpDir: scratch })).rejects.toThrow(
      /names no earlier stage/,
    );
  });
});

describe('container-like runs', () => {
  const root = process.getuid?.() === 0;

  it(root ? 'runs the ENTRYPOINT as the image user: UID and GID 1654, no other group' : 'runs the ENTRYPOINT as the current user (not root: no setpriv)', async () => {
    const ctx = context({ 'x.txt': 'readable by the image user\n' });
    const image = await executeDockerfile('FROM a:1\nWORKDIR /app\nCOPY x.txt ./\nUSER 1654\nENTRYPOINT ["sh", "-c", "id -u; id -g; id -G; cat x.txt"]\n', { context: ctx, tmpDir: scratch });
    try {
      const home = homeFor(1654, scratch);
      const run = await runEntrypoint(image, { uid: Number(image.user), hostEnv: { PATH: process.env.PATH, HOME: home } });
      const uid = root ? 1654 : process.getuid!();
      const gid = root ? 1654 : process.getgid!();
      expect(run.exitCode, run.stderr).toBe(0);
      expect(run.uid).toBe(uid);
      expect(run.stdout.split('\n').slice(0, 2)).toEqual([String(uid), String(gid)]);
      if (root) expect(run.stdout.split('\n')[2]).toBe('1654');
      expect(run.stdout).toContain('readable by the image user');
    } finally {
      image.dispose();
    }
  });

  it('a clean build environment has an empty HOME and NuGet reads only the given sources', async () => {
    const clean = cleanBuildEnvironment(['https://feed.example.test/v3/index.json', '/srv/offline-feed'], dotnetEnv, scratch);
    try {
      expect(clean.env.HOME).toBe(clean.home);
      expect(Object.keys(clean.env).sort()).toEqual(['DOTNET_CLI_HOME', 'HOME', 'PATH', ...Object.keys(dotnetEnv)].sort());
      const cwd = mkdtempSync(join(scratch, 'nuget-'));
      const listed = await execa('dotnet', ['nuget', 'list', 'source', '--format', 'short'], { cwd, env: clean.env, extendEnv: false, reject: false, all: true });
      expect(listed.exitCode, listed.all).toBe(0);
      expect(listed.stdout.trim().split('\n').map((l) => l.trim())).toEqual(['E https://feed.example.test/v3/index.json', 'E /srv/offline-feed']);
    } finally {
      clean.dispose();
    }
    expect(existsSync(clean.home)).toBe(false);
    expect(() => cleanBuildEnvironment([])).toThrow(DockerfileExecError);
  });

  it('names the files `dotnet <App>.dll` needs that the publish output lacks', async () => {
    const deps = JSON.stringify({ targets: { 'net10.0': { 'App/1.0.0': { runtime: { 'App.dll': {} } }, 'Lib/1.0.0': { runtime: { 'lib/net8.0/Lib.dll': {} } }, 'Meta/1.0.0': {} } } });
    const ctx = context({ 'out/App.dll': '', 'out/App.runtimeconfig.json': '{}', 'out/App.deps.json': deps });
    const dockerfile = (entrypoint: string) => `FROM a:1\nWORKDIR /app\nCOPY out/ ./\nENTRYPOINT ${entrypoint}\n`;
    const image = await executeDockerfile(dockerfile('["dotnet", "App.dll"]'), { context: ctx, tmpDir: scratch });
    try {
      expect(missingEntrypointFiles(image)).toEqual(['Lib.dll']);
      writeFileSync(join(image.hostWorkdir, 'Lib.dll'), '');
      expect(missingEntrypointFiles(image)).toEqual([]);
      rmSync(join(image.hostWorkdir, 'App.runtimeconfig.json'));
      expect(missingEntrypointFiles(image)).toEqual(['App.runtimeconfig.json']);
    } finally {
      image.dispose();
    }
    const other = await executeDockerfile(dockerfile('["./App"]'), { context: ctx, tmpDir: scratch });
    try {
      expect(() => missingEntrypointFiles(other)).toThrow(/not `dotnet <App>.dll`/);
    } finally {
      other.dispose();
    }
  });
});

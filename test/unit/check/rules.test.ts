import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useColour } from '../../../src/check/format/text.js';
import { createContext } from '../../../src/check/context.js';
import { checkCSharp, mayBreakCSharpRule } from '../../../src/check/rules/csharp.js';
import { secretInLine, secretLines } from '../../../src/check/rules/secrets.js';
import { checkMemory } from '../../../src/check/run.js';
import { memoryRepository } from '../../../src/check/walk.js';
import { fakeToken as fake } from '../../support/fake-key.js';

const where = (report: Awaited<ReturnType<typeof checkMemory>>, rule?: string) =>
  report.findings.filter((f) => rule === undefined || f.rule === rule).map((f) => `${f.rule}:${f.file}:${f.line ?? '-'}`);

describe('.NET packages', () => {
  it('packages.lock.json: a transitive banned package names the direct one; a direct one is left to the project file', async () => {
    const lock = {
      version: 1,
      dependencies: {
        'net8.0': {
          'Acme.Scheduling': { type: 'Direct', requested: '[1.0.0, )', resolved: '1.0.0', dependencies: { 'Quartz': '3.13.0' } },
          'Hangfire.Core': { type: 'Direct', requested: '[1.8.0, )', resolved: '1.8.0' },
          Quartz: { type: 'Transitive', resolved: '3.13.0' },
        },
      },
    };
    const report = await checkMemory(new Map([['src/App/packages.lock.json', JSON.stringify(lock, null, 2)]]));
    expect(where(report)).toEqual(['dotnet-banned-package-transitive:src/App/packages.lock.json:18']);
    expect(report.findings[0]!.message).toBe('Quartz arrives through Acme.Scheduling (Quartz*: in-process job scheduler)');
  });

  it('projects listed by .sln and .slnx are checked even where the walk did not list them; outside the root is a note', async () => {
    const files = new Map([
      ['App.sln', 'Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Legacy", "legacy\\Legacy.csproj", "{11111111-1111-1111-1111-111111111111}"\nEndProject\nProject("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "Far", "..\\far\\Far.csproj", "{22222222-2222-2222-2222-222222222222}"\nEndProject\n'],
      ['App.slnx', '<Solution>\n  <Project Path="tools/Tool.fsproj" />\n</Solution>\n'],
      ['legacy/Legacy.csproj.hidden', ''],
    ]);
    const read = new Map(files);
    read.set('legacy/Legacy.csproj', '<Project Sdk="Microsoft.NET.Sdk.Worker">\n  <ItemGroup>\n    <PackageReference Include="NCronJob" Version="4.0.0" />\n  </ItemGroup>\n</Project>\n');
    read.set('tools/Tool.fsproj', '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup><PackageReference Include="FluentScheduler" Version="5.5.1" /></ItemGroup>\n</Project>\n');
    const report = await checkMemory(files);
    expect(where(report)).toEqual([]);
    // The memory repository lists only the map's keys; give it the projects to read but not to list.
    const { checkFiles } = await import('../../../src/check/run.js');
    const listedOnly = { paths: ['App.sln', 'App.slnx'], read: (p: string) => read.get(p), notes: [] };
    const withProjects = await checkFiles(listedOnly);
    expect(where(withProjects)).toEqual(['dotnet-banned-package:legacy/Legacy.csproj:3', 'dotnet-banned-package:tools/Tool.fsproj:2']);
    expect(withProjects.notes.map((n) => n.message)).toEqual(['lists ..\\far\\Far.csproj, outside the scanned folder: not checked']);
  });
});

describe('secrets', () => {
  it('finds key-like literals in YAML, Helm values, CI files and appsettings without echoing them; references are not findings', async () => {
    const key = fake(30);
    const files = new Map([
      ['deploy/instana/values.yaml', `agent:\n  keysSecret: instana-agent\n  key: ${key}\n`],
      ['.github/workflows/ci.yml', `jobs:\n  x:\n    steps:\n      - run: helm upgrade a b --set agent.key=\${{ secrets.AGENT_KEY }}\n      - run: helm upgrade a b --set-string agent.downloadKey=${key}\n`],
      ['src/App/appsettings.Development.json', `{\n  "Db": {\n    "Password": "${key}",\n    "Host": "localhost"\n  },\n  "ApiKey": "<set-in-secret>"\n}\n`],
      ['scripts/deploy.sh', `#!/bin/sh\nhelm upgrade a b --set agent.key="$AGENT_KEY"\nexport TOKEN=${key}\n`],
      ['chart/Chart.yaml', 'apiVersion: v2\nname: c\nversion: 1.0.0\n'],
      ['chart/templates/secret.yaml', `password: ${key}\n`],
    ]);
    const report = await checkMemory(files);
    expect(where(report, 'secret-literal')).toEqual([
      'secret-literal:.github/workflows/ci.yml:5',
      'secret-literal:deploy/instana/values.yaml:3',
      'secret-literal:scripts/deploy.sh:3',
      'secret-literal:src/App/appsettings.Development.json:3',
    ]);
    expect(JSON.stringify(report)).not.toContain(key);
    expect(report.notes.map((n) => `${n.kind}:${n.file}`)).toContain('helm-templates:chart/templates/');
  });
});

describe('secrets pre-filter', () => {
  // `secretLines` checks only the lines a cheap expression picks; checking every line must find exactly the same.
  const everyLine = (text: string) => text.split('\n').flatMap((raw, i) => {
    const message = secretInLine(raw);
    return message === undefined ? [] : [{ line: i + 1, message }];
  });
  const key = fake(30);

  it('finds what a line-by-line scan finds, on lines built from names, separators and values (property)', () => {
    const name = fc.constantFrom('password', 'Password', 'dbPwd', 'apiKey', 'agent.key', 'downloadKey', 'key', 'KEY', 'token', 'clientSecret', 'connectionString', 'credentials', 'image', 'name', 'host', 'x', 'value', 'keysSecret', 'secretName');
    const value = fc.oneof(
      fc.constantFrom(key, fake(24), fake(40), 'hunter2hunter2', 'abc12345', 'localhost', '${{ secrets.KEY }}', '$AGENT_KEY', '<set-me>', 'true', '', 'db-password-2', 'eu-west-1'),
      fc.constantFrom(`AKIA${fake(16).toUpperCase()}`, `ghp_${fake(36)}`, `xoxb-${fake(12)}`, `eyJ${fake(12)}.${fake(12)}.x`, '-----BEGIN RSA PRIVATE KEY-----'),
      fc.stringMatching(/^[A-Za-z0-9+/=_-]{0,40}$/),
    );
    const line = fc.oneof(
      fc.tuple(fc.constantFrom('', '  ', '- ', 'export ', '# ', '    '), name, fc.constantFrom(': ', '=', ' = ', ': "', ":'"), value, fc.constantFrom('', '"', ' # note', '\r')).map((p) => p.join('')),
      fc.tuple(fc.constantFrom('helm upgrade a b --set ', 'run: helm x --set-string ', '--set='), name, fc.constantFrom('='), value).map((p) => p.join('')),
      fc.constantFrom('', 'apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: reports', 'image: registry.example.com/team/app:1.2.3', 'automountServiceAccountToken: false', 'x'.repeat(4001)),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.boolean(), (lines, trailingNewline) => {
        const text = lines.join('\n') + (trailingNewline ? '\n' : '');
        expect(secretLines(text)).toEqual(everyLine(text));
      }),
      { numRuns: 500 },
    );
  });

  it('reports the right line numbers around skipped lines (CRLF, several hits, last line without a newline)', () => {
    const text = `a: 1\r\nb: 2\r\npassword: ${key}\r\nc: 3\n\n# token: ${key}\nd: e\napiKey: ${key}`;
    expect(secretLines(text).map((f) => f.line)).toEqual([3, 8]);
    expect(everyLine(text).map((f) => f.line)).toEqual([3, 8]);
  });
});

describe('Kubernetes input', () => {
  it('reads multi-document YAML anywhere and says once that kustomize folders were read raw', async () => {
    const files = new Map([
      ['ops/all.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: b\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: c:1.0\n'],
      ['k1/kustomization.yaml', 'resources: []\n'],
      ['k2/kustomization.yaml', 'resources: []\n'],
    ]);
    const report = await checkMemory(files);
    expect(where(report, 'k8s-deprecated-api')).toEqual(['k8s-deprecated-api:ops/all.yaml:6']);
    expect(report.findings.some((f) => f.rule === 'k8s-container-resources' && f.file === 'ops/all.yaml' && f.line === 18)).toBe(true);
    expect(report.notes.filter((n) => n.kind === 'kustomize-raw')).toHaveLength(1);
  });
  // Without kubectl the manifests stream (pass 1 parses only kustomizations); these pin what streaming must keep.
  const cronJob = (image: string) =>
    `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: b\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: ${image}\n`;

  it('a kustomization pins images for files that sort before it and in folders below it; the nearest one wins', async () => {
    const files = new Map([
      // `a/b/…` sorts before `a/kustomization.yaml`: the pin must still apply.
      ['a/b/job.yaml', cronJob('reports')],
      ['a/kustomization.yaml', 'images:\n  - name: reports\n    newTag: "1.2.3"\n'],
      ['a/c/kustomization.yaml', 'images:\n  - name: other\n    newTag: "1.0.0"\n'],
      ['a/c/job.yaml', cronJob('reports')],
      ['z/job.yaml', cronJob('reports')],
    ]);
    const report = await checkMemory(files);
    expect(report.findings.filter((f) => f.detail === 'image-pinned').map((f) => f.file)).toEqual(['a/c/job.yaml', 'z/job.yaml']);
  });

  it('parse notes keep path order whichever pass parsed the file; an Ingress sees a ConfigMap from a later file', async () => {
    const files = new Map([
      ['a/broken.yaml', 'kind: ConfigMap\nmetadata: [\n'],
      ['a/kustomization.yaml', 'resources: [\n'],
      ['b/broken.yaml', 'kind: Job\n  x: : y\n'],
      ['c/ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/custom-headers: default/headers\nspec:\n  rules: []\n'],
      ['d/headers.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: headers\ndata:\n  X-Frame-Options: DENY\n'],
    ]);
    const report = await checkMemory(files);
    expect(report.notes.filter((n) => n.kind === 'yaml-invalid').map((n) => n.file)).toEqual(['a/broken.yaml', 'a/kustomization.yaml', 'b/broken.yaml']);
    const missing = report.findings.filter((f) => f.rule === 'ingress-headers-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]!.message).toContain('custom-headers ConfigMap default/headers');
    expect(missing[0]!.message).not.toContain('X-Frame-Options');
  });
});

describe('C# name resolution', () => {
  it('global usings and global aliases apply to every file; a static using of a scheduler type is reported', async () => {
    const files = new Map([
      ['src/App/GlobalUsings.cs', 'global using Sched = Hangfire;\nglobal using System.Timers;\n'],
      ['src/App/Jobs.cs', 'namespace App;\n\npublic static class Jobs\n{\n    public static void Go() => Sched.BackgroundJob.Enqueue(() => Go());\n    private static readonly Timer Ticker = new(1000);\n}\n'],
      ['src/App/Static.cs', 'using static Quartz.SchedulerBuilder;\n\nnamespace App;\n'],
      // No pre-filter word: found by the second pass because it uses the global alias.
      ['src/App/Enqueue.cs', 'namespace App;\n\npublic static class Enqueue\n{\n    public static void Go() => Sched.BackgroundJob.Enqueue(() => Go());\n}\n'],
    ]);
    const report = await checkMemory(files);
    expect(where(report)).toEqual([
      'csharp-scheduler-api:src/App/Enqueue.cs:5',
      'csharp-scheduler-api:src/App/GlobalUsings.cs:1',
      'csharp-scheduler-api:src/App/Jobs.cs:5',
      'csharp-timer:src/App/Jobs.cs:6',
      'csharp-scheduler-api:src/App/Static.cs:1',
    ]);
  });
});

describe('C# pre-filter (which files tree-sitter parses)', () => {
  const file = (body: string) => `using System;\n\nnamespace Acme.Jobs;\n\npublic sealed class Work\n{\n${body}\n}\n`;
  const timer = 'private readonly System.Threading.Timer _t = new(_ => { }, null, 0, 1000);';

  it('skips a file whose words of interest are only in whole-line comments', () => {
    expect(mayBreakCSharpRule(file('    // Elapsed time is measured by the Timer helper of the BackgroundService docs.'))).toBe(false);
    expect(mayBreakCSharpRule(file('    /// <summary>Not a Quartz job.</summary>\n    public int X { get; }'))).toBe(false);
    expect(mayBreakCSharpRule(file('    public int X { get; }'))).toBe(false);
  });

  it.each([
    ['code after a comment line', `    // no Timer here\n    ${timer}`],
    ['code with a trailing comment', `    ${timer} // Timer`],
    ['a // inside a string before code', `    private string U = "http://x"; ${timer}`],
    ['a word in a block comment', '    /* Timer */ public int X { get; }'],
    ['a comment line inside a raw string with an interpolated timer', `    string S = $"""\n    // {new System.Threading.Timer(null)}\n    """;`],
    ['a comment line inside a verbatim interpolated string', `    string S = $@"\n    // {new System.Threading.Timer(null)}";`],
    ['code after a comment ended by U+0085 (a C# new line)', `    // note\u0085${timer}`],
    ['a global using without any word', '    public int X { get; }\n'.replace(/^/, 'global using Q = Quartz;\n')],
  ])('still selects a file with %s', (_case, body) => {
    expect(mayBreakCSharpRule(file(body))).toBe(true);
  });

  it('what it skips has no finding, and what it keeps is still reported', async () => {
    const files = new Map([
      ['src/A/Commented.cs', file('    // Elapsed time is measured by the Timer helper of the BackgroundService docs.\n    public int X { get; }')],
      ['src/A/Raw.cs', file(`    string S = $"""\n    // {new System.Threading.Timer(null)}\n    """;`)],
      ['src/A/Field.cs', file(`    // no Timer here\n    ${timer}`)],
    ]);
    const { context, findings } = createContext(memoryRepository(files), { kubectl: false });
    expect(await checkCSharp(context)).toEqual({ parsed: 2, scanned: 2 });
    expect(findings.map((f) => `${f.rule}:${f.file}:${f.line}`).sort()).toEqual(['csharp-timer:src/A/Field.cs:8', 'csharp-timer:src/A/Raw.cs:8']);
    // Parsing every file (no pre-filter) finds the same: the skipped file had nothing to find.
    const all = await checkMemory(new Map([...files].map(([p, t]) => [p, t.replace('// Elapsed', '// Elapsed\n    private string U = @"x";')])));
    expect(all.findings.filter((f) => f.file === 'src/A/Commented.cs')).toEqual([]);
  });
});

describe('Dockerfile', () => {
  it('single stage, SDK final image, untagged or latest bases, named or root users are findings; $APP_UID is not', async () => {
    const files = new Map([
      ['a/Dockerfile', 'FROM mcr.microsoft.com/dotnet/sdk:latest\nUSER app\n'],
      ['b/Dockerfile', 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM build AS test\nFROM mcr.microsoft.com/dotnet/runtime AS final\nUSER 0\n'],
      ['b/.dockerignore', 'bin/\n'],
      ['c/Dockerfile', 'FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build\nFROM mcr.microsoft.com/dotnet/runtime:8.0@sha256:abc\nUSER $APP_UID\n'],
      ['c/.dockerignore', 'bin/\n'],
    ]);
    expect(where(await checkMemory(files))).toEqual([
      'dockerfile-dockerignore:a/Dockerfile:-',
      'dockerfile-base-tag:a/Dockerfile:1',
      'dockerfile-multi-stage:a/Dockerfile:1',
      'dockerfile-runtime-image:a/Dockerfile:1',
      'dockerfile-non-root-user:a/Dockerfile:2',
      'dockerfile-base-tag:b/Dockerfile:3',
      'dockerfile-non-root-user:b/Dockerfile:4',
    ]);
  });
});

describe('colours', () => {
  it('only on a TTY, never with NO_COLOR or TERM=dumb', () => {
    expect(useColour({ isTTY: true }, {})).toBe(true);
    expect(useColour({ isTTY: false }, {})).toBe(false);
    expect(useColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
  });
});

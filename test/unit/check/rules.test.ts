import { describe, expect, it } from 'vitest';
import { useColour } from '../../../src/check/format/text.js';
import { checkMemory } from '../../../src/check/run.js';

const where = (report: Awaited<ReturnType<typeof checkMemory>>, rule?: string) =>
  report.findings.filter((f) => rule === undefined || f.rule === rule).map((f) => `${f.rule}:${f.file}:${f.line ?? '-'}`);

/** Key-shaped test values built at run time (no key material is stored in the repository). */
const fake = (n: number) => Array.from({ length: n }, (_, i) => 'aB3xY7qZ9mK2pL5wR8tN4vC6'[(i * 7) % 24]).join('');

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

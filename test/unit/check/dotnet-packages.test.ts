import { describe, expect, it } from 'vitest';
import { checkFiles, checkMemory } from '../../../src/check/run.js';

type Report = Awaited<ReturnType<typeof checkMemory>>;
const exact = (report: Report) => report.findings.map((f) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column, en: f.message, es: f.messageEs }));
const notes = (report: Report) => report.notes.map((n) => ({ kind: n.kind, file: n.file, en: n.message, es: n.messageEs }));

describe('check: banned .NET packages in MSBuild files', () => {
  it('PackageReference, PackageVersion and GlobalPackageReference (Include or Update, any quotes and case) at their lines, in both languages', async () => {
    const report = await checkMemory(new Map([
      ['src/App/App.CSPROJ', '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Serilog" Version="4.0.0" />\n    <packagereference update=\'hangfire.core\' Version="1.8.0" />\n  </ItemGroup>\n</Project>\n'],
      ['Directory.Packages.props', '<Project>\n  <ItemGroup>\n    <PackageVersion Include="Quartz.Extensions.Hosting" Version="3.13.0" />\n    <GlobalPackageReference Include = "Cronos" Version="0.8.0" />\n  </ItemGroup>\n</Project>\n'],
      ['build/Sched.targets', '<Project>\n  <ItemGroup><PackageReference Include="NCronJob" /></ItemGroup>\n</Project>\n'],
      ['src/Vb/Vb.vbproj', '<Project>\n  <ItemGroup><PackageReference Include="FluentSchedulerX" /></ItemGroup>\n</Project>\n'],
      ['src/NoItems/NoItems.fsproj', '<Project>\n  <ItemGroup><Reference Include="Hangfire" /></ItemGroup>\n</Project>\n'],
      ['docs/App.csproj.txt', '<PackageReference Include="Hangfire" />\n'],
    ]));
    expect(exact(report)).toEqual([
      { rule: 'dotnet-banned-package', file: 'build/Sched.targets', line: 2, column: undefined, en: 'PackageReference NCronJob (NCronJob: in-process cron scheduler)', es: 'PackageReference NCronJob (NCronJob: planificador cron en proceso)' },
      { rule: 'dotnet-banned-package', file: 'Directory.Packages.props', line: 3, column: undefined, en: 'PackageVersion Quartz.Extensions.Hosting (Quartz*: in-process job scheduler)', es: 'PackageVersion Quartz.Extensions.Hosting (Quartz*: planificador de jobs en proceso)' },
      { rule: 'dotnet-banned-package', file: 'Directory.Packages.props', line: 4, column: undefined, en: 'GlobalPackageReference Cronos (Cronos: cron evaluation for in-process scheduling)', es: 'GlobalPackageReference Cronos (Cronos: evaluación de cron para planificar en proceso)' },
      { rule: 'dotnet-banned-package', file: 'src/App/App.CSPROJ', line: 4, column: undefined, en: 'packagereference hangfire.core (Hangfire*: in-process job scheduler)', es: 'packagereference hangfire.core (Hangfire*: planificador de jobs en proceso)' },
    ]);
    expect(report.findings.every((f) => f.severity === 'error')).toBe(true);
  });
});

describe('check: banned .NET packages in lock and assets files', () => {
  it('project.assets.json: a banned package reached from two direct packages names both, sorted; a direct banned one is left out', async () => {
    const assets = {
      version: 3,
      targets: {
        'net8.0': {
          'Zeta.Jobs/1.0.0': { type: 'package', dependencies: { 'quartz': '3.13.0' } },
          'Alpha.Jobs/2.0.0': { type: 'package', dependencies: { 'Quartz': '3.13.0', 'Hangfire.Core': '1.8.0' } },
          'Quartz/3.13.0': { type: 'package', dependencies: { 'Cronos': '0.8.0' } },
          'Cronos/0.8.0': { type: 'package' },
          'Hangfire.Core/1.8.0': { type: 'package' },
        },
      },
      project: { frameworks: { 'net8.0': { dependencies: { 'Zeta.Jobs': { version: '[1.0.0, )' }, 'Alpha.Jobs': { version: '[2.0.0, )' }, 'hangfire.core': { version: '[1.8.0, )' } } } } },
    };
    const text = JSON.stringify(assets, null, 2);
    const report = await checkMemory(new Map([['src/App/obj/project.assets.json', text]]));
    const lines = text.split('\n');
    const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    expect(exact(report)).toEqual([
      { rule: 'dotnet-banned-package-transitive', file: 'src/App/obj/project.assets.json', line: lineOf('"Quartz/3.13.0": {'), column: undefined, en: 'Quartz arrives through Alpha.Jobs, Zeta.Jobs (Quartz*: in-process job scheduler)', es: 'Quartz llega a través de Alpha.Jobs, Zeta.Jobs (Quartz*: planificador de jobs en proceso)' },
      { rule: 'dotnet-banned-package-transitive', file: 'src/App/obj/project.assets.json', line: lineOf('"Cronos/0.8.0": {'), column: undefined, en: 'Cronos arrives through Alpha.Jobs, Zeta.Jobs (Cronos: cron evaluation for in-process scheduling)', es: 'Cronos llega a través de Alpha.Jobs, Zeta.Jobs (Cronos: evaluación de cron para planificar en proceso)' },
    ].sort((a, b) => a.line - b.line));
  });

  it('packages.lock.json: a Project entry is direct; a package listed under two frameworks keeps the dependencies of both', async () => {
    const lock = {
      version: 1,
      dependencies: {
        'net8.0': {
          'Shared.Lib': { type: 'Project', dependencies: { 'Acme.Utils': '1.0.0' } },
          'Acme.Utils': { type: 'Transitive', resolved: '1.0.0' },
          'Sundial.Core': { type: 'Transitive', resolved: '2.0.0' },
        },
        'net10.0': {
          'Acme.Utils': { type: 'Transitive', resolved: '1.0.0', dependencies: { 'Sundial.Core': '2.0.0' } },
        },
      },
    };
    const text = JSON.stringify(lock, null, 2);
    const report = await checkMemory(new Map([['App/PACKAGES.LOCK.JSON', text]]));
    expect(exact(report)).toEqual([
      { rule: 'dotnet-banned-package-transitive', file: 'App/PACKAGES.LOCK.JSON', line: text.split('\n').findIndex((l) => l.includes('"Sundial.Core": {')) + 1, column: undefined, en: 'Sundial.Core arrives through Shared.Lib (Sundial*: in-process job scheduler)', es: 'Sundial.Core llega a través de Shared.Lib (Sundial*: planificador de jobs en proceso)' },
    ]);
  });

  it('a dependency cycle ends; a lock file that is not JSON is a note in both languages and nothing else', async () => {
    const lock = { dependencies: { 'net8.0': { A: { type: 'Direct', dependencies: { B: '1' } }, B: { type: 'Transitive', dependencies: { A: '1', 'TickerQ': '1' } }, TickerQ: { type: 'Transitive' } } } };
    const report = await checkMemory(new Map([
      ['a/packages.lock.json', JSON.stringify(lock, null, 2)],
      ['b/packages.lock.json', '{ "version": 1,'],
      ['c/project.assets.json', 'not json'],
    ]));
    expect(report.findings.map((f) => `${f.file}:${f.message}`)).toEqual(['a/packages.lock.json:TickerQ arrives through A (TickerQ*: in-process job scheduler)']);
    expect(notes(report)).toEqual([
      { kind: 'unreadable', file: 'b/packages.lock.json', en: 'not valid JSON', es: 'no es JSON válido' },
      { kind: 'unreadable', file: 'c/project.assets.json', en: 'not valid JSON', es: 'no es JSON válido' },
    ]);
  });
});

describe('check: projects a solution lists', () => {
  const banned = (line: number) => `${'<Project>\n'.repeat(line - 1)}<PackageReference Include="Coravel" />\n`;
  const project = (name: string, path: string) => `Project("{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}") = "${name}", "${path}", "{11111111-1111-1111-1111-111111111111}"\nEndProject\n`;

  it('resolves . and .. from the solution folder, checks each unlisted project once, and notes one that climbs out', async () => {
    const read = new Map([
      ['sln/App.sln', project('A', '.\\..\\src\\A\\A.csproj') + project('B', 'sub\\B.csproj') + project('Again', '..\\src\\A\\A.csproj') + project('Far', '..\\..\\far\\F.csproj')],
      ['sln/Tools.SLNX', '<Solution>\n  <Project Path="../src/Listed/Listed.csproj" />\n  <Project Path="t/./T.vbproj" />\n</Solution>\n'],
      ['src/A/A.csproj', banned(2)],
      ['sln/sub/B.csproj', banned(3)],
      ['src/Listed/Listed.csproj', banned(4)],
      ['sln/t/T.vbproj', banned(5)],
    ]);
    const report = await checkFiles({ paths: ['sln/App.sln', 'sln/Tools.SLNX', 'src/Listed/Listed.csproj'], read: (p: string) => read.get(p), notes: [] });
    expect(report.findings.map((f) => `${f.file}:${f.line}`)).toEqual(['sln/sub/B.csproj:3', 'sln/t/T.vbproj:5', 'src/A/A.csproj:2', 'src/Listed/Listed.csproj:4']);
    expect(notes(report)).toEqual([
      { kind: 'unreadable', file: 'sln/App.sln', en: 'lists ..\\..\\far\\F.csproj, outside the scanned folder: not checked', es: 'incluye ..\\..\\far\\F.csproj, fuera de la carpeta analizada: no se revisa' },
    ]);
  });
});

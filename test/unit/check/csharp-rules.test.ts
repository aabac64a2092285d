import { describe, expect, it } from 'vitest';
import { createContext } from '../../../src/check/context.js';
import { checkCSharp } from '../../../src/check/rules/csharp.js';
import { checkMemory } from '../../../src/check/run.js';
import { memoryRepository } from '../../../src/check/walk.js';

type Report = Awaited<ReturnType<typeof checkMemory>>;
const exact = (report: Report) => report.findings.map((f) => ({ rule: f.rule, file: f.file, line: f.line, column: f.column, en: f.message, es: f.messageEs }));

describe('check: C# rules at exact lines, columns and texts', () => {
  it('using directives, resolved and written scheduler names, and timers; one finding per rule and line; declarations are not uses', async () => {
    const jobs = [
      'using Q = Quartz;',
      'using static Hangfire.RecurringJob;',
      'using Quartz.Impl;',
      'using System.Threading;',
      'using System.Text;',
      '',
      'namespace App;',
      '',
      'public class Jobs',
      '{',
      '    private readonly Timer _a = new(_ => { }, null, 0, 1);',
      '    private readonly object _c = new System.Timers.Timer(5);',
      '    public void Go() { var s = Q.JobBuilder.Create(); Hangfire.BackgroundJob.Enqueue(() => Go()); }',
      '    public void Again() => Hangfire.BackgroundJob.Enqueue(() => Go());',
      '    public class Timer { }',
      '    public void Local(int Timer) { }',
      '}',
      '',
    ].join('\n');
    const report = await checkMemory(new Map([['src/App/Jobs.cs', jobs]]));
    expect(exact(report)).toEqual([
      { rule: 'csharp-scheduler-api', file: 'src/App/Jobs.cs', line: 1, column: undefined, en: 'using Q = Quartz', es: 'directiva using Q = Quartz' },
      { rule: 'csharp-scheduler-api', file: 'src/App/Jobs.cs', line: 2, column: undefined, en: 'using static Hangfire.RecurringJob', es: 'directiva using static Hangfire.RecurringJob' },
      { rule: 'csharp-scheduler-api', file: 'src/App/Jobs.cs', line: 3, column: undefined, en: 'using Quartz.Impl', es: 'directiva using Quartz.Impl' },
      { rule: 'csharp-timer', file: 'src/App/Jobs.cs', line: 11, column: 22, en: 'Timer is System.Threading.Timer', es: 'Timer es System.Threading.Timer' },
      { rule: 'csharp-timer', file: 'src/App/Jobs.cs', line: 12, column: 38, en: 'System.Timers.Timer field, variable or construction', es: 'campo, variable o construcción de System.Timers.Timer' },
      { rule: 'csharp-scheduler-api', file: 'src/App/Jobs.cs', line: 13, column: 32, en: 'Q.JobBuilder.Create resolves to Quartz.JobBuilder.Create', es: 'Q.JobBuilder.Create se resuelve como Quartz.JobBuilder.Create' },
      { rule: 'csharp-scheduler-api', file: 'src/App/Jobs.cs', line: 14, column: 28, en: 'Hangfire.BackgroundJob.Enqueue', es: 'uso de Hangfire.BackgroundJob.Enqueue' },
    ]);
    expect(report.findings.every((f) => f.severity === 'error')).toBe(true);
  });

  it('hosted services (classes and records) that wait on Task.Delay or a PeriodicTimer in any loop; other waits and other classes are not findings', async () => {
    const loop = [
      'using System.Threading.Tasks;',
      'using Microsoft.Extensions.Hosting;',
      '',
      'namespace App;',
      '',
      'public sealed class Poller : BackgroundService',
      '{',
      '    protected override async Task ExecuteAsync(System.Threading.CancellationToken ct)',
      '    {',
      '        while (!ct.IsCancellationRequested) { await Task.Delay(1000, ct); }',
      '        for (;;) { await other.Delay(5); }',
      '        do { await timer.WaitForNextTickAsync(ct); } while (true);',
      '        foreach (var x in xs) { await System.Threading.Tasks.Task.Delay(1); }',
      '        while (true) { Work(); }',
      '    }',
      '}',
      '',
      'public record R : Microsoft.Extensions.Hosting.IHostedService',
      '{',
      '    void M() { while (true) { Task.Delay(1).Wait(); } }',
      '}',
      '',
      'public class Plain : Base',
      '{',
      '    async Task M() { while (true) { await Task.Delay(1); } }',
      '}',
      '',
    ].join('\n');
    const report = await checkMemory(new Map([['src/App/Loop.cs', loop]]));
    const poller = { en: 'Poller waits on Task.Delay/PeriodicTimer in a loop', es: 'Poller espera con Task.Delay/PeriodicTimer dentro de un bucle' };
    expect(exact(report)).toEqual([
      { rule: 'csharp-background-loop', file: 'src/App/Loop.cs', line: 10, column: 9, ...poller },
      { rule: 'csharp-background-loop', file: 'src/App/Loop.cs', line: 12, column: 9, ...poller },
      { rule: 'csharp-background-loop', file: 'src/App/Loop.cs', line: 13, column: 9, ...poller },
      { rule: 'csharp-background-loop', file: 'src/App/Loop.cs', line: 20, column: 16, en: 'R waits on Task.Delay/PeriodicTimer in a loop', es: 'R espera con Task.Delay/PeriodicTimer dentro de un bucle' },
    ]);
  });

  it('global:: names, generic hosted bases, and uses of a global scheduler alias select and flag files; a member named like the alias is no use', async () => {
    const files = new Map([
      ['src/App/Usings.cs', 'global using Sched = Hangfire;\n'],
      ['src/App/A.cs', 'namespace App;\n\npublic class A : global::Microsoft.Extensions.Hosting.BackgroundService\n{\n    async System.Threading.Tasks.Task M() { while (true) { await global::System.Threading.Tasks.Task.Delay(1); } }\n    void N() { var j = global::Quartz.JobBuilder.Create<MyJob>(); }\n    void O() { var t = new global::System.Threading.Timer(null); }\n}\n'],
      ['src/App/B.cs', 'namespace App;\n\npublic class B\n{\n    void M() => Sched.BackgroundJob.Enqueue(() => M());\n}\n'],
      ['src/App/C.cs', 'namespace App;\n\npublic class C\n{\n    object Sched;\n}\n'],
      ['src/App/D.cs', 'namespace App;\n\npublic class D\n{\n    void M() { var x = Sched .Other; }\n}\n'],
      ['src/App/E.cs', 'namespace App;\n\npublic class E<T> : BackgroundService<T>\n{\n    void M() { do { Task.Delay(1); } while (true); }\n}\n'],
    ]);
    const { context } = createContext(memoryRepository(files), { kubectl: false });
    expect(await checkCSharp(context)).toEqual({ parsed: 6, scanned: 6 });
    expect(exact(await checkMemory(files))).toEqual([
      { rule: 'csharp-background-loop', file: 'src/App/A.cs', line: 5, column: 45, en: 'A waits on Task.Delay/PeriodicTimer in a loop', es: 'A espera con Task.Delay/PeriodicTimer dentro de un bucle' },
      { rule: 'csharp-scheduler-api', file: 'src/App/A.cs', line: 6, column: 24, en: 'Quartz.JobBuilder.Create', es: 'uso de Quartz.JobBuilder.Create' },
      { rule: 'csharp-timer', file: 'src/App/A.cs', line: 7, column: 28, en: 'System.Threading.Timer field, variable or construction', es: 'campo, variable o construcción de System.Threading.Timer' },
      { rule: 'csharp-scheduler-api', file: 'src/App/B.cs', line: 5, column: 17, en: 'Sched.BackgroundJob.Enqueue resolves to Hangfire.BackgroundJob.Enqueue', es: 'Sched.BackgroundJob.Enqueue se resuelve como Hangfire.BackgroundJob.Enqueue' },
      { rule: 'csharp-scheduler-api', file: 'src/App/D.cs', line: 5, column: 24, en: 'Sched.Other resolves to Hangfire.Other', es: 'Sched.Other se resuelve como Hangfire.Other' },
      { rule: 'csharp-background-loop', file: 'src/App/E.cs', line: 5, column: 16, en: 'E waits on Task.Delay/PeriodicTimer in a loop', es: 'E espera con Task.Delay/PeriodicTimer dentro de un bucle' },
      { rule: 'csharp-scheduler-api', file: 'src/App/Usings.cs', line: 1, column: undefined, en: 'using Sched = Hangfire', es: 'directiva using Sched = Hangfire' },
    ]);
  });

  it('an alias of a timer type is a timer wherever it is written, with or without a dot; declarations named like it are not', async () => {
    const files = new Map([
      ['src/App/Local.cs', 'using T = System.Timers.Timer;\n\nnamespace App;\n\npublic class Local\n{\n    private readonly T _t = new(5);\n    void M() { T t = new(5); var u = new T(1); }\n    void N(int T) { }\n}\n'],
      ['src/App/Usings.cs', 'global using Tick = System.Threading.Timer;\nglobal using Json = System.Text.Json.JsonSerializer;\n'],
      ['src/App/Uses.cs', 'namespace App;\n\npublic class Uses\n{\n    private Tick? _tick;\n}\n'],
      ['src/App/Other.cs', 'namespace App;\n\npublic class Other\n{\n    string M() => Json.Serialize(1);\n}\n'],
    ]);
    const { context } = createContext(memoryRepository(files), { kubectl: false });
    // Local.cs and Usings.cs name a timer; Uses.cs is picked by its use of the global timer alias; an alias of any
    // other type (Json) does not make Other.cs worth parsing.
    expect(await checkCSharp(context)).toEqual({ parsed: 3, scanned: 3 });
    expect(exact(await checkMemory(files))).toEqual([
      { rule: 'csharp-timer', file: 'src/App/Local.cs', line: 7, column: 22, en: 'T is System.Timers.Timer', es: 'T es System.Timers.Timer' },
      { rule: 'csharp-timer', file: 'src/App/Local.cs', line: 8, column: 16, en: 'T is System.Timers.Timer', es: 'T es System.Timers.Timer' },
      { rule: 'csharp-timer', file: 'src/App/Uses.cs', line: 5, column: 13, en: 'Tick is System.Threading.Timer', es: 'Tick es System.Threading.Timer' },
    ]);
  });
});

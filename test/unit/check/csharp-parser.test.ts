import type { Node, Parser } from 'web-tree-sitter';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNameIndex, enclosingNamespace, IMPLICIT_USINGS, loadCSharpParser, nameText, parseCSharp, resolveName, type CSharpFile, type NameIndex } from '../../../src/check/csharp/parser.js';

// The C# index and name lookup (`src/check/csharp/parser.ts`) called directly, every value written out by hand from
// the sources below: the check's C# rules and `migrate`'s detectors only see what these functions return.

let parser: Parser;
beforeAll(async () => {
  parser = await loadCSharpParser();
});

const lines = (...l: string[]) => `${l.join('\n')}\n`;

/** The `occurrence`-th (0-based) identifier node whose text is `text`. */
function identifier(file: CSharpFile, text: string, occurrence = 0): Node {
  const found = file.tree.rootNode.descendantsOfType('identifier').filter((n): n is Node => n !== null && n.text === text);
  const node = found[occurrence];
  if (!node) throw new Error(`no identifier ${text} #${occurrence}`);
  return node;
}

const blockFile = lines(
  'global using System.Text;', // 1
  'global  using  static  System.Math;', // 2
  'using/*global using*/ Foo.Bar;', // 3
  'using T = System.Collections.Generic.List<global::Quartz.IJob>;', // 4
  'using global::Quartz . Impl /* trailing */;', // 5
  'using  static System.Console;', // 6
  'namespace Acme.Jobs', // 7
  '{', // 8
  '    using Q = Quartz;', // 9
  '    using Hangfire;', // 10
  '    namespace Nightly.Reports', // 11
  '    {', // 12
  '        public class Runner', // 13
  '        {', // 14
  '            private sealed record Options;', // 15
  '            public enum Mode { A }', // 16
  '        }', // 17
  '    }', // 18
  '    interface IThing { }', // 19
  '}', // 20
  'namespace Other { struct Point { } delegate void Handler(); }', // 21
  'class TopLevel { }', // 22
);

const fileScoped = lines(
  'using Quartz;', // 1
  'namespace Acme.Scheduling;', // 2
  'public class Cron { public class Part { } }', // 3
  'public interface IPlan { }', // 4
);

describe('parseCSharp', () => {
  it('reads every using directive: global, static, alias, comments and global:: inside, and its scope', () => {
    const file = parseCSharp(parser, blockFile);
    expect(file.usings).toStrictEqual([
      { target: 'System.Text', isGlobal: true, isStatic: false, line: 1, scope: '' },
      { target: 'System.Math', isGlobal: true, isStatic: true, line: 2, scope: '' },
      { target: 'Foo.Bar', isGlobal: false, isStatic: false, line: 3, scope: '' },
      { target: 'System.Collections.Generic.List<global::Quartz.IJob>', alias: 'T', isGlobal: false, isStatic: false, line: 4, scope: '' },
      { target: 'Quartz.Impl', isGlobal: false, isStatic: false, line: 5, scope: '' },
      { target: 'System.Console', isGlobal: false, isStatic: true, line: 6, scope: '' },
      { target: 'Quartz', alias: 'Q', isGlobal: false, isStatic: false, line: 9, scope: 'Acme.Jobs' },
      { target: 'Hangfire', isGlobal: false, isStatic: false, line: 10, scope: 'Acme.Jobs' },
    ]);
  });

  it('lists block namespaces fully qualified (nested ones under their parent) and types with full names and lines', () => {
    const file = parseCSharp(parser, blockFile);
    expect(file.namespaces).toStrictEqual(['Acme.Jobs', 'Acme.Jobs.Nightly.Reports', 'Other']);
    expect(file.types).toStrictEqual([
      { name: 'Runner', fullName: 'Acme.Jobs.Nightly.Reports.Runner', line: 13 },
      { name: 'Options', fullName: 'Acme.Jobs.Nightly.Reports.Runner.Options', line: 15 },
      { name: 'Mode', fullName: 'Acme.Jobs.Nightly.Reports.Runner.Mode', line: 16 },
      { name: 'IThing', fullName: 'Acme.Jobs.IThing', line: 19 },
      { name: 'Point', fullName: 'Other.Point', line: 21 },
      { name: 'Handler', fullName: 'Other.Handler', line: 21 },
      { name: 'TopLevel', fullName: 'TopLevel', line: 22 },
    ]);
  });

  it('a file-scoped namespace holds every type of the file', () => {
    const file = parseCSharp(parser, fileScoped);
    expect(file.namespaces).toStrictEqual(['Acme.Scheduling']);
    expect(file.types).toStrictEqual([
      { name: 'Cron', fullName: 'Acme.Scheduling.Cron', line: 3 },
      { name: 'Part', fullName: 'Acme.Scheduling.Cron.Part', line: 3 },
      { name: 'IPlan', fullName: 'Acme.Scheduling.IPlan', line: 4 },
    ]);
  });

  it('a type declaration without a name (code being typed) is not listed', () => {
    const file = parseCSharp(parser, lines('struct { }'));
    expect(file.tree.rootNode.descendantsOfType('struct_declaration')).toHaveLength(1);
    expect(file.types).toStrictEqual([]);
  });

  it('a file without namespaces has none, and its types keep their bare names', () => {
    const file = parseCSharp(parser, lines('using System;', 'class A { class B { } }'));
    expect(file.namespaces).toStrictEqual([]);
    expect(file.types).toStrictEqual([
      { name: 'A', fullName: 'A', line: 2 },
      { name: 'B', fullName: 'A.B', line: 2 },
    ]);
    expect(file.usings).toStrictEqual([{ target: 'System', isGlobal: false, isStatic: false, line: 1, scope: '' }]);
  });
});

describe('nameText and enclosingNamespace', () => {
  it('nameText drops global:: and whitespace only', () => {
    const file = parseCSharp(parser, lines('using X = global::Quartz . IJob;'));
    const target = file.tree.rootNode.descendantsOfType('qualified_name')[0]!;
    expect(nameText(target)).toBe('Quartz.IJob');
  });

  it('joins nested block namespaces, and a file-scoped one, outermost first', () => {
    const block = parseCSharp(parser, blockFile);
    expect(enclosingNamespace(identifier(block, 'Options'))).toBe('Acme.Jobs.Nightly.Reports');
    expect(enclosingNamespace(identifier(block, 'IThing'))).toBe('Acme.Jobs');
    expect(enclosingNamespace(identifier(block, 'Point'))).toBe('Other');
    expect(enclosingNamespace(identifier(block, 'TopLevel'))).toBe('');
    const scoped = parseCSharp(parser, fileScoped);
    expect(enclosingNamespace(identifier(scoped, 'Part'))).toBe('Acme.Scheduling');
    // Asked twice (the file-scoped namespace is remembered per tree), the answer does not change.
    expect(enclosingNamespace(identifier(scoped, 'IPlan'))).toBe('Acme.Scheduling');
    // A namespace declaration is not inside itself, block or file-scoped.
    expect(enclosingNamespace(scoped.tree.rootNode.descendantsOfType('file_scoped_namespace_declaration')[0]!)).toBe('');
    expect(enclosingNamespace(block.tree.rootNode.descendantsOfType('namespace_declaration')[0]!)).toBe('');
    expect(enclosingNamespace(block.tree.rootNode.descendantsOfType('namespace_declaration')[1]!)).toBe('Acme.Jobs');
  });
});

describe('buildNameIndex', () => {
  it('gathers global usings, declared types and every prefix of every declared namespace', () => {
    const block = parseCSharp(parser, blockFile);
    const scoped = parseCSharp(parser, fileScoped);
    const index = buildNameIndex([block, scoped]);
    expect(index.globalUsings).toStrictEqual([block.usings[0], block.usings[1]]);
    expect([...index.declaredTypes]).toStrictEqual([
      'Acme.Jobs.Nightly.Reports.Runner',
      'Acme.Jobs.Nightly.Reports.Runner.Options',
      'Acme.Jobs.Nightly.Reports.Runner.Mode',
      'Acme.Jobs.IThing',
      'Other.Point',
      'Other.Handler',
      'TopLevel',
      'Acme.Scheduling.Cron',
      'Acme.Scheduling.Cron.Part',
      'Acme.Scheduling.IPlan',
    ]);
    expect([...index.declaredNamespaces]).toStrictEqual(['Acme', 'Acme.Jobs', 'Acme.Jobs.Nightly', 'Acme.Jobs.Nightly.Reports', 'Other', 'Acme.Scheduling']);
    expect(index.implicitUsings).toBe(IMPLICIT_USINGS);
    expect(buildNameIndex([], ['Only']).implicitUsings).toStrictEqual(['Only']);
  });
});

describe('resolveName', () => {
  const noImplicit = (files: CSharpFile[]): NameIndex => buildNameIndex(files, []);

  it('the team\'s own types and namespaces in any enclosing namespace win over usings', () => {
    const lib = parseCSharp(parser, lines('namespace Acme { class Cron { } }', 'namespace Acme.Jobs.Timer { class T { } }', 'class Root { }'));
    const use = parseCSharp(parser, lines('using Hangfire;', 'namespace Acme.Jobs.Deep { class Use { Cron a; Timer.T b; Root c; Other d; } }'));
    const index = noImplicit([lib, use]);
    // `Acme.Jobs.Deep.Cron`, `Acme.Jobs.Cron` are not declared; `Acme.Cron` is.
    expect(resolveName(use, index, identifier(use, 'Cron'), 'Cron')).toStrictEqual([]);
    // `Acme.Jobs.Timer` is a declared namespace.
    expect(resolveName(use, index, identifier(use, 'Timer'), 'Timer.T')).toStrictEqual([]);
    // A type declared outside any namespace.
    expect(resolveName(use, index, identifier(use, 'Root'), 'Root')).toStrictEqual([]);
    expect(resolveName(use, index, identifier(use, 'Other'), 'Other')).toStrictEqual(['Hangfire.Other']);
  });

  it('a top-level type is found from inside a namespace; a namespace shadows a name only from inside another one', () => {
    const lib = parseCSharp(parser, lines('class Cron { }', 'namespace Quartz.Extensions { class X { } }', 'namespace App.Hangfire { class Y { } }'));
    const inside = parseCSharp(parser, lines('namespace App { class U { Cron a; Quartz.IJob b; Hangfire.RecurringJob c; } }'));
    const outside = parseCSharp(parser, lines('class V { Quartz.IJob b; }'));
    const index = noImplicit([lib, inside, outside]);
    expect(resolveName(inside, index, identifier(inside, 'Cron'), 'Cron')).toStrictEqual([]);
    // In `App`, `Hangfire` is the team's `App.Hangfire` namespace.
    expect(resolveName(inside, index, identifier(inside, 'Hangfire'), 'Hangfire.RecurringJob')).toStrictEqual([]);
    // A team's `Quartz.Extensions` merges with the library's `Quartz` namespace: `Quartz.IJob` stays the library's,
    // from a namespace and from file level.
    expect(resolveName(inside, index, identifier(inside, 'Quartz'), 'Quartz.IJob')).toStrictEqual(['Quartz.IJob']);
    expect(resolveName(outside, index, identifier(outside, 'Quartz'), 'Quartz.IJob')).toStrictEqual(['Quartz.IJob']);
  });

  it('aliases map the head of the name, with the rest appended; a bare alias maps to its target', () => {
    const file = parseCSharp(parser, lines('using Q = Quartz;', 'using T = System.Threading.Timer;', 'using Quartz.Impl;', 'class U { Q.JobBuilder a; T b; IJob c; }'));
    const index = noImplicit([file]);
    expect(resolveName(file, index, identifier(file, 'Q', 1), 'Q.JobBuilder')).toStrictEqual(['Quartz.JobBuilder']);
    expect(resolveName(file, index, identifier(file, 'T', 1), 'T')).toStrictEqual(['System.Threading.Timer']);
    expect(resolveName(file, index, identifier(file, 'Q', 1), 'Q.Impl.StdSchedulerFactory')).toStrictEqual(['Quartz.Impl.StdSchedulerFactory']);
    // The aliased targets are not imported namespaces: only `using Quartz.Impl;` supplies candidates.
    expect(resolveName(file, index, identifier(file, 'IJob'), 'IJob')).toStrictEqual(['Quartz.Impl.IJob']);
  });

  it('a using inside a namespace is seen from that namespace and the ones nested in it only', () => {
    const file = parseCSharp(
      parser,
      lines('using A;', 'namespace N { using B; namespace M { class X { Job a; } } }', 'namespace NN { class Y { Job b; } }', 'namespace O { class Z { Job c; } }', 'class W { Job d; }'),
    );
    const index = noImplicit([file]);
    expect(resolveName(file, index, identifier(file, 'Job', 0), 'Job')).toStrictEqual(['A.Job', 'B.Job']);
    // `NN` starts with `N` but is not nested in it.
    expect(resolveName(file, index, identifier(file, 'Job', 1), 'Job')).toStrictEqual(['A.Job']);
    expect(resolveName(file, index, identifier(file, 'Job', 2), 'Job')).toStrictEqual(['A.Job']);
    expect(resolveName(file, index, identifier(file, 'Job', 3), 'Job')).toStrictEqual(['A.Job']);
    const inN = parseCSharp(parser, lines('namespace N { using B; class X { Job a; } }'));
    expect(resolveName(inN, noImplicit([inN]), identifier(inN, 'Job'), 'Job')).toStrictEqual(['B.Job']);
  });

  it('file usings, then global usings of the repository, then implicit usings; duplicates once', () => {
    const globals = parseCSharp(parser, lines('global using Hangfire;', 'global using System;'));
    const file = parseCSharp(parser, lines('using Quartz;', 'using Hangfire;', 'namespace App { class U { Timer t; Threading.Timer u; } }'));
    const index = buildNameIndex([globals, file], ['System', 'System.Threading']);
    expect(resolveName(file, index, identifier(file, 'Timer'), 'Timer')).toStrictEqual(['Quartz.Timer', 'Hangfire.Timer', 'System.Timer', 'System.Threading.Timer']);
    // A dotted name may already be fully qualified: it comes first.
    expect(resolveName(file, index, identifier(file, 'Threading'), 'Threading.Timer')).toStrictEqual([
      'Threading.Timer',
      'Quartz.Threading.Timer',
      'Hangfire.Threading.Timer',
      'System.Threading.Timer',
      'System.Threading.Threading.Timer',
    ]);
  });

  it('usings written before a file-scoped namespace are at file level: a global one is seen from every namespace', () => {
    const program = parseCSharp(parser, lines('global using Hangfire;', 'using Quartz;', 'namespace Acme.Startup;', 'using Coravel;', 'class P { }'));
    expect(program.usings.map((u) => [u.target, u.scope])).toStrictEqual([
      ['Hangfire', ''],
      ['Quartz', ''],
      ['Coravel', 'Acme.Startup'],
    ]);
    expect(enclosingNamespace(identifier(program, 'P'))).toBe('Acme.Startup');
    const billing = parseCSharp(parser, lines('namespace Billing;', 'class J { RecurringJob r; }'));
    const index = noImplicit([program, billing]);
    expect(resolveName(billing, index, identifier(billing, 'RecurringJob'), 'RecurringJob')).toStrictEqual(['Hangfire.RecurringJob']);
  });

  it('a candidate the team declared is the answer, alone', () => {
    const lib = parseCSharp(parser, lines('namespace Acme.Tools { class Timer { } }'));
    const file = parseCSharp(parser, lines('using Acme.Tools;', 'namespace App { class U { Timer t; } }'));
    const index = buildNameIndex([lib, file], ['System.Threading']);
    expect(resolveName(file, index, identifier(file, 'Timer'), 'Timer')).toStrictEqual(['Acme.Tools.Timer']);
  });
});

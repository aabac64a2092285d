import type { Node } from 'web-tree-sitter';
import { hostedServiceTypes, schedulerNamespaces, timerTypes } from '../../policy/rules.js';
import type { CheckContext } from '../context.js';
import { say } from '../messages.js';
import type { Bilingual } from '../../policy/rules.js';
import { buildNameIndex, lineOf, loadCSharpParser, nameText, parseCSharp, resolveName, type CSharpFile, type NameIndex } from '../csharp/parser.js';

/** Words without which a file cannot break a C# rule: only files containing one are parsed. */
const PREFILTER = new RegExp(`\\b(${[...schedulerNamespaces, 'Timer', 'BackgroundService', 'IHostedService'].join('|')})\\b`);
const GLOBAL_USING = /^\s*global\s+using\b/m;
/** Whole-line `//` and `///` comments, up to any character C# counts as a new line. */
const LINE_COMMENT = /^[ \t]*\/\/[^\n\r\u0085\u2028\u2029]*/gm;
/** Strings that can span lines: verbatim (`@"`, `$@"`, `@$"`) and raw (`"""`). */
const MULTI_LINE_STRING = /@\$?"|"""/;

/**
 * Whether a file can break a C# rule: a word of interest outside whole-line comments. A line whose first characters
 * are `//` is a comment, or text inside a block comment: never code, so a word there (`// uses a Timer`) cannot be
 * a finding. Inside a multi-line string such a line could be string text with interpolated code, so files that have
 * one are matched as written. Words in block comments and strings still select a file (the parser sorts them out).
 */
export function mayBreakCSharpRule(text: string): boolean {
  if (!PREFILTER.test(text)) return GLOBAL_USING.test(text);
  if (MULTI_LINE_STRING.test(text)) return true;
  return PREFILTER.test(text.replace(LINE_COMMENT, '')) || GLOBAL_USING.test(text);
}

const inScheduler = (name: string) => schedulerNamespaces.some((ns) => name === ns || name.startsWith(`${ns}.`));

const GLOBAL_ALIAS = /^\s*global\s+using\s+(\w+)\s*=\s*(?:global::)?([\w.]+)/gm;

/**
 * The names a file's `global using X = …;` directives give to a scheduler namespace or type, or to a timer type:
 * the only aliases that can hide a finding in a file that never writes a word of interest.
 */
export function globalAliases(text: string): string[] {
  return [...text.matchAll(GLOBAL_ALIAS)].filter((m) => inScheduler(m[2]!) || timerTypes.includes(m[2]!)).map((m) => m[1]!);
}

/** Node types that are part of one dotted name. */
const NAME_PARTS = new Set(['qualified_name', 'member_access_expression', 'generic_name', 'alias_qualified_name']);

/**
 * C# rules with the tree-sitter parser: in-process scheduler APIs, timers and hosted-service loops, with names
 * resolved through usings, aliases and the team's own namespaces. A cheap text pre-filter picks the files to parse
 * (`mayBreakCSharpRule`); files with `global using`s are parsed too, since their directives apply everywhere.
 */
export async function checkCSharp(ctx: CheckContext): Promise<{ parsed: number; scanned: number }> {
  const texts = new Map<string, string>();
  const aliases = new Set<string>();
  const csFiles = ctx.files.paths.filter((p) => p.endsWith('.cs'));
  const prepared = ctx.files.prepared;
  for (const path of csFiles) {
    if (prepared) {
      // Worker threads ran the pre-filter: the selected files' texts came back with their aliases.
      const facts = prepared.take(path)?.csharp;
      if (facts?.selected === undefined) continue;
      texts.set(path, facts.selected);
      for (const alias of facts.aliases) aliases.add(alias);
      continue;
    }
    const text = ctx.files.read(path);
    if (text === undefined || !mayBreakCSharpRule(text)) continue;
    texts.set(path, text);
    for (const alias of globalAliases(text)) aliases.add(alias);
  }
  // A global alias (`global using Q = Quartz;`, `global using T = System.Timers.Timer;`) hides a scheduler or a
  // timer behind any name: a second, rarer pass picks the files that use one.
  if (aliases.size > 0) {
    const uses = new RegExp(`\\b(${[...aliases].join('|')})\\b`);
    for (const path of csFiles) {
      if (texts.has(path)) continue;
      const text = ctx.files.read(path);
      if (text !== undefined && uses.test(text)) texts.set(path, text);
    }
  }
  if (texts.size === 0) return { parsed: 0, scanned: 0 };
  const parser = await loadCSharpParser();
  const files = new Map<string, CSharpFile>();
  for (const [path, text] of texts) files.set(path, parseCSharp(parser, text));
  const index = buildNameIndex([...files.values()]);
  try {
    for (const [path, file] of files) {
      checkFile(ctx, path, texts.get(path)!, file, index);
    }
  } finally {
    for (const file of files.values()) file.tree.delete();
  }
  return { parsed: files.size, scanned: texts.size };
}

function checkFile(ctx: CheckContext, path: string, text: string, file: CSharpFile, index: NameIndex): void {
  const seen = new Set<string>();
  const report = (rule: string, node: Node | number, message: Bilingual) => {
    const line = typeof node === 'number' ? node : lineOf(node);
    const key = `${rule}:${line}`;
    if (seen.has(key)) return;
    seen.add(key);
    ctx.report(rule, path, line, message, typeof node === 'number' ? {} : { column: node.startPosition.column + 1 });
  };
  for (const u of file.usings) {
    if (inScheduler(u.target)) report('csharp-scheduler-api', u.line, say((m) => m.usingDirective(u.alias ? `using ${u.alias} = ${u.target}` : `using ${u.isStatic ? 'static ' : ''}${u.target}`)));
  }
  const aliases = new Set([...file.usings, ...index.globalUsings].filter((u) => u.alias).map((u) => u.alias!));
  const checkName = (node: Node): void => {
    const written = dottedText(node);
    if (written === undefined || isDeclarationName(node)) return;
    const head = written.split('.')[0]!;
    const last = written.split('.').at(-1)!;
    if (schedulerNamespaces.includes(head) || aliases.has(head)) {
      const candidates = resolveName(file, index, node, written);
      if (candidates.length > 0 && inScheduler(candidates[0]!)) {
        report('csharp-scheduler-api', node, say((m) => (written === candidates[0] ? m.schedulerName(written) : m.resolvesTo(written, candidates[0]!))));
        return;
      }
    }
    // An alias names a timer under any word: `using T = System.Timers.Timer;` … `T t = new(5);`.
    if (last === 'Timer' || aliases.has(head)) {
      const hit = resolveName(file, index, node, written).find((c) => timerTypes.includes(c));
      if (hit) {
        report('csharp-timer', node, say((m) => (written === hit ? m.timerUse(hit) : m.timerAlias(written, hit))));
      }
    }
  };

  const hostedLoops = (cls: Node): void => {
    const bases = cls.namedChildren.find((c) => c?.type === 'base_list');
    if (!bases) return;
    const hosted = bases.namedChildren.some((b) => {
      if (!b) return false;
      const written = b.text.replace(/<.*$/s, '').replace(/^global::/, '').replace(/\s+/g, '');
      return resolveName(file, index, b, written).some((c) => hostedServiceTypes.includes(c));
    });
    if (!hosted) return;
    const body = cls.childForFieldName('body');
    if (!body) return;
    for (const loop of body.descendantsOfType(['while_statement', 'for_statement', 'do_statement', 'foreach_statement'])) {
      if (!loop) continue;
      const waits = loop.descendantsOfType('invocation_expression').some((call) => {
        const fn = call?.childForFieldName('function');
        if (!fn || fn.type !== 'member_access_expression') return false;
        const member = fn.childForFieldName('name')?.text;
        if (member === 'WaitForNextTickAsync') return true;
        if (member !== 'Delay') return false;
        const target = fn.childForFieldName('expression');
        return !!target && resolveName(file, index, target, nameText(target)).includes('System.Threading.Tasks.Task');
      });
      if (waits) report('csharp-background-loop', loop, say((m) => m.backgroundLoop(cls.childForFieldName('name')?.text)));
    }
  };


  // Only the places where a word of interest is written are looked at: each occurrence's identifier is widened to
  // its whole dotted name (`System.Threading.Timer`, `Q.JobBuilder.Create`) and resolved.
  const words = new RegExp(`\\b(${[...schedulerNamespaces, ...aliases, 'Timer'].join('|')})\\b`, 'g');
  const root = file.tree.rootNode;
  const done = new Set<number>();
  for (const m of text.matchAll(words)) {
    let node: Node | null = root.descendantForIndex(m.index);
    if (!node || node.type !== 'identifier') continue;
    while (node.parent && NAME_PARTS.has(node.parent.type)) node = node.parent;
    if (done.has(node.id) || node.parent?.type === 'using_directive') continue;
    done.add(node.id);
    checkName(node);
  }
  if (/\b(BackgroundService|IHostedService)\b/.test(text)) {
    for (const cls of root.descendantsOfType(['class_declaration', 'record_declaration'])) if (cls) hostedLoops(cls);
  }
}

/** `A.B.C` for names and member-access chains made only of identifiers; undefined for `x().Y` and the like. */
function dottedText(node: Node): string | undefined {
  if (node.type === 'identifier') return node.text;
  if (node.type === 'generic_name') return node.namedChildren[0]?.text;
  if (node.type === 'alias_qualified_name') return nameText(node);
  if (node.type === 'qualified_name' || node.type === 'member_access_expression') {
    const left = node.childForFieldName(node.type === 'qualified_name' ? 'qualifier' : 'expression');
    const right = node.childForFieldName('name');
    if (!left || !right) return undefined;
    const l = dottedText(left);
    const r = right.type === 'generic_name' ? right.namedChildren[0]?.text : right.text;
    return l === undefined || r === undefined ? undefined : `${l}.${r}`;
  }
  return undefined;
}

function isDeclarationName(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  return parent.childForFieldName('name')?.id === node.id && /declaration|declarator|parameter/.test(parent.type);
}

import { createRequire } from 'node:module';
import type { Node, Parser, Tree } from 'web-tree-sitter';

/**
 * C# parsing with the tree-sitter C# grammar (wasm, from the `tree-sitter-c-sharp` npm package) plus the part of
 * C#'s name lookup that a checker or a migration tool needs without a compiler: `using` directives (global,
 * static, aliases), declared namespaces and types, and the resolution of a written name to fully qualified
 * candidates. Shared by `batch-job check` and `batch-job migrate`.
 */

const require = createRequire(import.meta.url);
let parserPromise: Promise<Parser> | undefined;

/** The parser, loaded once per process and only when a file needs parsing (wasm start-up costs ~50 ms). */
export function loadCSharpParser(): Promise<Parser> {
  parserPromise ??= (async () => {
    const { Language, Parser } = await import('web-tree-sitter');
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-c-sharp/tree-sitter-c_sharp.wasm'));
    const parser = new Parser();
    parser.setLanguage(language);
    return parser;
  })();
  return parserPromise;
}

export interface UsingDirective {
  /** Imported namespace or type, as written without `global::` (`Quartz`, `System.Threading`). */
  readonly target: string;
  /** `Q` in `using Q = Quartz;`. */
  readonly alias?: string;
  readonly isGlobal: boolean;
  readonly isStatic: boolean;
  /** 1-based. */
  readonly line: number;
  /** Namespace the directive sits in (`''` at file level). */
  readonly scope: string;
}

export interface DeclaredType {
  readonly name: string;
  /** `MyTeam.Scheduling.Cron` (nested types: `Outer.Inner`). */
  readonly fullName: string;
  readonly line: number;
}

export interface CSharpFile {
  readonly tree: Tree;
  readonly usings: readonly UsingDirective[];
  /** Namespaces declared in the file (block or file-scoped), fully qualified. */
  readonly namespaces: readonly string[];
  readonly types: readonly DeclaredType[];
}

/** Text of a name node without `global::` and whitespace: `global::Quartz . IJob` → `Quartz.IJob`. */
export function nameText(node: Node): string {
  return node.text.replace(/^global::/, '').replace(/\s+/g, '');
}

export function lineOf(node: Node): number {
  return node.startPosition.row + 1;
}

const TYPE_DECLARATIONS = new Set(['class_declaration', 'struct_declaration', 'interface_declaration', 'record_declaration', 'enum_declaration', 'delegate_declaration']);

/** Fully qualified namespace enclosing `node` (block and file-scoped namespaces, nested). */
export function enclosingNamespace(node: Node): string {
  const parts: string[] = [];
  for (let n: Node | null = node.parent; n; n = n.parent) {
    if (n.type === 'namespace_declaration') parts.unshift(nameText(n.childForFieldName('name')!));
  }
  // `namespace X;` holds what follows it (not itself, as a block namespace); usings written before it are at file level.
  const fileScoped = fileScopedNamespace(node.tree);
  if (fileScoped && node.startIndex > fileScoped.start) parts.unshift(fileScoped.name);
  return parts.join('.');
}

/** A file's `namespace X;` and where it starts (or null), looked up once per tree: every name resolution asks. */
const fileScopedNamespaces = new WeakMap<Tree, { readonly name: string; readonly start: number } | null>();
function fileScopedNamespace(tree: Tree): { readonly name: string; readonly start: number } | null {
  let ns = fileScopedNamespaces.get(tree);
  if (ns === undefined) {
    const declaration = tree.rootNode.namedChildren.find((c) => c?.type === 'file_scoped_namespace_declaration');
    ns = declaration ? { name: nameText(declaration.childForFieldName('name')!), start: declaration.startIndex } : null;
    fileScopedNamespaces.set(tree, ns);
  }
  return ns;
}

/**
 * Parses one file and indexes its usings, namespaces and declared types. The index is gathered with
 * `descendantsOfType` (searched inside the wasm module): walking every node from JavaScript costs ~10x more.
 */
export function parseCSharp(parser: Parser, source: string): CSharpFile {
  const tree = parser.parse(source)!;
  const root = tree.rootNode;
  const usings = root.descendantsOfType('using_directive').flatMap((n) => (n ? [readUsing(n)] : []));
  const namespaces = new Set<string>();
  for (const node of root.descendantsOfType(['namespace_declaration', 'file_scoped_namespace_declaration'])) {
    const name = node?.childForFieldName('name');
    if (!node || !name) continue;
    namespaces.add(node.type === 'namespace_declaration' ? [enclosingNamespace(node), nameText(name)].filter(Boolean).join('.') : nameText(name));
  }
  const types: DeclaredType[] = [];
  for (const node of root.descendantsOfType([...TYPE_DECLARATIONS])) {
    const name = node?.childForFieldName('name')?.text;
    if (!node || !name) continue;
    const outer: string[] = [];
    for (let n = node.parent; n; n = n.parent) if (TYPE_DECLARATIONS.has(n.type)) outer.unshift(n.childForFieldName('name')?.text ?? '');
    types.push({ name, fullName: [enclosingNamespace(node), ...outer, name].filter(Boolean).join('.'), line: lineOf(node) });
  }
  return { tree, usings, namespaces: [...namespaces], types };
}

function readUsing(node: Node): UsingDirective {
  const text = node.text;
  const isGlobal = /^\s*global\s+using\b/.test(text);
  const isStatic = /\busing\s+static\b/.test(text);
  const named = node.namedChildren.filter((c): c is Node => c !== null && c.type !== 'comment');
  const aliasNode = node.childForFieldName('name');
  const targetNode = named.filter((c) => c.id !== aliasNode?.id).at(-1);
  const target = targetNode ? nameText(targetNode) : '';
  return { target, ...(aliasNode ? { alias: aliasNode.text } : {}), isGlobal, isStatic, line: lineOf(node), scope: enclosingNamespace(node) };
}

/** What is known repo-wide: global usings and every declared type, so a team's own `Cron` is not Hangfire's. */
export interface NameIndex {
  readonly globalUsings: readonly UsingDirective[];
  /** Fully qualified names of the team's declared types. */
  readonly declaredTypes: ReadonlySet<string>;
  /** Fully qualified names of the team's declared namespaces. */
  readonly declaredNamespaces: ReadonlySet<string>;
  /** Namespaces the SDK imports implicitly (`<ImplicitUsings>enable</ImplicitUsings>`). */
  readonly implicitUsings: readonly string[];
}

/** `Microsoft.NET.Sdk` implicit usings plus the hosting ones of `Microsoft.NET.Sdk.Worker`/`.Web`. */
export const IMPLICIT_USINGS = ['System', 'System.Collections.Generic', 'System.IO', 'System.Linq', 'System.Net.Http', 'System.Threading', 'System.Threading.Tasks', 'Microsoft.Extensions.Hosting', 'Microsoft.Extensions.DependencyInjection', 'Microsoft.Extensions.Logging', 'Microsoft.Extensions.Configuration'];

export function buildNameIndex(files: readonly CSharpFile[], implicitUsings: readonly string[] = IMPLICIT_USINGS): NameIndex {
  return {
    globalUsings: files.flatMap((f) => f.usings.filter((u) => u.isGlobal)),
    declaredTypes: new Set(files.flatMap((f) => f.types.map((t) => t.fullName))),
    declaredNamespaces: new Set(files.flatMap((f) => f.namespaces.flatMap((ns) => ns.split('.').map((_, i, all) => all.slice(0, i + 1).join('.'))))),
    implicitUsings,
  };
}

/**
 * Fully qualified candidates for a name written at `node` (`Timer`, `Q.JobBuilder`, `Quartz.IJob`), in C#'s order:
 * the team's types and namespaces in the enclosing namespaces win; then aliases; then the types the `using`
 * namespaces (file, global, implicit) could supply. Several candidates mean C# would need the using set to decide
 * (or report CS0104); an empty list means the name is the team's own.
 */
export function resolveName(file: CSharpFile, index: NameIndex, node: Node, written: string): string[] {
  const [head, ...rest] = written.split('.');
  const tail = rest.length > 0 ? `.${rest.join('.')}` : '';
  const ns = enclosingNamespace(node);
  const scopes = ns.split('.').map((_, i, all) => all.slice(0, all.length - i).join('.'));
  for (const scope of [...(ns ? scopes : []), '']) {
    const qualified = scope ? `${scope}.${head}` : head!;
    if (index.declaredTypes.has(qualified) || (scope !== '' && index.declaredNamespaces.has(qualified))) return [];
  }
  const visible = [...file.usings, ...index.globalUsings].filter((u) => u.scope === '' || ns === u.scope || ns.startsWith(`${u.scope}.`));
  const alias = visible.find((u) => u.alias === head);
  if (alias) return [`${alias.target}${tail}`];
  const imported = [...new Set([...visible.filter((u) => !u.alias).map((u) => u.target), ...index.implicitUsings])];
  const candidates = imported.map((u) => `${u}.${written}`);
  const own = candidates.filter((c) => index.declaredTypes.has(c));
  if (own.length > 0) return own;
  // A written dotted name may also be fully qualified already (`System.Threading.Timer`, `Quartz.IJob`).
  return rest.length > 0 ? [written, ...candidates] : candidates;
}

import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Just enough of MSBuild's evaluation to answer what `adopt` asks of a project: its SDK, OutputType, target
 * framework(s), package references and whether it is a test project, as the real build would see them. Real
 * repositories set these in `Directory.Build.props` (found by walking up from the project, the way
 * Microsoft.Common.props does), in files it imports (`$(MSBuildThisFileDirectory)`, `GetPathOfFileAbove`), and in
 * `Directory.Packages.props` (central package management). Properties are evaluated in document order, items after
 * all properties, as MSBuild's passes do. What is not modelled (SDK targets, property functions other than the two
 * path look-ups, wildcard imports) is left out and reported as an unresolved import rather than guessed.
 */

/** One `PackageReference` (or `PackageVersion`/`GlobalPackageReference`) after evaluation. */
export interface PackageItem {
  readonly id: string;
  /** The version the restore would use: the item's own, `VersionOverride`, or the central `PackageVersion`. */
  readonly version?: string;
  /** Repository-relative file the item (or its central version) is written in. */
  readonly file: string;
}

export interface EvaluatedProject {
  /** SDK names from `<Project Sdk>`, `<Sdk Name>` or `<Import Sdk>`, without versions. */
  readonly sdks: readonly string[];
  readonly properties: ReadonlyMap<string, string>;
  /** Repository-relative file that last set each property, for messages ("net8.0 from Directory.Build.props"). */
  readonly propertySource: ReadonlyMap<string, string>;
  readonly packageReferences: readonly PackageItem[];
  readonly projectReferences: readonly string[];
  /** `FrameworkReference` items (`Microsoft.AspNetCore.App`…). */
  readonly frameworkReferences: readonly string[];
  /** Central package management: on, with the file holding the `PackageVersion` items. */
  readonly centralPackages?: { readonly file: string; readonly versions: readonly PackageItem[] };
  /** Repository-relative MSBuild files this evaluation read, the project first. */
  readonly imports: readonly string[];
  /** Imports that could not be followed (missing file, outside the repository, unsupported expression). */
  readonly unresolvedImports: readonly string[];
}

type XmlNode = Record<string, unknown>;

const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, trimValues: true });

function attrs(node: XmlNode): Record<string, string> {
  return (node[':@'] as Record<string, string> | undefined) ?? {};
}

/** The element name of a preserve-order node (`{ Tag: [...children], ':@': {...} }`). */
function tag(node: XmlNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text');
}

function children(node: XmlNode): XmlNode[] {
  const name = tag(node);
  return name ? ((node[name] as XmlNode[] | undefined) ?? []) : [];
}

function innerText(node: XmlNode): string {
  return children(node)
    .map((c) => (typeof c['#text'] === 'string' || typeof c['#text'] === 'number' ? String(c['#text']) : ''))
    .join('')
    .trim();
}

const toPosix = (p: string) => p.split(sep).join('/');

/** An MSBuild file that is not well-formed XML; `file` is repository-relative. */
export class MsbuildFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly detail: string,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${detail}`);
    this.name = 'MsbuildFileError';
  }
}

/** Reads and parses an MSBuild file, refusing malformed XML (the lenient parser would read half of it). */
export function parseMsbuildFile(file: string, relPath: string): XmlNode[] {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new MsbuildFileError(relPath, valid.err.line, valid.err.msg);
  return parser.parse(text) as XmlNode[];
}

interface PendingItem {
  readonly kind: string;
  readonly attributes: Record<string, string>;
  readonly metadata: Record<string, string>;
  readonly conditions: readonly string[];
  readonly file: string;
  readonly dir: string;
}

/** Evaluation state of one project. */
class Evaluation {
  readonly props = new Map<string, string>();
  readonly sources = new Map<string, string>();
  readonly sdks: string[] = [];
  readonly items: PendingItem[] = [];
  readonly imports: string[] = [];
  readonly unresolved: string[] = [];
  private readonly stack: string[] = [];

  constructor(readonly repo: string) {}

  rel(file: string): string {
    return toPosix(relative(this.repo, file));
  }

  /** `$(Name)` and the two path functions real repos use to chain props files. */
  expand(value: string, fileDir: string): string {
    const withFunctions = value.replace(
      /\$\(\[MSBuild\]::(GetPathOfFileAbove|GetDirectoryNameOfFileAbove)\(([^()]*(?:\([^()]*\)[^()]*)*)\)\)/gi,
      (_whole, fn: string, rawArgs: string) => {
        const args = rawArgs.split(',').map((a) => this.expand(a.trim().replace(/^'|'$/g, ''), fileDir));
        if (fn.toLowerCase() === 'getpathoffileabove') {
          const found = findAbove(args[1] ? resolve(fileDir, args[1]) : fileDir, args[0] ?? '', this.repo);
          return found ?? '';
        }
        const found = findAbove(resolve(fileDir, args[0] ?? '.'), args[1] ?? '', this.repo);
        return found ? dirname(found) : '';
      },
    );
    return withFunctions.replace(/\$\(([A-Za-z_][\w.-]*)\)/g, (_, name: string) => this.props.get(name.toLowerCase()) ?? '');
  }

  condition(text: string | undefined, fileDir: string): boolean {
    if (text === undefined || text.trim() === '') return true;
    return evaluateCondition(text, (s) => this.expand(s, fileDir), (p) => existsSync(resolve(fileDir, p.replaceAll('\\', '/'))));
  }

  setProperty(name: string, value: string, file: string): void {
    this.props.set(name.toLowerCase(), value);
    this.sources.set(name.toLowerCase(), this.rel(file));
  }

  /** Reads one MSBuild file in document order; imports are followed in place. */
  readFile(file: string, isProject = false): void {
    const key = resolve(file);
    if (this.stack.includes(key)) return; // an import cycle: MSBuild warns (MSB4210) and skips it too
    this.stack.push(key);
    this.imports.push(this.rel(file));
    const dir = dirname(file);
    const saved = ['msbuildthisfiledirectory', 'msbuildthisfile', 'msbuildthisfilefullpath'].map((k) => [k, this.props.get(k)] as const);
    this.props.set('msbuildthisfiledirectory', `${toPosix(dir)}/`);
    this.props.set('msbuildthisfile', basename(file));
    this.props.set('msbuildthisfilefullpath', toPosix(file));
    try {
      const doc = parseMsbuildFile(file, this.rel(file));
      const project = doc.find((n) => tag(n) === 'Project');
      if (!project) return;
      if (isProject) this.addSdks(attrs(project)['@_Sdk']);
      this.readChildren(children(project), file, dir, []);
    } finally {
      for (const [k, v] of saved) {
        if (v === undefined) this.props.delete(k);
        else this.props.set(k, v);
      }
      this.stack.pop();
    }
  }

  addSdks(attr: string | undefined): void {
    for (const sdk of (attr ?? '').split(';').map((s) => s.trim().split('/')[0]!).filter(Boolean)) {
      if (!this.sdks.includes(sdk)) this.sdks.push(sdk);
    }
  }

  private readChildren(nodes: XmlNode[], file: string, dir: string, conditions: readonly string[]): void {
    for (const node of nodes) {
      const name = tag(node);
      const a = attrs(node);
      switch (name) {
        case 'PropertyGroup':
          if (!this.condition(a['@_Condition'], dir)) break;
          for (const prop of children(node)) {
            const propName = tag(prop);
            if (!propName || !this.condition(attrs(prop)['@_Condition'], dir)) continue;
            this.setProperty(propName, this.expand(innerText(prop), dir), file);
          }
          break;
        case 'ItemGroup':
          for (const item of children(node)) {
            const kind = tag(item);
            if (!kind) continue;
            const metadata: Record<string, string> = {};
            for (const m of children(item)) {
              const mName = tag(m);
              if (mName) metadata[mName] = innerText(m);
            }
            const itemConditions = [...conditions, ...[a['@_Condition'], attrs(item)['@_Condition']].filter((c): c is string => c !== undefined)];
            this.items.push({ kind, attributes: attrs(item), metadata, conditions: itemConditions, file, dir });
          }
          break;
        case 'Import':
          this.readImport(a, file, dir);
          break;
        case 'ImportGroup':
          if (this.condition(a['@_Condition'], dir)) {
            for (const imp of children(node)) if (tag(imp) === 'Import') this.readImport(attrs(imp), file, dir);
          }
          break;
        case 'Sdk':
          this.addSdks(a['@_Name']);
          break;
        case 'Choose':
          this.readChoose(node, file, dir, conditions);
          break;
        default:
          break;
      }
    }
  }

  private readChoose(node: XmlNode, file: string, dir: string, conditions: readonly string[]): void {
    for (const branch of children(node)) {
      const branchName = tag(branch);
      if (branchName === 'When' && this.condition(attrs(branch)['@_Condition'], dir)) {
        this.readChildren(children(branch), file, dir, conditions);
        return;
      }
      if (branchName === 'Otherwise') {
        this.readChildren(children(branch), file, dir, conditions);
        return;
      }
    }
  }

  private readImport(a: Record<string, string>, file: string, dir: string): void {
    if (a['@_Sdk']) {
      this.addSdks(a['@_Sdk']);
      return;
    }
    const raw = a['@_Project'];
    if (!raw || !this.condition(a['@_Condition'], dir)) return;
    const expanded = this.expand(raw, dir).replaceAll('\\', '/');
    if (expanded === '' || expanded.includes('*') || expanded.includes('$(')) {
      this.unresolved.push(`${raw} (${this.rel(file)})`);
      return;
    }
    const target = normalize(isAbsolute(expanded) ? expanded : join(dir, expanded));
    const inside = !relative(this.repo, target).startsWith('..');
    if (!inside || !existsSync(target)) {
      this.unresolved.push(`${raw} (${this.rel(file)})`);
      return;
    }
    this.readFile(target);
  }
}

/** The nearest `name` in `start` or a parent folder, not above `repo`; an absolute path or undefined. */
export function findAbove(start: string, name: string, repo: string): string | undefined {
  if (!name) return undefined;
  const root = resolve(repo);
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    if (dir === root || relative(root, dir).startsWith('..')) return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Properties SDKs set before the project body: Web and Worker apps are executables without an `OutputType`. */
const SDK_DEFAULTS: Record<string, Record<string, string>> = {
  'microsoft.net.sdk.web': { OutputType: 'Exe' },
  'microsoft.net.sdk.worker': { OutputType: 'Exe' },
  'microsoft.net.sdk.blazorwebassembly': { OutputType: 'Exe' },
  'mstest.sdk': { OutputType: 'Exe', IsTestProject: 'true' },
  'aspire.apphost.sdk': { OutputType: 'Exe', IsAspireHost: 'true' },
};

/**
 * Evaluates `projectFile` (absolute) inside `repo`: `Directory.Build.props`, then `Directory.Packages.props`, then
 * the project body, as Microsoft.Common.props orders them. Files above `repo` are not read: they are not part of
 * what is adopted (and a stray file in a temp folder must not change the answer).
 */
export function evaluateProject(repo: string, projectFile: string): EvaluatedProject {
  const ev = new Evaluation(resolve(repo));
  const projectDir = dirname(projectFile);
  ev.props.set('msbuildprojectdirectory', toPosix(projectDir));
  ev.props.set('msbuildprojectname', basename(projectFile).replace(/\.[^.]+$/, ''));
  ev.props.set('msbuildprojectfile', basename(projectFile));
  ev.props.set('msbuildprojectfullpath', toPosix(projectFile));
  ev.props.set('msbuildprojectextension', '.csproj');

  // The SDK is named on the project element, which MSBuild reads before the props it imports.
  const sdkAttr = readSdkAttribute(projectFile, ev.rel(projectFile));
  ev.addSdks(sdkAttr);
  for (const sdk of ev.sdks) {
    for (const [k, v] of Object.entries(SDK_DEFAULTS[sdk.toLowerCase()] ?? {})) ev.setProperty(k, v, projectFile);
  }
  const buildProps = findAbove(projectDir, 'Directory.Build.props', repo);
  if (buildProps && ev.props.get('importdirectorybuildprops') !== 'false') ev.readFile(buildProps);
  const packagesProps = findAbove(projectDir, 'Directory.Packages.props', repo);
  if (packagesProps && ev.props.get('importdirectorypackagesprops') !== 'false') ev.readFile(packagesProps);
  ev.readFile(projectFile, true);
  // A `<Sdk>` element or `<Import Sdk>` inside the body names the SDK too; its defaults yield to the body's own values.
  for (const sdk of ev.sdks) {
    for (const [k, v] of Object.entries(SDK_DEFAULTS[sdk.toLowerCase()] ?? {})) {
      if (!ev.props.has(k.toLowerCase())) ev.setProperty(k, v, projectFile);
    }
  }

  // Items are evaluated after every property (MSBuild's second pass), so their conditions see final values.
  const live = ev.items.filter((item) => item.conditions.every((c) => ev.condition(c, item.dir)));
  const central = ev.props.get('managepackageversionscentrally') === 'true';
  const versions = new Map<string, PackageItem>();
  for (const item of live.filter((i) => i.kind === 'PackageVersion')) {
    const id = item.attributes['@_Include'] ?? item.attributes['@_Update'];
    if (id) versions.set(id.toLowerCase(), { id, version: itemVersion(ev, item), file: ev.rel(item.file) });
  }
  const references = new Map<string, PackageItem>();
  for (const item of live.filter((i) => i.kind === 'PackageReference' || i.kind === 'GlobalPackageReference')) {
    const include = item.attributes['@_Include'];
    const update = item.attributes['@_Update'];
    const id = include ?? update;
    if (!id) continue;
    const own = item.attributes['@_VersionOverride'] ?? item.metadata.VersionOverride ?? itemVersion(ev, item);
    const previous = references.get(id.toLowerCase());
    if (!include && !previous) continue; // Update only changes an item that exists
    const centralVersion = central && !own ? versions.get(id.toLowerCase()) : undefined;
    references.set(id.toLowerCase(), {
      id: previous?.id ?? id,
      version: own ? ev.expand(own, item.dir) : (centralVersion?.version ?? previous?.version),
      file: centralVersion?.file ?? ev.rel(item.file),
    });
  }
  const projectReferences = live
    .filter((i) => i.kind === 'ProjectReference' && i.attributes['@_Include'])
    .map((i) => ev.rel(normalize(join(i.dir, ev.expand(i.attributes['@_Include']!, i.dir).replaceAll('\\', '/')))));
  const frameworkReferences = live.filter((i) => i.kind === 'FrameworkReference' && i.attributes['@_Include']).map((i) => i.attributes['@_Include']!);
  const sourceOfVersions = packagesProps && ev.imports.includes(ev.rel(packagesProps)) ? ev.rel(packagesProps) : [...versions.values()][0]?.file;
  return {
    sdks: ev.sdks,
    properties: ev.props,
    propertySource: ev.sources,
    packageReferences: [...references.values()],
    projectReferences,
    frameworkReferences,
    ...(central && sourceOfVersions ? { centralPackages: { file: sourceOfVersions, versions: [...versions.values()] } } : {}),
    imports: ev.imports,
    unresolvedImports: ev.unresolved,
  };
}

function itemVersion(ev: Evaluation, item: PendingItem): string | undefined {
  const raw = item.attributes['@_Version'] ?? item.metadata.Version;
  return raw === undefined ? undefined : ev.expand(raw, item.dir);
}

function readSdkAttribute(file: string, relPath: string): string | undefined {
  const doc = parseMsbuildFile(file, relPath);
  const project = doc.find((n) => tag(n) === 'Project');
  return project ? attrs(project)['@_Sdk'] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Conditions: `'a' == 'b'`, `!=`, `Exists('p')`, `!`, `and`, `or`, parentheses, `true`/`false`.

type Token = { kind: 'str' | 'word' | 'op' | 'lp' | 'rp' | 'comma'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error('unterminated string');
      tokens.push({ kind: 'str', text: text.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c === '(' ? 'lp' : 'rp', text: c });
      i++;
    } else if (c === ',') {
      tokens.push({ kind: 'comma', text: c });
      i++;
    } else if (/[=!<>]/.test(c)) {
      const op = /^(==|!=|<=|>=|<|>|!)/.exec(text.slice(i))![0];
      tokens.push({ kind: 'op', text: op });
      i += op.length;
    } else {
      // A bare `$(Prop)` is one word although it holds parentheses.
      const word = /^(?:\$\([^)]*\)|[^\s()'=!<>,])+/.exec(text.slice(i))?.[0];
      if (!word) throw new Error('unexpected character');
      tokens.push({ kind: 'word', text: word });
      i += word.length;
    }
  }
  return tokens;
}

/**
 * MSBuild's condition language, the part props files use. String comparison is case-insensitive, as in MSBuild.
 * A condition this cannot read counts as true: a property set under it is more likely meant than not, and the
 * result is only used to describe the project, never to build it.
 */
export function evaluateCondition(text: string, expand: (s: string) => string, exists: (path: string) => boolean): boolean {
  let tokens: Token[];
  try {
    tokens = tokenize(text);
  } catch {
    return true;
  }
  let pos = 0;
  const peek = () => tokens[pos];
  const fail = (): never => {
    throw new Error('unsupported condition');
  };
  const operand = (): string | boolean => {
    const t = tokens[pos++] ?? fail();
    if (t.kind === 'str') return expand(t.text);
    if (t.kind === 'op' && t.text === '!') {
      const v = operand();
      return !(typeof v === 'boolean' ? v : v.toLowerCase() === 'true');
    }
    if (t.kind === 'lp') {
      const v = or();
      if (tokens[pos++]?.kind !== 'rp') fail();
      return v;
    }
    if (t.kind === 'word') {
      const lower = t.text.toLowerCase();
      if (lower === 'true' || lower === 'false') return lower === 'true';
      if (lower === 'exists' || lower === 'hastrailingslash') {
        if (tokens[pos++]?.kind !== 'lp') fail();
        const arg = tokens[pos++] ?? fail();
        if (tokens[pos++]?.kind !== 'rp') fail();
        const value = arg.kind === 'str' ? expand(arg.text) : fail();
        return lower === 'exists' ? value.trim() !== '' && exists(value.trim()) : /[\\/]$/.test(value);
      }
      return expand(t.text);
    }
    return fail();
  };
  const comparison = (): boolean => {
    const left = operand();
    const op = peek();
    if (op?.kind === 'op' && op.text !== '!') {
      pos++;
      const right = operand();
      const l = String(left).toLowerCase();
      const r = String(right).toLowerCase();
      switch (op.text) {
        case '==':
          return l === r;
        case '!=':
          return l !== r;
        default: {
          const [a, b] = [Number(l), Number(r)];
          if (Number.isNaN(a) || Number.isNaN(b)) fail();
          return op.text === '<' ? a < b : op.text === '>' ? a > b : op.text === '<=' ? a <= b : a >= b;
        }
      }
    }
    return typeof left === 'boolean' ? left : left.toLowerCase() === 'true';
  };
  const and = (): boolean => {
    let v = comparison();
    while (peek()?.kind === 'word' && peek()!.text.toLowerCase() === 'and') {
      pos++;
      v = comparison() && v;
    }
    return v;
  };
  function or(): boolean {
    let v = and();
    while (peek()?.kind === 'word' && peek()!.text.toLowerCase() === 'or') {
      pos++;
      v = and() || v;
    }
    return v;
  }
  try {
    const result = or();
    return pos === tokens.length ? result : true;
  } catch {
    return true;
  }
}

/** Whether an app needs the ASP.NET Core shared framework at run time (Web SDK, or a framework reference to it). */
export function needsAspNetCore(project: Pick<EvaluatedProject, 'sdks' | 'frameworkReferences'>): boolean {
  return project.sdks.some((s) => s.toLowerCase().startsWith('microsoft.net.sdk.web')) || project.frameworkReferences.some((f) => f.toLowerCase() === 'microsoft.aspnetcore.app');
}

import { createRequire } from 'node:module';
import { loadAll } from 'js-yaml';
import type { Document, Node } from 'yaml';

const require = createRequire(import.meta.url);
let yamlLib: typeof import('yaml') | undefined;
/** The `yaml` library, loaded when a line number is first needed (most scans never need one). */
export function yaml(): typeof import('yaml') {
  yamlLib ??= require('yaml') as typeof import('yaml');
  return yamlLib;
}

/** One YAML document with enough position data to turn a field path into a line. */
export interface YamlDoc {
  readonly value: unknown;
  /** 1-based line of the node at `path` (apiserver style, `a.b[0][key]`), or of its deepest existing parent. */
  lineOf(path: string): number;
  /** 1-based line where the document starts. */
  readonly line: number;
}

export interface YamlFile {
  readonly docs: YamlDoc[];
  /** First parse error (message and line), if any: the rest of the file is not trusted. */
  readonly error?: { readonly message: string; readonly line: number };
}

/** Splits `spec.containers[0].image` / `metadata.annotations[nginx.ingress.kubernetes.io/x]` into keys. */
export function splitPath(path: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else parts.push(/^\d+$/.test(m[2]!) ? Number(m[2]) : m[2]!);
  }
  return parts;
}

/**
 * Parses every document of a multi-document YAML file. Values come from js-yaml (about 3x faster than composing
 * `yaml` Documents, and most files have no finding); positions come from `yaml`'s Documents, built only when a
 * line is first asked for.
 */
export function parseYamlFile(text: string): YamlFile {
  let values: unknown[];
  try {
    values = loadAll(text).filter((v) => v !== null && v !== undefined);
  } catch {
    return positionedFile(text);
  }
  let positioned: YamlFile | undefined;
  const docs = values.map((value, i): YamlDoc => ({
    value,
    get line() {
      positioned ??= positionedFile(text);
      return positioned.docs[i]?.line ?? 1;
    },
    lineOf(path: string) {
      positioned ??= positionedFile(text);
      return positioned.docs[i]?.lineOf(path) ?? 1;
    },
  }));
  return { docs };
}

/** `yaml` Documents with a line counter: values, positions and the first parse error. */
function positionedFile(text: string): YamlFile {
  const { isMap, isScalar, LineCounter, parseAllDocuments } = yaml();
  const counter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter: counter, uniqueKeys: false }) as Document[] | { errors?: unknown };
  if (!Array.isArray(documents)) return { docs: [] };
  const lineAt = (offset: number) => counter.linePos(offset).line;
  const docs: YamlDoc[] = [];
  for (const doc of documents) {
    if (doc.errors.length > 0) {
      const e = doc.errors[0]!;
      return { docs, error: { message: e.message.split('\n')[0]!, line: e.linePos?.[0]?.line ?? 1 } };
    }
    const contents = doc.contents as Node | null;
    // Empty (or `null`) documents are dropped the way `parseYamlFile` drops them from js-yaml's values, so the
    // i-th positioned document is the i-th value's: otherwise a `---` left empty shifts every later line.
    const value: unknown = contents === null ? null : doc.toJS({ maxAliasCount: 100 });
    if (contents === null || value === null || value === undefined) continue;
    const start = lineAt(contents.range?.[0] ?? 0);
    docs.push({
      value,
      line: start,
      lineOf(path: string): number {
        let node: unknown = contents;
        let line = start;
        for (const part of splitPath(path)) {
          if (isMap(node)) {
            const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === part);
            if (!pair) break;
            const keyNode = pair.key as Node | undefined;
            if (keyNode?.range) line = lineAt(keyNode.range[0]);
            node = pair.value;
          } else if (node && typeof node === 'object' && 'items' in node && typeof part === 'number') {
            const item = (node as { items: Node[] }).items[part];
            if (!item) break;
            if (item.range) line = lineAt(item.range[0]);
            node = item;
          } else {
            break;
          }
        }
        return line;
      },
    });
  }
  return { docs };
}

/** The 1-based line of the first occurrence of `needle` in `text` (1 when absent). */
export function lineOfText(text: string, needle: string | RegExp): number {
  const index = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
  return index < 0 ? 1 : lineAtOffset(text, index);
}

export function lineAtOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * How Kustomize names the objects it renders, read from the kustomization files themselves: which files each
 * kustomization includes (its `resources`/`bases`, following nested kustomizations such as an overlay's `../base`)
 * and the `namePrefix`/`nameSuffix`/`namespace` each level adds. Rendered objects are matched back to the file and
 * line they come from with it, and without kubectl it gives the names objects will have once rendered.
 */

/** What the kustomizations between a file and a rendering kustomization do to an object's name. */
export interface NameTransform {
  readonly prefix: string;
  readonly suffix: string;
  /** The outermost `namespace:` set on the way, if any. */
  readonly namespace?: string;
}

/** A kustomization as written: its file and its (parsed) document. */
export interface KustomizationSource {
  readonly file: string;
  readonly obj: Readonly<Record<string, unknown>>;
}

/** Kinds kustomize's prefix/suffix transformer leaves alone (its `prefixSuffixFieldSpecsToSkip`). */
const UNPREFIXED_KINDS = new Set(['CustomResourceDefinition', 'APIService', 'Namespace']);

/** The name kustomize gives an object of `kind` named `name` under `transform`. */
export function renderedName(kind: string | undefined, name: string, transform: NameTransform): string {
  return kind !== undefined && UNPREFIXED_KINDS.has(kind) ? name : `${transform.prefix}${name}${transform.suffix}`;
}

const dirOf = (file: string): string => file.slice(0, file.lastIndexOf('/') + 1);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** `a/b/` + `../c.yaml` → `a/c.yaml`; undefined when it climbs above the repository or is a remote URL. */
function resolve(dir: string, entry: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('/')) return undefined;
  const out: string[] = [];
  for (const part of `${dir}${entry}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.pop() === undefined) return undefined;
    } else out.push(part);
  }
  return out.join('/');
}

/** One file a kustomization renders, and the transform from that file up to the kustomization. */
export interface IncludedFile {
  readonly file: string;
  readonly transform: NameTransform;
}

/** The kustomizations of a repository and what each one renders. */
export class KustomizeTree {
  private readonly byDir = new Map<string, KustomizationSource>();
  private readonly included = new Map<KustomizationSource, readonly IncludedFile[]>();
  /** Kustomizations another one includes (bases): rendering their includer covers them. */
  private readonly nested = new Set<KustomizationSource>();

  constructor(kustomizations: readonly KustomizationSource[], files: ReadonlySet<string>) {
    for (const k of kustomizations) this.byDir.set(dirOf(k.file), k);
    for (const k of kustomizations) this.includedFiles(k, files, new Set());
  }

  /** Every file `k` renders (directly or through nested kustomizations), with its transform; path order. */
  filesOf(k: KustomizationSource): readonly IncludedFile[] {
    return this.included.get(k) ?? [];
  }

  /** Whether no other kustomization in the repository includes `k`: the ones worth rendering. */
  isRoot(k: KustomizationSource): boolean {
    return !this.nested.has(k);
  }

  /** For a file, every transform a root kustomization applies to it (empty when no kustomization includes it). */
  transformsOf(file: string): readonly NameTransform[] {
    if (this.byFile === undefined) {
      this.byFile = new Map();
      for (const k of this.byDir.values()) {
        if (!this.isRoot(k)) continue;
        for (const f of this.filesOf(k)) this.byFile.set(f.file, [...(this.byFile.get(f.file) ?? []), f.transform]);
      }
    }
    return this.byFile.get(file) ?? [];
  }

  private byFile: Map<string, NameTransform[]> | undefined;

  private includedFiles(k: KustomizationSource, files: ReadonlySet<string>, visiting: Set<KustomizationSource>): readonly IncludedFile[] {
    const known = this.included.get(k);
    if (known !== undefined) return known;
    if (visiting.has(k)) return []; // a cycle: kustomize refuses it, so it renders nothing
    visiting.add(k);
    const own: NameTransform = { prefix: text(k.obj.namePrefix), suffix: text(k.obj.nameSuffix), ...(text(k.obj.namespace) ? { namespace: text(k.obj.namespace) } : {}) };
    const entries = [...asList(k.obj.resources), ...asList(k.obj.bases)];
    const out: IncludedFile[] = [];
    for (const entry of entries) {
      const path = resolve(dirOf(k.file), entry);
      if (path === undefined) continue;
      if (files.has(path)) {
        out.push({ file: path, transform: own });
        continue;
      }
      const inner = this.byDir.get(`${path}/`);
      if (inner === undefined) continue;
      this.nested.add(inner);
      for (const f of this.includedFiles(inner, files, visiting)) {
        // The outer level's prefix goes in front of the inner one's, its suffix after; its namespace wins.
        out.push({
          file: f.file,
          transform: {
            prefix: `${own.prefix}${f.transform.prefix}`,
            suffix: `${f.transform.suffix}${own.suffix}`,
            ...((own.namespace ?? f.transform.namespace) !== undefined ? { namespace: own.namespace ?? f.transform.namespace } : {}),
          },
        });
      }
    }
    visiting.delete(k);
    this.included.set(k, out);
    return out;
  }
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

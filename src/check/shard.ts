import type { Bilingual } from '../policy/rules.js';
import { createContext } from './context.js';
import { globalAliases, mayBreakCSharpRule } from './rules/csharp.js';
import { callsJobHost, mayHoldBatchJob, mayRegisterJobs } from './rules/job-registration.js';
import { isIngressInput, isKustomizationObject, isManifestCandidate, locate, mayHoldKustomization, mayHoldObjects, pinsAbove, validateObject } from './rules/kubernetes.js';
import { isSecretCandidate, secretLines } from './rules/secrets.js';
import type { CheckFinding, CheckNote } from './finding.js';
import { fileReader, type RepoFiles } from './walk.js';
import { isCiFile } from './context.js';
import { parseYamlFile, type YamlFile } from './yaml-source.js';
import type { KubeObject } from '../validation/types.js';

/**
 * The per-file half of `check`, run by worker threads on shards of a large repository: each file is read once and
 * everything that needs only that file is done here (C# pre-filter, YAML parse and per-object validation, secret
 * literals). The rule families then combine these facts in the main thread, in the order they always read files,
 * so the report is the one a single thread writes. Facts are plain data: they cross threads by structured clone.
 */

/** Documents of a file sent to the main thread: their index in the file and their value. */
export interface SentObjects {
  /** The file's text, so the main thread can find lines (it parses positions only for a finding). */
  readonly text: string;
  readonly objects: readonly { readonly doc: number; readonly obj: KubeObject }[];
}

/** What one file is, for the rule families that read it. Absent parts: the family has nothing to do with the file. */
export interface FileFacts {
  /** The file was not read (too large, binary, unreadable): the note its first reader reports. */
  readonly note?: CheckNote;
  readonly csharp?: {
    /** The text, when the pre-filter selects the file for parsing. */
    readonly selected?: string;
    readonly aliases: readonly string[];
    readonly callsJobHost: boolean;
    readonly mayRegisterJobs: boolean;
  };
  /** Any YAML file outside CI files, for job registrations. */
  readonly mayHoldBatchJob?: boolean;
  /** A manifest candidate that may hold objects (validated in the second phase). */
  readonly manifest?: { readonly kustomization?: SentObjects };
  readonly secrets?: readonly { readonly line: number; readonly message: Bilingual }[];
}

/** A manifest's outcome after validation, with the objects the (cross-file) Ingress rules need. */
export interface ManifestResult {
  readonly findings: readonly CheckFinding[];
  readonly parseError?: { readonly line: number; readonly message: string };
  readonly ingress?: SentObjects;
}

/** Whether a worker reads `path` at all: only files some per-file family above reads. */
export function isSharded(path: string, helmRoots: readonly string[]): boolean {
  if (path.endsWith('.cs')) return true;
  if (helmRoots.some((r) => path.startsWith(r))) return false;
  return /\.ya?ml$/i.test(path) || isSecretCandidate(path);
}

/** Files a thread takes at a time from the shared list: small enough to even out, large enough to be cheap. */
const CHUNK = 64;

/**
 * The next chunk of a list that several threads work through: `counter` is shared memory, so a thread that
 * runs faster (or starts earlier) simply takes more chunks, and no thread waits for a slower one's share.
 */
export function* claims(counter: Int32Array, total: number): Generator<number> {
  for (let start = Atomics.add(counter, 0, CHUNK); start < total; start = Atomics.add(counter, 0, CHUNK)) {
    for (let i = start; i < Math.min(total, start + CHUNK); i++) yield i;
  }
}

/** One thread's part: the files it read, kept until the second phase validates the manifests. */
export class Shard {
  private readonly read: ReturnType<typeof fileReader>;
  private readonly manifests = new Map<string, { text: string; parsed?: YamlFile }>();

  /** `keepManifests`: false when no phase 2 follows (kubectl renders the manifests in the main thread). */
  constructor(root: string, maxBytes: number, private readonly helmRoots: readonly string[], private readonly keepManifests = true) {
    this.read = fileReader(root, maxBytes);
  }

  /**
   * Phase 1: reads the files it claims from `paths` and gathers their facts. Files with nothing to say (no note,
   * nothing selected, flagged or found) are left out: the answer crosses threads by copy, and most files are such.
   */
  facts(paths: readonly string[], counter: Int32Array): [string, FileFacts][] {
    const out: [string, FileFacts][] = [];
    for (const i of claims(counter, paths.length)) {
      const facts = this.factsOf(paths[i]!);
      if (facts !== undefined) out.push([paths[i]!, facts]);
    }
    return out;
  }

  private factsOf(path: string): FileFacts | undefined {
    const { text, note } = this.read(path);
    if (text === undefined) return { note };
    if (path.endsWith('.cs')) {
      const selected = mayBreakCSharpRule(text);
      const host = callsJobHost(text);
      const registers = mayRegisterJobs(text);
      if (!selected && !host && !registers) return undefined;
      return { csharp: { ...(selected ? { selected: text } : {}), aliases: selected ? globalAliases(text) : [], callsJobHost: host, mayRegisterJobs: registers } };
    }
    const facts: { -readonly [K in keyof FileFacts]: FileFacts[K] } = {};
    if (/\.ya?ml$/i.test(path) && !isCiFile(path) && mayHoldBatchJob(text)) facts.mayHoldBatchJob = true;
    if (isManifestCandidate(path, this.helmRoots) && mayHoldObjects(path, text)) {
      if (mayHoldKustomization(path, text)) {
        const parsed = parseYamlFile(text);
        if (this.keepManifests) this.manifests.set(path, { text, parsed });
        facts.manifest = { kustomization: { text, objects: locate(path, parsed.docs).map((o) => ({ doc: parsed.docs.indexOf(o.doc), obj: o.obj })) } };
      } else {
        if (this.keepManifests) this.manifests.set(path, { text });
        facts.manifest = {};
      }
    }
    if (isSecretCandidate(path)) {
      const found = secretLines(text);
      if (found.length > 0) facts.secrets = found;
    }
    return Object.keys(facts).length > 0 ? facts : undefined;
  }

  /**
   * Phase 2: validates the objects of the manifests it claims from `manifests` (every thread's, in path order),
   * with the images each kustomization folder pins. `claimed` is shared: one slot per manifest, set by the thread
   * that takes it. A thread takes the manifests it read first, then any left (read again here: reading is cheap
   * next to parsing and validating), so no thread waits for a slower one. Clean manifests are left out.
   */
  validate(manifests: readonly string[], claimed: Int32Array, pins: ReadonlyMap<string, readonly string[]>): [string, ManifestResult][] {
    const files: RepoFiles = { paths: [], read: () => undefined, notes: [] };
    const out: [string, ManifestResult][] = [];
    const index = new Map(manifests.map((path, i) => [path, i]));
    const order = [...[...this.manifests.keys()].map((path) => index.get(path)!), ...manifests.keys()];
    for (const i of order) {
      if (Atomics.compareExchange(claimed, i, 0, 1) !== 0) continue;
      const path = manifests[i]!;
      const own = this.manifests.get(path);
      const text = own?.text ?? this.read(path).text;
      // A file changed (or vanished) since phase 1 is left out, as if clean.
      if (text === undefined) continue;
      const { context, findings } = createContext(files, { kubectl: false });
      const parsed = own?.parsed ?? parseYamlFile(text);
      const located = locate(path, parsed.docs);
      for (const o of located) validateObject(context, o, o.obj, isKustomizationObject(o), () => pinsAbove(pins, path));
      const ingress = located.filter(isIngressInput);
      // A clean manifest is left out of the answer (see `facts`): the main thread reads its absence as clean.
      if (findings.length === 0 && !parsed.error && ingress.length === 0) continue;
      out.push([
        path,
        {
          findings,
          ...(parsed.error ? { parseError: parsed.error } : {}),
          ...(ingress.length > 0 ? { ingress: { text, objects: ingress.map((o) => ({ doc: parsed.docs.indexOf(o.doc), obj: o.obj })) } } : {}),
        },
      ]);
    }
    this.manifests.clear();
    return out;
  }
}

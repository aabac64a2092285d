import { existsSync } from 'node:fs';
import { getCompileCacheDir } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { helmTemplateRoots } from './context.js';
import { isSharded, Shard, type FileFacts, type ManifestResult } from './shard.js';
import { fileReader, type RepoFiles } from './walk.js';

/**
 * Per-file work that threads did before the rule families ran (see `shard.ts`). The families ask for a file's
 * facts where they would have read it: its read note is reported then, so notes keep the single-thread order.
 */
export interface Prepared {
  /**
   * The file's facts, reporting its read note the first time it is asked for; `null` when it could not be read,
   * `undefined` when no thread read it (the family reads it itself).
   */
  take(path: string): FileFacts | null | undefined;
  /** Phase 2: every manifest validated with the images each kustomization folder pins, by path. */
  validate(pins: ReadonlyMap<string, readonly string[]>): Promise<ReadonlyMap<string, ManifestResult>>;
  /** Stops the workers (after phase 2 they have stopped already; a failed check stops them here). */
  close(): Promise<void>;
}

/** A file read without anything to say: threads leave such files out of their answer (most files are like this). */
const NOTHING: FileFacts = {};

/** The worker's compiled module; absent when the sources run untranspiled (unit tests), where only this thread works. */
const WORKER = fileURLToPath(new URL('./pool-worker.js', import.meta.url));

export interface SharedWork {
  readonly root: string;
  readonly maxBytes: number;
  readonly helmRoots: readonly string[];
  /** Every file a thread may read, in path order; threads claim chunks of it through `counter`. */
  readonly paths: readonly string[];
  /** Shared: the next file of `paths` to claim. */
  readonly counter: Int32Array;
  /** Whether manifests are kept for phase 2 (not when kubectl renders them: the main thread parses them then). */
  readonly keepManifests: boolean;
  /** The compile cache this thread uses, so workers load the check's modules from it too. */
  readonly compileCacheDir?: string;
}

/** What phase 2 gets: every manifest (path order) and the pins. */
export interface ValidateWork {
  readonly manifests: readonly string[];
  /** Shared: one slot per manifest, set by the thread that validates it. */
  readonly claimed: Int32Array;
  readonly pins: ReadonlyMap<string, readonly string[]>;
}

/** One thread's part: this thread's runs inline, the others in workers; each answers phase 1, then phase 2. */
interface Part {
  readonly facts: Promise<[string, FileFacts][]>;
  validate(work: ValidateWork): Promise<[string, ManifestResult][]>;
  close(): Promise<void>;
}

function workerPart(work: SharedWork): Part {
  const worker = new Worker(WORKER, { workerData: work });
  let failed: ((error: Error) => void) | undefined;
  const failure = new Promise<never>((_, reject) => {
    failed = reject;
  });
  failure.catch(() => undefined);
  worker.once('error', (error) => failed!(error));
  worker.once('exit', (code) => failed!(new Error(`check worker exited with code ${code}`)));
  const next = <T>(): Promise<T> => Promise.race([new Promise<T>((resolve) => worker.once('message', resolve)), failure]);
  const facts = next<[string, FileFacts][]>();
  return {
    facts,
    async validate(job) {
      const results = next<[string, ManifestResult][]>();
      worker.postMessage(job);
      try {
        return await results;
      } finally {
        await this.close();
      }
    },
    async close() {
      worker.removeAllListeners('exit');
      await worker.terminate();
    },
  };
}

export interface PoolOptions {
  readonly root: string;
  readonly maxBytes: number;
  /** Threads, this one included. */
  readonly threads: number;
  /** Whether the threads also validate manifests (phase 2); false when kubectl renders them in this thread. */
  readonly validate: boolean;
}

/**
 * Threads for the per-file work, this one included: one per core the process may use that other work leaves idle
 * (by the 1-minute load average). On a busy machine a second thread gets little of a second core and only adds its
 * start-up and a second JIT warm-up: measured at load ≈ 8 on 2 cores, 2 threads took 4.5 s where 1 took 3.7 s.
 */
export function defaultThreads(): number {
  if (!existsSync(WORKER)) return 1;
  const cores = availableParallelism();
  return Math.max(1, Math.min(cores, Math.round(cores - loadavg()[0]!) + 1));
}

/**
 * Shares the per-file work of a repository listed on disk between `threads` threads (this one included), which
 * claim chunks of files from one shared counter (see `claims`). Returns the same files with the threads' facts
 * attached; files no family reads per file are left to the families, which run in this thread.
 */
export async function prepareInParallel(files: RepoFiles, options: PoolOptions): Promise<RepoFiles> {
  const { root, maxBytes, threads, validate } = options;
  const helmRoots = helmTemplateRoots(files.paths);
  const sharded = files.paths.filter((p) => isSharded(p, helmRoots));
  const counter = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const work: SharedWork = { root, maxBytes, helmRoots, paths: sharded, counter, keepManifests: validate, compileCacheDir: getCompileCacheDir() };
  // Workers first, so they start while this thread claims files; it takes the first chunks while they load.
  const workers = Array.from({ length: Math.max(0, (existsSync(WORKER) ? threads : 1) - 1) }, () => workerPart(work));
  const own = new Shard(root, maxBytes, helmRoots, validate);
  const facts = new Map<string, FileFacts>();
  try {
    for (const [path, f] of own.facts(sharded, counter)) facts.set(path, f);
    for (const part of await Promise.all(workers.map((w) => w.facts))) for (const [path, f] of part) facts.set(path, f);
  } catch (error) {
    await Promise.all(workers.map((w) => w.close()));
    throw error;
  }

  const reported = new Set<string>();
  const shardedSet = new Set(sharded);
  const take = (path: string): FileFacts | null | undefined => {
    const f = facts.get(path) ?? (shardedSet.has(path) ? NOTHING : undefined);
    if (f === undefined) return undefined;
    if (f.note === undefined) return f;
    if (!reported.has(path)) {
      reported.add(path);
      files.notes.push(f.note);
    }
    return null;
  };
  const reread = fileReader(root, maxBytes);
  let validated: Promise<ReadonlyMap<string, ManifestResult>> | undefined;
  return {
    paths: files.paths,
    notes: files.notes,
    read(path) {
      const f = take(path);
      if (f === undefined) return files.read(path);
      if (f === null) return undefined;
      const known = f.csharp?.selected ?? f.manifest?.kustomization?.text;
      if (known !== undefined) return known;
      // Rare: a family that needs the text of a file only a thread read (job registrations of a job-host app).
      const again = reread(path);
      if (again.note !== undefined && !reported.has(path)) {
        reported.add(path);
        files.notes.push(again.note);
      }
      return again.text;
    },
    prepared: {
      take,
      validate(pins) {
        // Workers get the list and the pins before this thread claims manifests itself (which blocks until done).
        validated ??= (async () => {
          const manifests = sharded.filter((p) => facts.get(p)?.manifest !== undefined);
          const job: ValidateWork = { manifests, claimed: new Int32Array(new SharedArrayBuffer(Math.max(1, manifests.length) * Int32Array.BYTES_PER_ELEMENT)), pins };
          const others = workers.map((w) => w.validate(job));
          const mine = own.validate(job.manifests, job.claimed, pins);
          return new Map([...mine, ...(await Promise.all(others)).flat()]);
        })();
        return validated;
      },
      close: async () => {
        await Promise.all(workers.map((w) => w.close()));
      },
    },
  };
}

import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { messageFields, type CheckNote } from './finding.js';
import { say } from './messages.js';
import type { Prepared } from './pool.js';

/** A repository's files as `check` sees them: relative paths and lazy reads, from disk or from memory. */
export interface RepoFiles {
  /** Every candidate file, relative, `/`-separated, sorted. */
  readonly paths: readonly string[];
  /** The file's text, or `undefined` when it cannot be read (the reason is a note). */
  read(path: string): string | undefined;
  readonly notes: CheckNote[];
  /** Per-file work worker threads did already (large repositories only, see `pool.ts`). */
  readonly prepared?: Prepared;
}

export interface WalkLimits {
  /** Larger files are skipped with a note. @default 2 MiB */
  readonly maxFileBytes?: number;
  /**
   * Characters of file text kept after a first read, so the rule families that look at the same file (YAML: job
   * registrations, Kubernetes, secrets; C#: code rules, job registrations) read it from disk once. @default 64 Mi
   */
  readonly cacheChars?: number;
  /** Stop listing after this many files (with a note). @default 500000 */
  readonly maxFiles?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/** Folders never worth reading: VCS data, package caches, build output (except `obj/project.assets.json`). */
const SKIP_DIRS = new Set(['.git', 'node_modules', 'bin', '.vs', '.idea', '.tools', 'packages', 'TestResults']);

/** Files `check` has a rule for; everything else is not even listed, which keeps the walk cheap. */
export function isRelevant(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  return (
    /\.(cs|csproj|fsproj|vbproj|props|targets|sln|slnx|ya?ml|sh|bash|ps1)$/i.test(name) ||
    lower === 'packages.lock.json' ||
    lower === 'project.assets.json' ||
    /^appsettings.*\.json$/i.test(name) ||
    lower === 'dockerfile' ||
    lower.endsWith('.dockerfile') ||
    lower.startsWith('dockerfile.') ||
    lower === '.dockerignore' ||
    lower === 'jenkinsfile'
  );
}

/** Files that are read even when `.gitignore` hides them, because restore writes them there on purpose. */
const ALWAYS_READ = /(^|\/)obj\/project\.assets\.json$/;

/**
 * Lists a repository read-only: symlinks are followed only when they stay inside `root` (never into a folder),
 * `.gitignore`d paths are skipped (nested `.gitignore` files apply to their folder), files over the size limit and
 * binaries are skipped with a note, and an unreadable file or folder is a note, not a failure.
 */
export function walkRepository(root: string, limits: WalkLimits = {}): RepoFiles {
  const maxBytes = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxFiles = limits.maxFiles ?? 500_000;
  const notes: CheckNote[] = [];
  const paths: string[] = [];
  const realRoot = realpathSync(root);
  const ignores: { base: string; ig: Ignore }[] = [];

  const ignored = (rel: string, dir: boolean): boolean =>
    ignores.some(({ base, ig }) => {
      if (base !== '' && !rel.startsWith(`${base}/`)) return false;
      const sub = base === '' ? rel : rel.slice(base.length + 1);
      return ig.ignores(dir ? `${sub}/` : sub);
    });

  const visit = (dirRel: string): void => {
    const abs = dirRel === '' ? root : join(root, dirRel);
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch (error) {
      notes.push({ kind: 'unreadable', file: dirRel || '.', ...messageFields(say((m) => m.folderUnreadable(errorCode(error)))) });
      return;
    }
    const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
    let pushed = false;
    if (gitignore) {
      try {
        ignores.push({ base: dirRel, ig: ignore().add(readFileSync(join(abs, '.gitignore'), 'utf8')) });
        pushed = true;
      } catch {
        notes.push({ kind: 'unreadable', file: dirRel ? `${dirRel}/.gitignore` : '.gitignore', ...messageFields(say((m) => m.gitignoreUnreadable)) });
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (paths.length >= maxFiles) {
        if (!notes.some((n) => n.kind === 'file-limit')) notes.push({ kind: 'file-limit', ...messageFields(say((m) => m.fileLimit(maxFiles))) });
        break;
      }
      const rel = dirRel === '' ? entry.name : `${dirRel}/${entry.name}`;
      if (entry.isDirectory()) {
        if (SKIP_DIRS.has(entry.name)) continue;
        if (entry.name === 'obj') {
          if (isAssetsReadable(join(abs, 'obj', 'project.assets.json'))) paths.push(`${rel}/project.assets.json`);
          continue;
        }
        if (ignored(rel, true)) continue;
        visit(rel);
      } else if (entry.isSymbolicLink()) {
        if (!isRelevant(rel) || ignored(rel, false)) continue;
        try {
          const target = realpathSync(join(abs, entry.name));
          if (target !== realRoot && !target.startsWith(realRoot + sep)) {
            notes.push({ kind: 'symlink-outside', file: rel, ...messageFields(say((m) => m.symlinkOutside)) });
          } else if (statSync(target).isFile()) {
            paths.push(rel);
          }
        } catch {
          notes.push({ kind: 'unreadable', file: rel, ...messageFields(say((m) => m.symlinkBroken)) });
        }
      } else if (entry.isFile() && isRelevant(rel) && (ALWAYS_READ.test(rel) || !ignored(rel, false))) {
        paths.push(rel);
      }
    }
    if (pushed) ignores.pop();
  };
  visit('');
  paths.sort();

  // Files that gave a note are remembered too: a second family asking again neither re-reads nor repeats the note.
  const cache = new Map<string, string | undefined>();
  let cacheLeft = limits.cacheChars ?? 64 * 1024 * 1024;
  const read = (path: string): string | undefined => {
    if (cache.has(path)) return cache.get(path);
    const text = readOnce(path);
    if (text === undefined) cache.set(path, undefined);
    else if (text.length <= cacheLeft) {
      cache.set(path, text);
      cacheLeft -= text.length;
    }
    return text;
  };
  const readFile = fileReader(root, maxBytes);
  const readOnce = (path: string): string | undefined => {
    const result = readFile(path);
    if (result.note !== undefined) notes.push(result.note);
    return result.text;
  };
  return { paths, read, notes };
}

/** A file's text, or the note saying why it was not read. */
export type ReadResult = { readonly text: string; readonly note?: undefined } | { readonly text?: undefined; readonly note: CheckNote };

/**
 * Reads files of `root` one at a time (shared by the walk and the check's worker threads, so both skip the same
 * files with the same notes): too large, binary and unreadable files give a note instead of text.
 */
export function fileReader(root: string, maxBytes: number): (path: string) => ReadResult {
  // Most files fit in one shared buffer: one open, read and close each, without an fstat or a buffer per file.
  const shared = Buffer.allocUnsafe(SHARED_READ_BYTES);
  return (path) => {
    // A symbolic link was checked to stay inside the root when listed; only a file that fills the shared buffer
    // is measured (fstat of the open file: the size of what is actually read).
    let fd: number | undefined;
    try {
      fd = openSync(`${root}/${path}`, 'r');
      let content = shared.subarray(0, readInto(fd, shared, 0));
      const size = content.length === shared.length ? fstatSync(fd).size : content.length;
      if (size > maxBytes) return { note: { kind: 'too-large', file: path, ...messageFields(say((m) => m.tooLarge(size, maxBytes))) } };
      if (content.length === shared.length) {
        const whole = Buffer.allocUnsafe(Math.max(size, shared.length));
        shared.copy(whole);
        content = whole.subarray(0, shared.length + readInto(fd, whole, shared.length));
      }
      if (content.subarray(0, 8192).includes(0)) return { note: { kind: 'binary', file: path, ...messageFields(say((m) => m.binary)) } };
      return { text: content.toString('utf8') };
    } catch (error) {
      return { note: { kind: 'unreadable', file: path, ...messageFields(say((m) => m.fileUnreadable(errorCode(error)))) } };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  };
}

/** Bytes read per file before its size is asked for (most source files and manifests are smaller). */
const SHARED_READ_BYTES = 64 * 1024;

/** Reads from `fd` at its current offset into `buffer` from `start` until the buffer is full or the file ends. */
function readInto(fd: number, buffer: Buffer, start: number): number {
  let filled = start;
  while (filled < buffer.length) {
    const n = readSync(fd, buffer, filled, buffer.length - filled, null);
    if (n === 0) break;
    filled += n;
  }
  return filled - start;
}

const errorCode = (error: unknown): string => (error as NodeJS.ErrnoException).code ?? String(error);

function isAssetsReadable(path: string): boolean {
  try {
    closeSync(openSync(path, 'r'));
    return true;
  } catch {
    return false;
  }
}

/** An in-memory repository (unit tests, the property test and the benchmark's synthesis). */
export function memoryRepository(files: ReadonlyMap<string, string>): RepoFiles {
  return { paths: [...files.keys()].filter(isRelevant).sort(), read: (p) => files.get(p), notes: [] };
}

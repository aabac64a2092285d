import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileBase, IResolver } from 'projen';
import { resolve } from 'projen/lib/_resolve.js';

/** The resolver projen's FileBase passes to `synthesizeContent`. */
export const RESOLVER: IResolver = { resolve: (obj, options) => resolve(obj, options) };

/**
 * Whether `file` is on disk already, with this content and the permissions projen gives it (read-only 0444,
 * executable bits as asked).
 *
 * Why our own check: projen skips an unchanged file only when `access(W_OK)` fails on it, which it never does for
 * root. So in a container or CI job running as root, every `npx projen` rewrote every managed file, and a new mtime
 * on Directory.Build.props or JobHost.cs made the next `dotnet build` recompile the whole solution.
 */
function isUnchanged(file: FileBase, content: string | undefined): boolean {
  if (content === undefined) return false;
  const path = join(file.project.outdir, file.path);
  try {
    const mode = statSync(path).mode;
    if (((mode & 0o222) === 0) !== file.readonly) return false;
    if (process.platform !== 'win32' && ((mode & 0o111) !== 0) !== file.executable) return false;
    return readFileSync(path, 'utf8') === content;
  } catch {
    return false; // missing or unreadable: projen writes it (and reports what is wrong)
  }
}

/**
 * projen's synthesis of a managed file (`synthesize`), skipped when the file is unchanged. `hold` keeps the content
 * computed here for the file's `synthesizeContent` to return when projen asks again, so it is computed once.
 * Shared by ManagedTextFile and ManagedYamlFile, which extend different projen classes.
 */
export function synthesizeIfChanged(file: FileBase, content: string | undefined, hold: (content: string | undefined) => void, synthesize: () => void): void {
  if (isUnchanged(file, content)) return;
  hold(content);
  try {
    synthesize();
  } finally {
    hold(undefined);
  }
}

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * A new temporary folder holding `files` (path → contents, parent folders made as needed).
 * @param prefix the folder's path up to its random suffix (`mkdtemp`), e.g. `join(tmpdir(), 'cbj-detect-')`
 * @param created the new folder is added to it, for the test file's clean-up
 * @default created - not recorded (the caller removes a parent folder)
 */
export function tempTree(prefix: string, files: Record<string, string>, created?: string[]): string {
  const dir = mkdtempSync(prefix);
  created?.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

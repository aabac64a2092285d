/**
 * A relative path safe to write unquoted into a Dockerfile or `.projenrc.ts`: letters, digits, `_`, `.`, `-`
 * segments separated by `/`, no `.`/`..` segments, no leading `/`, no spaces.
 */
export function isSafeRelativePath(path: string): boolean {
  return /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/.test(path) && !path.split('/').some((part) => part === '..' || part === '.');
}

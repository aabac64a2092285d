/**
 * Characters that print nothing or move the cursor: C0/C1 controls, format characters (bidi overrides, zero-width
 * joiners) and line/paragraph separators. A stray Ctrl+U at a prompt used to end up in a directory name.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export function hasUnprintable(text: string): boolean {
  return new RegExp(UNPRINTABLE.source, 'u').test(text);
}

/** What a prompt keeps of a typed answer: the printable characters. */
export function stripUnprintable(text: string): string {
  return text.replace(UNPRINTABLE, '');
}

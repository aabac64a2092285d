/** Setting names whose values are credentials whatever they look like. */
export const SECRET_NAME = /(pass(word|wd)?|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|agent[-_]?key|download[-_]?key|connection[-_]?string|credential)s?$/i;

/** Well-known key formats (cloud, VCS, chat tokens, PEM blocks, JWTs). */
export const KEY_FORMATS: readonly RegExp[] = [
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
  /\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\./,
];

function entropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) bits -= (n / text.length) * Math.log2(n / text.length);
  return bits;
}

/** A single random-looking token of 20+ characters: how agent keys and API keys look when pasted. */
export function looksRandom(value: string): boolean {
  return /^[A-Za-z0-9+/_=-]{20,}$/.test(value) && /[0-9]/.test(value) && /[A-Za-z]/.test(value) && entropy(value) >= 3.5;
}

/**
 * Whether a literal setting would put key material into the repository. Used to refuse pasted keys
 * everywhere a value is written to a file (env settings, answers, flags).
 */
export function looksLikeSecret(name: string, value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return false;
  return SECRET_NAME.test(name) || KEY_FORMATS.some((re) => re.test(trimmed)) || looksRandom(trimmed);
}

// Lowercase words joined by dashes (`europe-west-production-1`) are names people choose, not keys.
const DASHED_NAME = /^[a-z0-9]{1,15}(-[a-z0-9]{1,15})+$/;

// An absolute or explicitly relative path of two or more segments (`/tmp/cbj-x7Yq2Z/repo`) is where a file goes, and
// a temp folder's random suffix must not make it look like a key; pasted keys do not start with `/`, `./` or `~/`.
const FILE_PATH = /^(~|\.{1,2})?\/[^/]+\/[^/]/;

/**
 * Whether a value given for a non-secret setting (a zone, cluster or host name) is in fact pasted key
 * material, such as an Instana agent or download key: a known key format, or one random-looking token.
 */
export function looksLikeKeyMaterial(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return false;
  return KEY_FORMATS.some((re) => re.test(trimmed)) || (looksRandom(trimmed) && !DASHED_NAME.test(trimmed) && !FILE_PATH.test(trimmed));
}

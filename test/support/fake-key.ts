/**
 * A key-shaped string built at run time (22 mixed-case letters and digits, like an Instana agent key), so no
 * key-like literal is ever committed. Deterministic per seed; it is no real key.
 */
export function fakeAgentKey(seed = 1): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let x = seed;
  let out = '';
  while (out.length < 22 || !/[A-Z]/.test(out) || !/[a-z]/.test(out) || !/[0-9]/.test(out)) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out = (out + alphabet[x % alphabet.length]).slice(-22);
  }
  return out;
}

/** A key-shaped token of `n` characters (mixed case and digits), built at run time like {@link fakeAgentKey}. */
export const fakeToken = (n: number): string => Array.from({ length: n }, (_, i) => 'aB3xY7qZ9mK2pL5wR8tN4vC6'[(i * 7) % 24]).join('');

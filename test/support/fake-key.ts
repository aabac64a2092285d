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

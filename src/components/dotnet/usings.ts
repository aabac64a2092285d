/**
 * `using` directives in the order `dotnet format` wants them with the generated `.editorconfig`
 * (`dotnet_sort_system_directives_first = true`): `System` and `System.*` first, then every other namespace by
 * Roslyn's name comparer. That comparer goes one dotted part at a time (a shorter prefix first, so `Microsoft`
 * comes before `MicrosoftTools`) and compares parts by culture-invariant collation: `_` before digits before
 * letters, case ignored first, then lowercase before uppercase (`acme.Jobs` before `Acme.Billing`). A fixed order in
 * a template breaks as soon as the app's namespace sorts before a library's (`Job9livesEtl.Jobs` before
 * `Microsoft.Extensions.Options`).
 */
export function sortUsings(namespaces: Iterable<string>): string[] {
  return [...new Set(namespaces)].sort(compareUsings);
}

const isSystem = (name: string) => name === 'System' || name.startsWith('System.');

function compareUsings(a: string, b: string): number {
  if (isSystem(a) !== isSystem(b)) return isSystem(a) ? -1 : 1;
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = comparePart(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

const ASCII_IDENTIFIER = /^[A-Za-z0-9_]*$/;
let collator: Intl.Collator | undefined;

/**
 * The invariant collation of two identifiers. ASCII ones (every generated name) are compared directly: building a
 * collator loads ICU's collation data, tens of milliseconds of a create; other scripts go to `Intl.Collator`.
 */
function comparePart(a: string, b: string): number {
  if (!ASCII_IDENTIFIER.test(a) || !ASCII_IDENTIFIER.test(b)) return (collator ??= new Intl.Collator('und')).compare(a, b);
  // Primary level: case folded, `_` (mapped below the digits) before digits before letters, a prefix first.
  const primary = (s: string) => s.toLowerCase().replaceAll('_', ' ');
  const pa = primary(a);
  const pb = primary(b);
  if (pa !== pb) return pa < pb ? -1 : 1;
  // Tertiary level: the first letter that differs only in case decides, lowercase first.
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return a[i] === a[i]!.toLowerCase() ? -1 : 1;
  }
  return 0;
}

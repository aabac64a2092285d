/**
 * Field paths in the apiserver's style: `spec.template.spec.containers[0].image`, map entries as
 * `metadata.annotations[nginx.ingress.kubernetes.io/server-snippet]`.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `parent.name` (a struct field). Falls back to `parent[name]` when `name` is not an identifier. */
export function child(parent: string, name: string): string {
  if (!IDENTIFIER.test(name)) return key(parent, name);
  return parent === '' ? name : `${parent}.${name}`;
}

/** `parent[i]` (a list element). */
export function index(parent: string, i: number): string {
  return `${parent}[${i}]`;
}

/** `parent[key]` (a map entry, as the apiserver prints it: no quotes). */
export function key(parent: string, k: string): string {
  return `${parent}[${k}]`;
}

/** Joins struct field names: `join('spec', 'template', 'spec')` → `spec.template.spec`. */
export function join(parent: string, ...names: string[]): string {
  return names.reduce((p, n) => child(p, n), parent);
}

/**
 * Unknown-field detection driven by the schemas' own validators.
 *
 * The ajv code in `kubernetes-models` never rejects additional properties (the Kubernetes OpenAPI schemas do not
 * say `additionalProperties: false`; the apiserver drops or, with `fieldValidation=Strict`, rejects them). But
 * the compiled validator reads every property its schema declares (`void 0 !== data.backoffLimit`), iterates
 * maps (`for (k in data)`) and ignores free-form objects. So the object is validated through proxies that record
 * which keys the validator looked at: a key present in the object but never read by a validator that did read
 * other keys of that object is a field the schema does not have.
 */

export interface AjvError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** An ajv standalone validate function: `false` plus `errors` when the data does not match. */
export type SchemaValidator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

export interface UnknownField {
  /** Field path of the unknown field itself. */
  readonly path: string;
  readonly field: string;
}

interface Access {
  readonly read: Set<string>;
  enumerated: boolean;
}

export interface UnknownFieldsResult {
  readonly errors: AjvError[];
  readonly unknown: UnknownField[];
  readonly toPath: (pointer: string) => string;
}

/**
 * What a schema validator read at one position of an object, learned from a run without errors:
 *  - `free`: an object the validator never looked into (free-form, e.g. `type: object` without properties);
 *  - `object`: the keys it read (every property the schema declares: the compiled ajv code reads each one whether
 *    or not it is present) or, for a map, that it enumerated the keys; `children` by key (one `*` child for all the
 *    entries of a map: a map whose entries have different shapes disagrees with itself, see below);
 *  - `array`: the shape of its items (all items of a list share one schema).
 * In these schemas every position has one schema (no object-valued `anyOf`/`oneOf`; only int-or-string and quantity
 * use them), so a position's shape does not depend on the data. `learn` still checks that: two runs that disagree
 * switch the cache off for that validator.
 */
export type Shape =
  | { readonly kind: 'free' }
  | { readonly kind: 'object'; readonly read: ReadonlySet<string>; readonly enumerated: boolean; readonly children: Map<string, Shape> }
  | { readonly kind: 'array'; item?: Shape };

const FREE: Shape = { kind: 'free' };

function shapeOf(node: unknown, records: WeakMap<object, Access>): Shape | undefined {
  if (node === null || typeof node !== 'object') return undefined;
  if (Array.isArray(node)) {
    let item: Shape | undefined;
    for (const v of node) {
      const s = shapeOf(v, records);
      if (s === undefined) continue;
      item = item === undefined ? s : merge(item, s);
      if (item === undefined) return undefined;
    }
    return { kind: 'array', ...(item !== undefined ? { item } : {}) };
  }
  const access = records.get(node);
  if (access === undefined || (access.read.size === 0 && !access.enumerated)) return FREE;
  const children = new Map<string, Shape>();
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (!access.enumerated && !access.read.has(k)) continue;
    const s = shapeOf(v, records);
    if (s === undefined) continue;
    const key = childKey(access.enumerated, k);
    const existing = children.get(key);
    const merged = existing === undefined ? s : merge(existing, s);
    if (merged === undefined) return undefined;
    children.set(key, merged);
  }
  // A map's reads are its own keys (`for (k in data) data[k]`): only a struct's reads say which fields exist.
  return { kind: 'object', read: access.enumerated ? new Set() : new Set(access.read), enumerated: access.enumerated, children };
}

/** Every entry of a map shares one child shape (`*`); a struct's fields each have their own. */
function childKey(enumerated: boolean, k: string): string {
  return enumerated ? '*' : k;
}

/** Two observations of one position; `undefined` when they disagree (the schema is not position-determined). */
function merge(a: Shape, b: Shape): Shape | undefined {
  if (a.kind === 'free' || b.kind === 'free') return a.kind === b.kind ? a : undefined;
  if (a.kind === 'array' || b.kind === 'array') {
    if (a.kind !== 'array' || b.kind !== 'array') return undefined;
    if (a.item === undefined || b.item === undefined) return { kind: 'array', ...((a.item ?? b.item) !== undefined ? { item: (a.item ?? b.item)! } : {}) };
    const item = merge(a.item, b.item);
    return item === undefined ? undefined : { kind: 'array', item };
  }
  if (a.enumerated !== b.enumerated || a.read.size !== b.read.size || [...a.read].some((k) => !b.read.has(k))) return undefined;
  const children = new Map(a.children);
  for (const [k, s] of b.children) {
    const existing = children.get(k);
    const merged = existing === undefined ? s : merge(existing, s);
    if (merged === undefined) return undefined;
    children.set(k, merged);
  }
  return { kind: 'object', read: a.read, enumerated: a.enumerated, children };
}

/** Learned shapes per validator; `null` once two runs disagreed (then every object takes the proxy run). */
const shapes = new WeakMap<SchemaValidator, Shape | null>();

/**
 * The unknown fields of `data` from a learned shape, in the order the proxy walk reports them; `undefined` when the
 * data reaches a position the shape has not seen (the caller then takes the proxy run, which learns it).
 */
function unknownFromShape(node: unknown, shape: Shape | undefined, path: string, out: UnknownField[]): boolean {
  if (node === null || typeof node !== 'object') return true;
  if (shape === undefined) return false;
  if (Array.isArray(node)) {
    if (shape.kind !== 'array') return false;
    for (let i = 0; i < node.length; i++) if (!unknownFromShape(node[i], shape.item, `${path}[${i}]`, out)) return false;
    return true;
  }
  if (shape.kind === 'free') return true;
  if (shape.kind !== 'object') return false;
  for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
    if (!shape.enumerated && !shape.read.has(k)) {
      out.push({ path: appendKey(path, k), field: k });
      continue;
    }
    if (v !== null && typeof v === 'object' && !unknownFromShape(v, shape.children.get(childKey(shape.enumerated, k)), appendKey(path, k), out)) return false;
  }
  return true;
}

/**
 * Runs `validate` and finds the fields the schema does not have. The first objects of each kind go through
 * recording proxies (`findUnknownFieldsWithProxies`, slow: every property access is trapped); what a run without
 * errors shows the validator reading is learned as a shape, and later valid objects are checked against it with a
 * plain walk. Anything new (a position never seen, a validation error) takes the proxy run again, so the result is
 * the proxy run's.
 */
export function findUnknownFields(obj: unknown, validate: SchemaValidator): UnknownFieldsResult {
  const learned = shapes.get(validate);
  if (learned !== undefined && learned !== null && obj !== null && typeof obj === 'object') {
    // The compiled validators only read their input (no defaults, no coercion), so the object itself is validated.
    if (validate(obj)) {
      const unknown: UnknownField[] = [];
      if (unknownFromShape(obj, learned, '', unknown)) return { errors: [], unknown, toPath: (pointer) => pointerToPath(pointer, obj) };
    }
  }
  const result = findUnknownFieldsWithProxies(obj, validate);
  if (result.shape !== undefined && learned !== null) {
    const merged = learned === undefined ? result.shape : merge(learned, result.shape);
    shapes.set(validate, merged ?? null);
  } else if (result.errors.length === 0 && obj !== null && typeof obj === 'object' && learned !== null) {
    shapes.set(validate, null);
  }
  const { shape: _shape, ...rest } = result;
  return rest;
}

/**
 * Runs `validate` once, through recording proxies; returns its errors and the unknown fields, plus (for a run
 * without errors) the access shape it observed, for `findUnknownFields` to learn.
 */
export function findUnknownFieldsWithProxies(obj: unknown, validate: SchemaValidator): UnknownFieldsResult & { shape?: Shape } {
  const data = clone(obj);
  const records = new WeakMap<object, Access>();
  const proxies = new WeakMap<object, object>();

  const wrap = (target: object): object => {
    const existing = proxies.get(target);
    if (existing !== undefined) return existing;
    let access = records.get(target);
    if (access === undefined) {
      access = { read: new Set(), enumerated: false };
      records.set(target, access);
    }
    const rec = access;
    const proxy = new Proxy(target, {
      get(t, k, receiver) {
        if (typeof k === 'string') rec.read.add(k);
        const v: unknown = Reflect.get(t, k, receiver);
        return v !== null && typeof v === 'object' ? wrap(v) : v;
      },
      has(t, k) {
        if (typeof k === 'string') rec.read.add(k);
        return Reflect.has(t, k);
      },
      getOwnPropertyDescriptor(t, k) {
        if (typeof k === 'string') rec.read.add(k);
        return Reflect.getOwnPropertyDescriptor(t, k);
      },
      ownKeys(t) {
        rec.enumerated = true;
        return Reflect.ownKeys(t);
      },
    });
    proxies.set(target, proxy);
    return proxy;
  };

  const root = data !== null && typeof data === 'object' ? wrap(data) : data;
  const ok = validate(root);
  const errors = ok ? [] : [...(validate.errors ?? [])];

  const unknown: UnknownField[] = [];
  const walk = (node: unknown, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`));
      return;
    }
    const access = records.get(node);
    // Not reached by the validator (e.g. under a wrong type), or free-form (`type: object` with no properties).
    if (access === undefined || (access.read.size === 0 && !access.enumerated)) return;
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (!access.enumerated && !access.read.has(k)) {
        unknown.push({ path: appendKey(path, k), field: k });
        continue;
      }
      walk(v, appendKey(path, k));
    }
  };
  walk(data, '');
  /** Map entries (objects the validator enumerated) print as `[key]`, struct fields as `.name`. */
  const isMap = (node: object): boolean => records.get(node)?.enumerated === true;
  const result = { errors, unknown, toPath: (pointer: string) => pointerToPath(pointer, data, isMap) };
  return ok ? { ...result, shape: shapeOf(data, records) } : result;
}

/** A deep copy of plain YAML/JSON data (so frozen inputs and shared YAML aliases do not get in the way). */
function clone(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clone);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = clone(v);
    return out;
  }
  return value;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function appendKey(path: string, k: string): string {
  if (!IDENTIFIER.test(k)) return `${path}[${k}]`;
  return path === '' ? k : `${path}.${k}`;
}

/**
 * JSON pointer (`/spec/jobTemplate/spec/template/spec/containers/0/image`) → field path
 * (`spec.jobTemplate.spec.template.spec.containers[0].image`); list indexes are told from map keys by the data.
 */
export function pointerToPath(pointer: string, root: unknown, isMap: (node: object) => boolean = () => false): string {
  let path = '';
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path = `${path}[${seg}]`;
      node = node[Number(seg)];
    } else {
      path = node !== null && typeof node === 'object' && isMap(node) ? `${path}[${seg}]` : appendKey(path, seg);
      node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined;
    }
  }
  return path;
}

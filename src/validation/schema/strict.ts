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

/** Runs `validate` once, through recording proxies; returns its errors and the unknown fields. */
export function findUnknownFields(
  obj: unknown,
  validate: SchemaValidator,
): { errors: AjvError[]; unknown: UnknownField[]; toPath: (pointer: string) => string } {
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
  return { errors, unknown, toPath: (pointer) => pointerToPath(pointer, data, isMap) };
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

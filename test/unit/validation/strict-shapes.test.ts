/**
 * The learned-shape cache of `findUnknownFields`, driven by small hand-written validators that read their input the
 * way the compiled ajv code does (every declared property, `for (k in map)` for maps, nothing inside free-form
 * objects). Two things are observable and asserted: the answer is always the proxy run's, and whether the cache was
 * used (the cached path validates the caller's object itself; the proxy run validates a proxied copy).
 */
import { describe, expect, it } from 'vitest';
import { findUnknownFields, findUnknownFieldsWithProxies, type AjvError, type SchemaValidator } from '../../../src/validation/schema/strict.js';

type Rec = Record<string, unknown>;
type Recording = SchemaValidator & { seen: unknown[] };
const isObj = (x: unknown): x is Rec => typeof x === 'object' && x !== null && !Array.isArray(x);

/** `{ name?: string, spec?: { size?: number, labels?: map of string | { value }, items?: [{ id, meta?: { x } }], free?: object } }`. */
function specValidator(): Recording {
  const v = ((data: unknown): boolean => {
    v.seen.push(data);
    const errors: AjvError[] = [];
    const fail = (instancePath: string, type: string): void => void errors.push({ instancePath, schemaPath: '#/type', keyword: 'type', params: { type } });
    if (!isObj(data)) fail('', 'object');
    else {
      if (data.name !== undefined && typeof data.name !== 'string') fail('/name', 'string');
      const spec = data.spec;
      if (spec !== undefined) {
        if (!isObj(spec)) fail('/spec', 'object');
        else {
          if (spec.size !== undefined && typeof spec.size !== 'number') fail('/spec/size', 'number');
          const labels = spec.labels;
          if (isObj(labels)) {
            for (const k in labels) {
              const entry = labels[k];
              if (isObj(entry)) void entry.value;
              else if (typeof entry !== 'string') fail(`/spec/labels/${k}`, 'string');
            }
          }
          const items = spec.items;
          if (Array.isArray(items)) {
            items.forEach((item: unknown, i) => {
              if (!isObj(item)) return fail(`/spec/items/${i}`, 'object');
              void item.id;
              const meta = item.meta;
              if (isObj(meta)) void meta.x;
            });
          }
          void spec.free;
        }
      }
    }
    v.errors = errors.length > 0 ? errors : null;
    return errors.length === 0;
  }) as Recording;
  v.seen = [];
  return v;
}

const unknownPaths = (obj: unknown, v: SchemaValidator) => findUnknownFields(obj, v).unknown.map((u) => u.path);
/** The proxy run's answer, from a validator that has learned nothing. */
const oracle = (obj: unknown) => {
  const { errors, unknown } = findUnknownFieldsWithProxies(obj, specValidator());
  return { errors, unknown };
};
const answer = (obj: unknown, v: SchemaValidator) => {
  const { errors, unknown } = findUnknownFields(obj, v);
  return { errors, unknown };
};
const usedCache = (v: Recording, obj: unknown) => v.seen.at(-1) === obj;

const FIRST = { name: 'a', spec: { size: 1, labels: { a: 'x', b: { value: 1 } }, items: [{ id: 1, meta: { x: 1 } }], free: { anything: { deep: 1 } } } };

describe('findUnknownFields: learned shapes', () => {
  it('the first object takes the proxy run; later valid objects are walked against the learned shape', () => {
    const v = specValidator();
    expect(answer(FIRST, v)).toEqual({ errors: [], unknown: [] });
    expect(usedCache(v, FIRST)).toBe(false);

    const second = { name: 'b', bogus: 1, spec: { size: 2, labels: { c: { value: 2, extra: 3 }, 'd-e': 'y' }, items: [{ id: 2, meta: { x: 2, y: 3 } }, { id: 3, more: 1 }], free: { other: [1, { z: 1 }] }, 'odd-key': 1 } };
    const got = answer(second, v);
    expect(usedCache(v, second)).toBe(true);
    expect(got).toEqual(oracle(second));
    expect(got.unknown).toEqual([
      { path: 'bogus', field: 'bogus' },
      { path: 'spec.labels.c.extra', field: 'extra' },
      { path: 'spec.items[0].meta.y', field: 'y' },
      { path: 'spec.items[1].more', field: 'more' },
      { path: 'spec[odd-key]', field: 'odd-key' },
    ]);
    expect(findUnknownFields(second, v).toPath('/spec/items/1/meta')).toBe('spec.items[1].meta');
  });

  it('an object reaching a position the shape has not seen takes the proxy run, which then teaches it', () => {
    const v = specValidator();
    answer({ spec: { items: [] } }, v);
    const withItem = { spec: { items: [{ id: 1, meta: { x: 1, q: 1 } }] } };
    expect(answer(withItem, v)).toEqual(oracle(withItem));
    expect(usedCache(v, withItem)).toBe(false);
    const again = { spec: { items: [{ id: 2, meta: { q: 2 } }, { id: 3 }] } };
    expect(unknownPaths(again, v)).toEqual(['spec.items[0].meta.q']);
    expect(usedCache(v, again)).toBe(true);

    const withFree = { spec: { free: { a: 1 } } };
    expect(answer(withFree, v)).toEqual({ errors: [], unknown: [] });
    expect(usedCache(v, withFree)).toBe(false);
    const freeAgain = { spec: { free: { b: { c: 1 } }, items: [] } };
    expect(answer(freeAgain, v)).toEqual({ errors: [], unknown: [] });
    expect(usedCache(v, freeAgain)).toBe(true);

    const mapOfObjects = { spec: { labels: { k: { value: 1, nope: 2 } } } };
    expect(unknownPaths(mapOfObjects, v)).toEqual(['spec.labels.k.nope']);
    expect(usedCache(v, mapOfObjects)).toBe(false);
    const otherKey = { spec: { labels: { other: { value: 1, nope: 2 }, s: 'x' } } };
    expect(unknownPaths(otherKey, v)).toEqual(['spec.labels.other.nope']);
    expect(usedCache(v, otherKey)).toBe(true);
  });

  it('a list where a mapping was learned (or the reverse) takes the proxy run', () => {
    const v = specValidator();
    answer(FIRST, v);
    const listAsFree = { spec: { free: [{ a: 1 }] } };
    expect(answer(listAsFree, v)).toEqual(oracle(listAsFree));
    expect(usedCache(v, listAsFree)).toBe(false);
  });

  it('an invalid object takes the proxy run (errors and unknown fields), and the cache stays on', () => {
    const v = specValidator();
    answer(FIRST, v);
    const bad = { spec: { size: 'big', oops: 1 } };
    const got = findUnknownFields(bad, v);
    expect(usedCache(v, bad)).toBe(false);
    expect(got.errors).toEqual([{ instancePath: '/spec/size', schemaPath: '#/type', keyword: 'type', params: { type: 'number' } }]);
    expect(got.unknown).toEqual([{ path: 'spec.oops', field: 'oops' }]);
    expect(got.toPath('/spec/size')).toBe('spec.size');
    const good = { name: 'c' };
    expect(answer(good, v)).toEqual({ errors: [], unknown: [] });
    expect(usedCache(v, good)).toBe(true);
  });

  it('an invalid first object teaches nothing, and does not switch the cache off', () => {
    const v = specValidator();
    answer({ spec: 3 }, v);
    const first = { spec: { size: 1 } };
    answer(first, v);
    expect(usedCache(v, first)).toBe(false);
    const second = { spec: { size: 2, x: 1 } };
    expect(unknownPaths(second, v)).toEqual(['spec.x']);
    expect(usedCache(v, second)).toBe(true);
  });

  it('values that are not objects go to the validator as they are', () => {
    const v = specValidator();
    answer(FIRST, v);
    for (const value of [null, 'text', 3, ['a']]) {
      const got = findUnknownFields(value, v);
      expect(got.errors.map((e) => e.instancePath)).toEqual(['']);
      expect(got.unknown).toEqual([]);
    }
    expect(answer({ name: 'x' }, v)).toEqual({ errors: [], unknown: [] });
    expect(usedCache(v, v.seen.at(-1))).toBe(true);
  });

  it('two runs that read different fields at one position switch the cache off for that validator', () => {
    const seen: unknown[] = [];
    // Reads `z` only when `x` is a mapping: the schema is not position-determined.
    const v = ((data: Rec) => {
      seen.push(data);
      void data.kind;
      const x = data.x;
      if (isObj(x)) {
        void x.p;
        void data.z;
      }
      return true;
    }) as unknown as SchemaValidator;
    findUnknownFields({ kind: 'a' }, v);
    const cached = { kind: 'b' };
    findUnknownFields(cached, v);
    expect(seen.at(-1)).toBe(cached);
    const withX = { kind: 'a', x: { p: 1 }, z: 1 };
    expect(findUnknownFields(withX, v).unknown).toEqual([]);
    const later = { kind: 'c' };
    expect(findUnknownFields(later, v).unknown).toEqual([]);
    expect(seen.at(-1)).not.toBe(later);
  });

  it('a list whose items disagree within one valid run switches the cache off', () => {
    const seen: unknown[] = [];
    const v = ((data: unknown) => {
      seen.push(data);
      if (Array.isArray(data)) data.forEach((item: Rec, i) => void (i === 0 ? item.a : item.b));
      return true;
    }) as unknown as SchemaValidator;
    expect(findUnknownFields([{ a: 1 }, { b: 1 }], v).unknown).toEqual([]);
    const one = [{ a: 1 }];
    findUnknownFields(one, v);
    const two = [{ a: 2, c: 1 }];
    expect(findUnknownFields(two, v).unknown).toEqual([{ path: '[0].c', field: 'c' }]);
    expect(seen.at(-1)).not.toBe(two);
  });

  it('list items: an item learned once applies to every later item', () => {
    const seen: unknown[] = [];
    const v = ((data: unknown) => {
      seen.push(data);
      if (isObj(data) && Array.isArray(data.list)) for (const item of data.list as Rec[]) if (isObj(item)) void item.a;
      return true;
    }) as unknown as SchemaValidator;
    findUnknownFields({ list: [{ a: 1 }, 'skip', { a: 2 }] }, v);
    const next = { list: [{ a: 1 }, { a: 2, b: 3 }, 4] };
    expect(findUnknownFields(next, v).unknown).toEqual([{ path: 'list[1].b', field: 'b' }]);
    expect(seen.at(-1)).toBe(next);
  });

  it('a nested position read as free-form in one run and as a struct in another switches the cache off', () => {
    const seen: unknown[] = [];
    // Looks into `x` only when `flag` is set; reads `z` (absent at first) so that a later `z` is a new position.
    const v = ((data: Rec) => {
      seen.push(data);
      const x = data.x as Rec | undefined;
      if (data.flag === true && isObj(x)) void x.p;
      const z = data.z;
      if (isObj(z)) void z.q;
      return true;
    }) as unknown as SchemaValidator;
    findUnknownFields({ flag: false, x: { a: 1 } }, v);
    const cached = { flag: false, x: { b: 2 } };
    expect(findUnknownFields(cached, v).unknown).toEqual([]);
    expect(seen.at(-1)).toBe(cached);
    // A new position (`z`) takes the proxy run, which now sees `x` read as a struct: the runs disagree.
    expect(findUnknownFields({ flag: true, x: { p: 1 }, z: { q: 1 } }, v).unknown).toEqual([]);
    const later = { flag: false, x: { c: 3 } };
    expect(findUnknownFields(later, v).unknown).toEqual([]);
    expect(seen.at(-1)).not.toBe(later);
  });

  it('a position that is a list in one run and a mapping in another switches the cache off', () => {
    const seen: unknown[] = [];
    const v = ((data: Rec) => {
      seen.push(data);
      const x = data.x;
      if (Array.isArray(x)) x.forEach((item: Rec) => void item.a);
      else if (isObj(x)) void x.a;
      const z = data.z;
      if (isObj(z)) void z.q;
      return true;
    }) as unknown as SchemaValidator;
    findUnknownFields({ x: [{ a: 1 }] }, v);
    const cached = { x: [{ a: 2 }, { a: 3, b: 4 }] };
    expect(findUnknownFields(cached, v).unknown).toEqual([{ path: 'x[1].b', field: 'b' }]);
    expect(seen.at(-1)).toBe(cached);
    expect(findUnknownFields({ x: { a: 1, b: 2 }, z: { q: 1 } }, v).unknown).toEqual([{ path: 'x.b', field: 'b' }]);
    const later = { x: [{ a: 1 }] };
    findUnknownFields(later, v);
    expect(seen.at(-1)).not.toBe(later);
  });

  it('nested children learned in separate runs are merged', () => {
    const v = specValidator();
    answer({ spec: { items: [{ id: 1 }] } }, v);
    answer({ spec: { items: [{ id: 1, meta: { x: 1 } }] } }, v);
    answer({ spec: { labels: { a: { value: 1 } } } }, v);
    const all = { spec: { items: [{ id: 2, meta: { x: 2, w: 1 } }], labels: { b: { value: 2, w: 2 } } } };
    expect(unknownPaths(all, v)).toEqual(['spec.items[0].meta.w', 'spec.labels.b.w']);
    expect(usedCache(v, all)).toBe(true);
  });

  it('two proxy runs that both saw a free-form object agree', () => {
    const v = specValidator();
    answer({ spec: { free: { a: 1 } } }, v);
    const second = { spec: { free: { b: 1 }, items: [{ id: 1 }] } };
    expect(answer(second, v)).toEqual({ errors: [], unknown: [] });
    expect(usedCache(v, second)).toBe(false);
    const third = { spec: { free: { c: [1] }, items: [{ id: 2, nope: 1 }] } };
    expect(unknownPaths(third, v)).toEqual(['spec.items[0].nope']);
    expect(usedCache(v, third)).toBe(true);
  });

  it('two runs that read as many fields but different ones switch the cache off', () => {
    const seen: unknown[] = [];
    // Reads `a` or `b` depending on `mode`, and always `z` (absent at first, so a later `z` is a new position).
    const v = ((data: Rec) => {
      seen.push(data);
      void (data.mode === '1' ? data.a : data.b);
      const z = data.z;
      if (isObj(z)) void z.q;
      return true;
    }) as unknown as SchemaValidator;
    findUnknownFields({ mode: '1', a: 1 }, v);
    expect(findUnknownFields({ mode: '2', b: 1, z: { q: 1 } }, v).unknown).toEqual([]);
    const later = { mode: '1', a: 2 };
    expect(findUnknownFields(later, v).unknown).toEqual([]);
    expect(seen.at(-1)).not.toBe(later);
  });
});

/**
 * The exact texts and paths of schema findings (English and Spanish), and how each ajv keyword is worded. The
 * ajv errors for keywords the Kubernetes schemas rarely produce (pattern, bounds, lengths) are written here in the
 * shape ajv reports them (`instancePath`, `keyword`, `params`).
 */
import { describe, expect, it } from 'vitest';
import { convertErrors, validateSchema } from '../../../src/validation/schema/index.js';
import type { AjvError } from '../../../src/validation/schema/strict.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { goodCronJob, goodOthers, mutate } from './fixtures.js';

const err = (keyword: string, instancePath: string, params: Record<string, unknown> = {}, message?: string): AjvError => ({
  keyword,
  instancePath,
  schemaPath: `#/${keyword}`,
  params,
  ...(message !== undefined ? { message } : {}),
});

describe('validateSchema: whole findings', () => {
  // null and undefined crashed in objectRef before the check was reached (a YAML document that is just `null`).
  it.each([null, undefined, 'CronJob', ['a'], 7])('%j is not an object', (obj) => {
    expect(validateSchema(obj as unknown as KubeObject)).toStrictEqual([
      { source: 'schema', rule: 'schema-type', severity: 'error', path: '', message: 'a Kubernetes object must be a mapping', object: '?/?' },
    ]);
  });

  it('empty or non-string apiVersion and kind are missing', () => {
    const base = { source: 'schema', rule: 'schema-required', severity: 'error', object: '?/x' };
    expect(validateSchema({ apiVersion: '', kind: 3 as unknown as string, metadata: { name: 'x' } })).toStrictEqual([
      { ...base, object: '3/x', path: 'apiVersion', message: 'apiVersion is required' },
      { ...base, object: '3/x', path: 'kind', message: 'kind is required' },
    ]);
    expect(validateSchema({ apiVersion: 'v1', kind: '', metadata: { name: 'x' } })).toStrictEqual([
      { ...base, object: '/x', path: 'kind', message: 'kind is required' },
    ]);
    expect(validateSchema({ apiVersion: 1 as unknown as string, kind: 'Pod' })).toStrictEqual([
      { ...base, object: 'Pod/?', path: 'apiVersion', message: 'apiVersion is required' },
    ]);
  });

  it('an unknown kind names the apiVersion the kind has, in both languages', () => {
    expect(validateSchema({ ...goodCronJob(), apiVersion: 'batch/v1beta1' })).toStrictEqual([
      {
        source: 'schema',
        rule: 'schema-unknown-kind',
        severity: 'error',
        path: 'kind',
        message: 'no schema for apiVersion batch/v1beta1 kind CronJob; CronJob is known as apiVersion batch/v1',
        messageEs: 'no hay esquema para apiVersion batch/v1beta1 kind CronJob; CronJob existe como apiVersion batch/v1',
        object: 'CronJob/nightly-report',
      },
    ]);
  });

  it('the hint matches the whole kind (Job is not CronJob) and is left out when no apiVersion has it', () => {
    const [job] = validateSchema({ apiVersion: 'batch/v2', kind: 'Job', metadata: { name: 'j' } });
    expect(job!.message).toBe('no schema for apiVersion batch/v2 kind Job; Job is known as apiVersion batch/v1');
    const [widget] = validateSchema({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } });
    expect(widget!.message).toBe('no schema for apiVersion example.com/v1 kind Widget');
    expect(widget!.messageEs).toBe('no hay esquema para apiVersion example.com/v1 kind Widget');
    const [route] = validateSchema({ apiVersion: 'v1', kind: 'HTTPRoute', metadata: { name: 'r' } });
    expect(route!.message).toBe('no schema for apiVersion v1 kind HTTPRoute; HTTPRoute is known as apiVersion gateway.networking.k8s.io/v1');
  });

  it('Kustomization needs both its apiVersion and its kind', () => {
    expect(validateSchema({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Component' }).map((f) => f.rule)).toEqual(['schema-unknown-kind']);
    expect(validateSchema({ apiVersion: 'kustomize.config.k8s.io/v1', kind: 'Kustomization' }).map((f) => f.rule)).toEqual(['schema-unknown-kind']);
  });

  it('kustomization findings have no Spanish text', () => {
    const k = goodOthers()[4]!;
    expect(validateSchema(mutate(k, 'resource', ['a.yaml']))).toStrictEqual([
      {
        source: 'schema',
        rule: 'schema-unknown-field',
        severity: 'error',
        path: 'resource',
        message: 'unknown field "resource" (kustomize rejects unknown fields)',
        object: `Kustomization/${k.metadata?.name ?? '?'}`,
      },
    ]);
  });

  it('unknown fields, in both languages', () => {
    expect(validateSchema(mutate(goodCronJob(), 'spec.concurrency', 'Forbid'))).toStrictEqual([
      {
        source: 'schema',
        rule: 'schema-unknown-field',
        severity: 'error',
        path: 'spec.concurrency',
        message: 'unknown field "concurrency"',
        messageEs: 'campo desconocido "concurrency"',
        object: 'CronJob/nightly-report',
      },
    ]);
  });

  it('required, enum and int-or-string type errors of a real schema', () => {
    const c0 = 'spec.jobTemplate.spec.template.spec.containers[0]';
    let obj = mutate(goodCronJob(), `${c0}.name`, undefined);
    obj = mutate(obj, `${c0}.imagePullPolicy`, 'Sometimes');
    obj = mutate(obj, `${c0}.resources.limits.memory`, { value: 1 });
    const got = validateSchema(obj).map(({ rule, path, message, messageEs }) => ({ rule, path, message, messageEs }));
    expect(got).toEqual(
      expect.arrayContaining([
        { rule: 'schema-required', path: `${c0}.name`, message: 'required field "name" is missing', messageEs: 'falta el campo obligatorio "name"' },
        {
          rule: 'schema-enum',
          path: `${c0}.imagePullPolicy`,
          message: 'must be one of "Always", "IfNotPresent", "Never", got string "Sometimes"',
          messageEs: 'debe ser uno de "Always", "IfNotPresent", "Never", es la cadena "Sometimes"',
        },
        { rule: 'schema-type', path: `${c0}.resources.limits[memory]`, message: 'must be number or string, got a mapping', messageEs: undefined },
      ]),
    );
    expect(got).toHaveLength(3);
  });
});

describe('convertErrors: one message per ajv keyword', () => {
  const root = {
    n: null,
    list: [1, 2],
    map: { a: 1 },
    s: 'text',
    long: 'x'.repeat(61),
    sixty: 'y'.repeat(60),
    num: 3,
    flag: true,
    'a/b': { 'c~d': 'deep' },
  };
  const one = (e: AjvError) => convertErrors([e], root);

  it.each([
    ['/n', 'null', 'null'],
    ['/list', 'a list', 'una lista'],
    ['/map', 'a mapping', 'un mapa'],
    ['/s', 'string "text"', 'la cadena "text"'],
    ['/long', `string "${'x'.repeat(57)}..."`, `la cadena "${'x'.repeat(57)}..."`],
    ['/sixty', `string "${'y'.repeat(60)}"`, `la cadena "${'y'.repeat(60)}"`],
    ['/num', 'number 3', 'el número 3'],
    ['/flag', 'boolean true', 'el booleano true'],
    ['/missing', 'undefined undefined', 'undefined undefined'],
    ['/n/x', 'undefined undefined', 'undefined undefined'],
    ['/s/length', 'undefined undefined', 'undefined undefined'],
    ['/a~1b/c~0d', 'string "deep"', 'la cadena "deep"'],
  ])('type error at %s describes the value as %s', (pointer, en, es) => {
    expect(one(err('type', pointer, { type: 'integer' }))).toStrictEqual([
      { rule: 'schema-type', path: expect.any(String) as string, message: `must be integer, got ${en}`, messageEs: `debe ser integer, es ${es}` },
    ]);
  });

  it('paths: JSON pointer unescaped, list indexes in brackets, odd keys in brackets', () => {
    expect(one(err('type', '/list/1', { type: 'string' }))[0]!.path).toBe('list[1]');
    expect(one(err('type', '/a~1b/c~0d', { type: 'integer' }))[0]!.path).toBe('[a/b][c~d]');
    expect(convertErrors([err('type', '/x', { type: 'string' })], {}, (p) => `at${p}`)[0]!.path).toBe('at/x');
  });

  it('int-or-string: the type errors under a oneOf/anyOf become one schema-type listing each type once', () => {
    const errors = [
      err('type', '/map', { type: 'integer' }),
      err('type', '/map', { type: 'string' }),
      err('type', '/map', { type: 'integer' }),
      err('oneOf', '/map', { passingSchemas: null }),
    ];
    expect(convertErrors(errors, root)).toStrictEqual([{ rule: 'schema-type', path: 'map', message: 'must be integer or string, got a mapping' }]);
  });

  it('anyOf folds its type errors the same way', () => {
    const errors = [err('type', '/map', { type: 'integer' }), err('type', '/map', { type: 'string' }), err('anyOf', '/map', {})];
    expect(convertErrors(errors, root)).toStrictEqual([{ rule: 'schema-type', path: 'map', message: 'must be integer or string, got a mapping' }]);
  });

  it('a type error elsewhere is not folded into an alternative', () => {
    const errors = [err('type', '/num', { type: 'string' }), err('anyOf', '/map', {})];
    expect(convertErrors(errors, root)).toStrictEqual([
      { rule: 'schema-type', path: 'num', message: 'must be string, got number 3', messageEs: 'debe ser string, es el número 3' },
      { rule: 'schema-anyOf', path: 'map', message: 'must match at least one of the allowed shapes' },
    ]);
  });

  it('oneOf and anyOf without type errors', () => {
    expect(one(err('oneOf', '/map', {}))).toStrictEqual([{ rule: 'schema-oneOf', path: 'map', message: 'must match exactly one of the allowed shapes' }]);
    expect(one(err('anyOf', '/map', {}))).toStrictEqual([{ rule: 'schema-anyOf', path: 'map', message: 'must match at least one of the allowed shapes' }]);
  });

  it('required escapes the missing property into the pointer', () => {
    expect(one(err('required', '', { missingProperty: 'a/b' }))).toStrictEqual([
      { rule: 'schema-required', path: '[a/b]', message: 'required field "a/b" is missing', messageEs: 'falta el campo obligatorio "a/b"' },
    ]);
    expect(one(err('required', '/map', { missingProperty: 'b~c' }))[0]!.path).toBe('map[b~c]');
    expect(one(err('required', '/map', { missingProperty: 'name' }))[0]!.path).toBe('map.name');
  });

  it('enum lists the allowed values as JSON', () => {
    expect(one(err('enum', '/num', { allowedValues: ['A', 1, null] }))).toStrictEqual([
      { rule: 'schema-enum', path: 'num', message: 'must be one of "A", 1, null, got number 3', messageEs: 'debe ser uno de "A", 1, null, es el número 3' },
    ]);
  });

  it('format and pattern', () => {
    expect(one(err('format', '/num', { format: 'int32' }))).toStrictEqual([{ rule: 'schema-format', path: 'num', message: 'must be a valid int32, got number 3' }]);
    expect(one(err('pattern', '/s', { pattern: '^[a-z]+$' }))).toStrictEqual([{ rule: 'schema-pattern', path: 's', message: 'must match ^[a-z]+$, got string "text"' }]);
  });

  it.each(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'])('%s', (keyword) => {
    expect(one(err(keyword, '/num', { comparison: '>=', limit: 5 }))).toStrictEqual([{ rule: `schema-${keyword}`, path: 'num', message: 'must be >= 5, got number 3' }]);
  });

  it.each([
    ['minLength', 'must have at least 2 characters'],
    ['maxLength', 'must have at most 2 characters'],
    ['minItems', 'must have at least 2 items'],
    ['maxItems', 'must have at most 2 items'],
    ['minProperties', 'must have at least 2 entries'],
    ['maxProperties', 'must have at most 2 entries'],
  ])('%s', (keyword, message) => {
    expect(one(err(keyword, '/s', { limit: 2 }))).toStrictEqual([{ rule: `schema-${keyword}`, path: 's', message }]);
  });

  it('other keywords keep ajv’s message, or name the keyword and its params', () => {
    expect(one(err('uniqueItems', '/list', { i: 1, j: 0 }, 'must NOT have duplicate items'))).toStrictEqual([
      { rule: 'schema-uniqueItems', path: 'list', message: 'must NOT have duplicate items' },
    ]);
    expect(one(err('const', '/num', { allowedValue: 4 }))).toStrictEqual([{ rule: 'schema-const', path: 'num', message: 'fails schema keyword const {"allowedValue":4}' }]);
  });

  it('the same problem reported twice is one message; different paths are not merged', () => {
    const e = err('format', '/num', { format: 'int64' });
    expect(convertErrors([e, e, err('format', '/s', { format: 'int64' })], root).map((c) => c.path)).toEqual(['num', 's']);
  });
});

import { describe, expect, it } from 'vitest';
import { SCHEMA_KINDS, schemaValidator, validateSchema } from '../../../src/validation/schema/index.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { C0, POD, goodCronJob, goodHeadersConfigMap, goodHttpRoute, goodIngress, goodJob, goodOthers, mutate } from './fixtures.js';

const pairs = (obj: KubeObject) => validateSchema(obj).map((f) => [f.rule, f.path]);

describe('validateSchema', () => {
  it.each([goodCronJob(), goodJob(), goodIngress(), goodHttpRoute(), goodHeadersConfigMap(), ...goodOthers()].map((o) => [`${o.kind}`, o] as const))(
    'a good %s has no findings',
    (_kind, obj) => {
      expect(validateSchema(obj)).toEqual([]);
    },
  );

  it('findings carry source, severity and object', () => {
    const [f] = validateSchema(mutate(goodCronJob(), 'spec.jobTemplate.spec.backoffLimit', '3'));
    expect(f).toEqual({
      source: 'schema',
      rule: 'schema-type',
      severity: 'error',
      path: 'spec.jobTemplate.spec.backoffLimit',
      message: 'must be integer, got string "3"',
      messageEs: 'debe ser integer, es la cadena "3"',
      object: 'CronJob/nightly-report',
    });
  });

  const cases: [string, string, unknown, string, string][] = [
    ['wrong type: backoffLimit "3"', 'spec.jobTemplate.spec.backoffLimit', '3', 'schema-type', 'spec.jobTemplate.spec.backoffLimit'],
    ['wrong type: schedule number', 'spec.schedule', 5, 'schema-type', 'spec.schedule'],
    ['wrong type: image number', `${C0}.image`, 42, 'schema-type', `${C0}.image`],
    ['wrong type: args not a list', `${C0}.args`, 'nightly-report', 'schema-type', `${C0}.args`],
    ['wrong type: suspend "yes"', 'spec.suspend', 'yes', 'schema-type', 'spec.suspend'],
    ['wrong type: label value number', 'metadata.labels[app.kubernetes.io/name]', 3, 'schema-type', 'metadata.labels[app.kubernetes.io/name]'],
    ['int-or-string/quantity as a mapping', `${C0}.resources.limits.memory`, { value: 1 }, 'schema-type', `${C0}.resources.limits[memory]`],
    ['format int32 overflow', 'spec.jobTemplate.spec.backoffLimit', 2 ** 40, 'schema-format', 'spec.jobTemplate.spec.backoffLimit'],
    ['missing required: containers', `${POD}.containers`, undefined, 'schema-required', `${POD}.containers`],
    ['missing required: container name', `${C0}.name`, undefined, 'schema-required', `${C0}.name`],
    ['missing required: jobTemplate', 'spec.jobTemplate', undefined, 'schema-required', 'spec.jobTemplate'],
    ['missing required: schedule', 'spec.schedule', undefined, 'schema-required', 'spec.schedule'],
    ['missing required: env name', `${C0}.env[0].name`, undefined, 'schema-required', `${C0}.env[0].name`],
    ['enum: imagePullPolicy', `${C0}.imagePullPolicy`, 'Sometimes', 'schema-enum', `${C0}.imagePullPolicy`],
    ['enum: podFailurePolicy action', 'spec.jobTemplate.spec.podFailurePolicy.rules[0].action', 'Stop', 'schema-enum', 'spec.jobTemplate.spec.podFailurePolicy.rules[0].action'],
    ['unknown field in spec', 'spec.concurrency', 'Forbid', 'schema-unknown-field', 'spec.concurrency'],
    ['misspelled securityContext field', `${C0}.securityContext.runAsNonRot`, true, 'schema-unknown-field', `${C0}.securityContext.runAsNonRot`],
    ['misspelled pod field', `${POD}.restartPolicyy`, 'Never', 'schema-unknown-field', `${POD}.restartPolicyy`],
    ['unknown metadata field', 'metadata.label', { a: 'b' }, 'schema-unknown-field', 'metadata.label'],
    ['unknown top-level field', 'status2', {}, 'schema-unknown-field', 'status2'],
    ['misspelled resources key', `${C0}.resources.limit`, { cpu: '1' }, 'schema-unknown-field', `${C0}.resources.limit`],
    ['unknown volume field', `${POD}.volumes[0].emptydir`, {}, 'schema-unknown-field', `${POD}.volumes[0].emptydir`],
  ];

  it.each(cases)('%s', (_name, path, value, rule, expectedPath) => {
    expect(pairs(mutate(goodCronJob(), path, value))).toEqual([[rule, expectedPath]]);
  });

  it('map keys (labels, annotations, ConfigMap data, resource names) are never unknown fields', () => {
    let obj = mutate(goodCronJob(), 'metadata.annotations', { 'example.com/anything': 'x', plain: 'y' });
    obj = mutate(obj, `${C0}.resources.limits[nvidia.com/gpu]`, '1');
    expect(validateSchema(obj)).toEqual([]);
    expect(validateSchema(mutate(goodHeadersConfigMap(), 'data[Any-Header-Name]', 'v'))).toEqual([]);
  });

  it('every known kind loads its validator on first use (a wrong module name would only show here)', () => {
    const kinds = SCHEMA_KINDS.filter((k) => !k.endsWith(' Kustomization'));
    expect(kinds.length).toBeGreaterThan(20);
    for (const k of kinds) {
      expect(typeof schemaValidator(k), k).toBe('function');
      const [apiVersion, kind] = k.split(' ');
      // The validator is the kind's own: it accepts its apiVersion/kind and rejects another kind's.
      expect(schemaValidator(k)!({ apiVersion, kind, metadata: { name: 'x' } }) || schemaValidator(k)!.errors?.every((e) => e.keyword === 'required'), k).toBe(true);
      expect(schemaValidator(k)!({ apiVersion, kind: 'NotThisKind', metadata: { name: 'x' } }), k).toBe(false);
    }
    expect(schemaValidator('example.com/v1 Widget')).toBeUndefined();
  });

  it('unknown kind is a finding, not a crash', () => {
    expect(pairs({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } })).toEqual([['schema-unknown-kind', 'kind']]);
    const removed = validateSchema({ ...goodCronJob(), apiVersion: 'batch/v1beta1' });
    expect(removed.map((f) => f.rule)).toEqual(['schema-unknown-kind']);
    expect(removed[0]!.message).toContain('batch/v1');
  });

  it('missing apiVersion and kind', () => {
    expect(pairs({ metadata: { name: 'x' } })).toEqual([
      ['schema-required', 'apiVersion'],
      ['schema-required', 'kind'],
    ]);
  });

  it('reports several problems of one object at once', () => {
    let obj = mutate(goodCronJob(), 'spec.jobTemplate.spec.backoffLimit', '3');
    obj = mutate(obj, `${POD}.containers`, undefined);
    obj = mutate(obj, 'spec.bogus', 1);
    expect(pairs(obj)).toEqual([
      ['schema-type', 'spec.jobTemplate.spec.backoffLimit'],
      ['schema-required', `${POD}.containers`],
      ['schema-unknown-field', 'spec.bogus'],
    ]);
  });

  it('Job, Ingress, HTTPRoute, Role and ServiceAccount schemas', () => {
    expect(pairs(mutate(goodJob(), 'spec.template.spec.containers[0].ports', [{ containerPort: '8080' }]))).toEqual([
      ['schema-type', 'spec.template.spec.containers[0].ports[0].containerPort'],
    ]);
    expect(pairs(mutate(goodIngress(), 'spec.rules[0].http.paths[0].pathType', 'Wildcard'))).toEqual([['schema-enum', 'spec.rules[0].http.paths[0].pathType']]);
    expect(pairs(mutate(goodIngress(), 'spec.rules[0].http.paths[0].backend.service.port.numbr', 8080))).toEqual([
      ['schema-unknown-field', 'spec.rules[0].http.paths[0].backend.service.port.numbr'],
    ]);
    expect(pairs(mutate(goodHttpRoute(), 'spec.rules[0].filters[0].type', 'AddHeaders'))).toEqual([['schema-enum', 'spec.rules[0].filters[0].type']]);
    expect(pairs(mutate(goodHttpRoute(), 'spec.rules[0].filters[0].responseHeaderModifier.put', []))).toEqual([
      ['schema-unknown-field', 'spec.rules[0].filters[0].responseHeaderModifier.put'],
    ]);
    expect(pairs(mutate(goodHttpRoute(), 'spec.parentRefs[0].name', undefined))).toEqual([['schema-required', 'spec.parentRefs[0].name']]);
    const [, role] = goodOthers();
    expect(pairs(mutate(role!, 'rules[0].verbs', 'get'))).toEqual([['schema-type', 'rules[0].verbs']]);
    const [sa] = goodOthers();
    expect(pairs(mutate(sa!, 'automountServiceAccountToken', 'false'))).toEqual([['schema-type', 'automountServiceAccountToken']]);
  });

  it('kustomization: unknown fields and types', () => {
    const k = goodOthers()[4]!;
    expect(pairs(mutate(k, 'resource', ['a.yaml']))).toEqual([['schema-unknown-field', 'resource']]);
    expect(pairs(mutate(k, 'resources', 'a.yaml'))).toEqual([['schema-type', 'resources']]);
    expect(pairs(mutate(k, 'images[0].tag', '1.0'))).toEqual([['schema-unknown-field', 'images[0].tag']]);
  });

  it('does not modify its input, and accepts frozen input', () => {
    const obj = goodCronJob();
    const before = structuredClone(obj);
    validateSchema(mutate(obj, 'spec.x', 1));
    expect(obj).toEqual(before);
    const frozen = deepFreeze(mutate(goodCronJob(), 'spec.x', 1));
    expect(pairs(frozen)).toEqual([['schema-unknown-field', 'spec.x']]);
  });
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

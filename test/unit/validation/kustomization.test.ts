/**
 * `kustomization.yaml` top-level fields as kustomize decodes them (sigs.k8s.io/kustomize/api/types.Kustomization,
 * `DisallowUnknownFields`): each field kind accepted and rejected, with the exact message and path.
 */
import { describe, expect, it } from 'vitest';
import { validateKustomization } from '../../../src/validation/schema/kustomization.js';

const K = { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization' };
const typeProblem = (path: string, message: string) => ({ rule: 'schema-type', path, message });

describe('validateKustomization', () => {
  it('a kustomization using each kind of field', () => {
    expect(
      validateKustomization({
        ...K,
        metadata: { name: 'k' },
        namespace: 'jobs',
        resources: ['cronjob.yaml'],
        commonLabels: { team: 'a' },
        labels: [{ pairs: { a: 'b' } }],
        patchesStrategicMerge: 'anything goes',
        images: [{ name: 'app', newName: 'registry/app', newTag: '1.0', digest: 'sha256:00', tagSuffix: '-x' }],
      }),
    ).toEqual([]);
  });

  it('null values are left alone (kustomize reads them as unset)', () => {
    expect(validateKustomization({ ...K, resources: null, metadata: null, commonLabels: null, images: null })).toEqual([]);
  });

  it('an unknown field', () => {
    expect(validateKustomization({ ...K, resource: ['a.yaml'] })).toEqual([
      { rule: 'schema-unknown-field', path: 'resource', message: 'unknown field "resource" (kustomize rejects unknown fields)' },
    ]);
  });

  it.each([
    ['namePrefix', 3, 'must be string'],
    ['resources', 'a.yaml', 'must be string list'],
    ['resources', ['a.yaml', 3], 'must be string list'],
    ['metadata', 'k', 'must be object'],
    ['metadata', ['k'], 'must be object'],
    ['patches', { path: 'p.yaml' }, 'must be object list'],
    ['patches', [{ path: 'p.yaml' }, 'q.yaml'], 'must be object list'],
    ['patches', [null], 'must be object list'],
    ['patches', [['p.yaml']], 'must be object list'],
    ['commonLabels', { a: 1 }, 'must be map of strings'],
    ['commonLabels', ['a'], 'must be map of strings'],
    ['commonLabels', 'a=b', 'must be map of strings'],
    ['openapi', { path: 'x', version: 2 }, 'must be map of strings'],
  ])('%s: %j', (field, value, message) => {
    expect(validateKustomization({ ...K, [field]: value })).toEqual([typeProblem(field, message)]);
  });

  it.each([
    ['resources', []],
    ['patches', []],
    ['commonLabels', {}],
    ['patchesStrategicMerge', [1, { a: 1 }]],
    ['patchesStrategicMerge', 7],
  ])('%s: %j is fine', (field, value) => {
    expect(validateKustomization({ ...K, [field]: value })).toEqual([]);
  });

  it('images: name is required and non-empty', () => {
    const required = (i: number) => ({ rule: 'schema-required', path: `images[${i}].name`, message: 'required field "name" is missing' });
    expect(validateKustomization({ ...K, images: [{ newTag: '1' }, { name: '' }, { name: 'ok' }] })).toEqual([required(0), required(1)]);
    expect(validateKustomization({ ...K, images: [{ name: 5 }] })).toEqual([required(0), { rule: 'schema-type', path: 'images[0].name', message: 'must be string' }]);
  });

  it('images: unknown fields and non-string values', () => {
    expect(validateKustomization({ ...K, images: [{ name: 'app', tag: '1.0', newTag: 1.0 }] })).toEqual([
      { rule: 'schema-unknown-field', path: 'images[0].tag', message: 'unknown field "tag"' },
      { rule: 'schema-type', path: 'images[0].newTag', message: 'must be string' },
    ]);
  });

  it('images that are not mappings only fail the list type', () => {
    expect(validateKustomization({ ...K, images: ['app:1.0'] })).toEqual([typeProblem('images', 'must be object list')]);
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate as vCronJob } from 'kubernetes-models/_schemas/IoK8sApiBatchV1CronJob';
import { validate as vIngress } from 'kubernetes-models/_schemas/IoK8sApiNetworkingV1Ingress';
import { findUnknownFields, findUnknownFieldsWithProxies, type SchemaValidator } from '../../../src/validation/schema/strict.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { C0, POD, goodCronJob, goodIngress, mutate } from './fixtures.js';

// `findUnknownFields` learns, per validator, what the proxy run sees the validator read, and checks later valid
// objects with a plain walk. Its answer must always be the proxy run's: these tests compare the two on objects the
// cache has and has not seen.

const proxyAnswer = (obj: unknown, v: SchemaValidator) => {
  const { errors, unknown } = findUnknownFieldsWithProxies(obj, v);
  return { errors, unknown };
};
const cachedAnswer = (obj: unknown, v: SchemaValidator) => {
  const { errors, unknown } = findUnknownFields(obj, v);
  return { errors, unknown };
};
const cronJob = vCronJob as unknown as SchemaValidator;

describe('findUnknownFields (learned shapes)', () => {
  it('after learning from good objects, still reports unknown fields at known and new positions, exactly as the proxy run', () => {
    // Warm up: the good object teaches the shape.
    expect(cachedAnswer(goodCronJob(), cronJob).unknown).toEqual([]);
    const variants: [string, unknown][] = [
      ['spec.concurrency', 'Forbid'],
      [`${C0}.securityContext.runAsNonRot`, true],
      [`${POD}.restartPolicyy`, 'Never'],
      ['metadata.label', { a: 'b' }],
      // A second container and a volume: positions the warm-up object did not have.
      [`${POD}.containers[1]`, { name: 'side', image: 'x:1', imagePullPolicyy: 'Always' }],
      [`${POD}.volumes[0]`, { name: 'v', emptyDir: { medium: 'Memory', sizeLimitt: '1Gi' } }],
      [`${POD}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0]`, { key: 'k', operator: 'In', values: ['a'], extra: 1 }],
      // Map entries are never unknown; a mapping under a string map is a type error (proxy path).
      ['metadata.annotations[x/y]', 'z'],
      ['metadata.labels[x]', { nested: true }],
      // Free-form: anything under it is accepted.
      [`${C0}.env[0]`, { name: 'A', value: 'b', valueFrom: { configMapKeyRef: { name: 'c', key: 'k', bogus: 1 } } }],
    ];
    for (const [path, value] of variants) {
      const obj = mutate(goodCronJob(), path, value);
      expect(cachedAnswer(obj, cronJob), path).toEqual(proxyAnswer(obj, cronJob));
    }
    // And the unknown ones really are reported (the comparison above could pass with both sides empty).
    expect(cachedAnswer(mutate(goodCronJob(), `${POD}.containers[1]`, { name: 's', image: 'x:1', imagePullPolicyy: 'Always' }), cronJob).unknown).toEqual([
      { path: `${POD}.containers[1].imagePullPolicyy`, field: 'imagePullPolicyy' },
    ]);
    expect(cachedAnswer(mutate(goodCronJob(), 'spec.concurrency', 'Forbid'), cronJob).unknown).toEqual([{ path: 'spec.concurrency', field: 'concurrency' }]);
  });

  it('matches the proxy run on random extra fields anywhere in an object (property)', () => {
    const base = goodCronJob();
    const positions: string[] = [];
    const collect = (node: unknown, path: string): void => {
      if (node === null || typeof node !== 'object') return;
      positions.push(path);
      if (Array.isArray(node)) node.forEach((v, i) => collect(v, `${path}[${i}]`));
      else for (const [k, v] of Object.entries(node)) collect(v, path === '' ? k : `${path}.${k}`);
    };
    collect(base, '');
    const objects = positions.filter((p) => p !== '' && !p.endsWith(']'));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...objects), fc.stringMatching(/^[a-z][A-Za-z]{0,8}$/), fc.oneof(fc.string(), fc.integer(), fc.constant({ inner: 1 }))), { minLength: 1, maxLength: 3 }),
        (edits) => {
          let obj: KubeObject = goodCronJob();
          for (const [path, key, value] of edits) obj = mutate(obj, `${path}.${key}`, value);
          expect(cachedAnswer(obj, cronJob)).toEqual(proxyAnswer(obj, cronJob));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('an object with a validation error takes the proxy run (errors and map paths as before)', () => {
    const ingress = vIngress as unknown as SchemaValidator;
    cachedAnswer(goodIngress(), ingress);
    const bad = mutate(goodIngress(), 'spec.rules[0].http.paths[0].backend.service.port.number', 'eighty');
    const answer = cachedAnswer(bad, ingress);
    expect(answer).toEqual(proxyAnswer(bad, ingress));
    expect(answer.errors.length).toBeGreaterThan(0);
  });

  it('a validator whose reads differ between positions of one list is not cached', () => {
    // Reads `a` on the first item and `b` on the others: the items disagree, so nothing may be learned.
    const reads: SchemaValidator = (data: unknown) => {
      const items = (data as { items: Record<string, unknown>[] }).items;
      items.forEach((item, i) => void (i === 0 ? item.a : item.b));
      return true;
    };
    const first = { items: [{ a: 1 }, { b: 1 }] };
    expect(cachedAnswer(first, reads)).toEqual(proxyAnswer(first, reads));
    // Had the first run been learned as "items read a", `b` here would be (wrongly) unknown on the first item.
    const second = { items: [{ b: 1 }, { a: 1 }] };
    expect(cachedAnswer(second, reads)).toEqual(proxyAnswer(second, reads));
    expect(cachedAnswer(second, reads).unknown.map((u) => u.path)).toEqual(['items[0].b', 'items[1].a']);
  });

  it('the schemas have one schema per position: only int-or-string and quantity (and CRD schemas) branch', () => {
    // The learned shape is exact only if no object-valued anyOf/oneOf/if/not decides what is read. Guard the
    // installed schema packages, so an upgrade that adds one fails here instead of hiding unknown fields.
    const require = createRequire(import.meta.url);
    const branching: string[] = [];
    for (const pkg of ['kubernetes-models', '@kubernetes-models/apimachinery', '@kubernetes-models/gateway-api']) {
      const dir = join(dirname(require.resolve(`${pkg}/package.json`)), '_schemas');
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
        if (/keyword:"(anyOf|oneOf|if|not|dependencies|discriminator)"/.test(readFileSync(join(dir, file), 'utf8'))) branching.push(file);
      }
    }
    expect(branching.filter((f) => !/IntOrString|Quantity|JSONSchemaProps/.test(f))).toEqual([]);
    expect(branching.length).toBeGreaterThan(0);
  });
});

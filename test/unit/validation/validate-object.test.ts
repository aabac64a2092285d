import { describe, expect, it } from 'vitest';
import { validateObject } from '../../../src/validation/index.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { POD, goodCronJob, mutate } from './fixtures.js';

/** The fixture leaves `onPodConditions[].status` out: the apiserver defaults it (Kubernetes ≥ 1.34, kubernetes#131525). */
const good = (): KubeObject => goodCronJob();

describe('validateObject', () => {
  it('a good CronJob has no findings', () => {
    expect(validateObject(good())).toEqual([]);
  });

  it('runs the four layers in order: schema, apiserver, pod security, practice', () => {
    let obj = mutate(good(), 'spec.bogus', 1);
    obj = mutate(obj, 'spec.concurrencyPolicy', 'Sometimes');
    obj = mutate(obj, `${POD}.hostNetwork`, true);
    obj = mutate(obj, 'spec.startingDeadlineSeconds', undefined);
    expect(validateObject(obj).map((f) => `${f.source} ${f.rule}`)).toEqual([
      'schema schema-enum',
      'schema schema-unknown-field',
      'apiserver cronjob-concurrency-policy',
      'pod-security baseline-host-namespaces',
      'practice cronjob-starting-deadline',
    ]);
  });

  // A YAML document that is only `null`, a string or a list: the later layers read fields of a mapping.
  it.each([null, undefined, 'text', ['a']])('%j gets the one schema finding', (doc) => {
    expect(validateObject(doc as unknown as KubeObject).map((f) => `${f.rule} ${f.message} ${f.object}`)).toEqual(['schema-type a Kubernetes object must be a mapping ?/?']);
  });
});

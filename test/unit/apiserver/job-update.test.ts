import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateJobUpdate } from '../../../src/validation/apiserver/index.js';
import { synthFiles } from '../../support/synth.js';

type Obj = Record<string, any>;

function generatedJob(imageTag: string): Obj {
  const files = synthFiles({ name: 'backfill', imageTag, jobs: [{ name: 'backfill', kind: 'job' }] });
  const [, text] = [...files].find(([path]) => path.startsWith('deploy/k8s/') && path.endsWith('.job.yaml'))!;
  const job = parse(text) as Obj;
  // What kustomize renders: the image pinned to the tag.
  job.spec.template.spec.containers[0].image = `registry.example.com/backfill:${imageTag}`;
  return job;
}

describe('apiserver Job update rules', () => {
  const v1 = generatedJob('1.0.0');
  const v2 = generatedJob('1.1.0');

  it('a new image under the same Job name is refused: the pod template is immutable', () => {
    const sameName = { ...v2, metadata: { ...v2.metadata, name: v1.metadata.name } };
    expect(validateJobUpdate(v1, sameName).map((i) => `${i.path}: ${i.rule}`)).toEqual(['spec.template: field-immutable']);
  });

  it('the generator names each version differently, so a re-deploy creates a Job instead of updating one', () => {
    expect(v1.metadata.name).toBe('backfill-1-0-0');
    expect(v2.metadata.name).toBe('backfill-1-1-0');
    expect(validateJobUpdate(v1, structuredClone(v1))).toEqual([]);
  });

  it('other immutable fields: selector, completionMode, podFailurePolicy, completions (unless elastic Indexed)', () => {
    const base = { spec: { selector: { matchLabels: { a: 'b' } }, completionMode: 'Indexed', completions: 2, parallelism: 2, template: {} } };
    expect(validateJobUpdate(base, { spec: { ...base.spec, completions: 4, parallelism: 4 } })).toEqual([]);
    const issues = validateJobUpdate(base, {
      spec: { ...base.spec, selector: { matchLabels: { a: 'c' } }, completionMode: 'NonIndexed', completions: 3, podFailurePolicy: { rules: [] } },
    }).map((i) => i.path);
    expect(issues).toEqual(['spec.selector', 'spec.completionMode', 'spec.podFailurePolicy', 'spec.completions']);
  });

  it('a suspended Job that never started may change only its scheduling directives', () => {
    const suspended = { spec: { suspend: true, template: { metadata: { labels: { a: '1' } }, spec: { nodeSelector: { zone: 'a' }, containers: [{ image: 'x:1' }] } } } };
    const moved = structuredClone(suspended);
    moved.spec.template.spec.nodeSelector = { zone: 'b' };
    moved.spec.template.metadata.labels = { a: '2' };
    expect(validateJobUpdate(suspended, moved, { neverStarted: true })).toEqual([]);
    expect(validateJobUpdate(suspended, moved).map((i) => i.path)).toEqual(['spec.template']);
    const newImage = structuredClone(suspended);
    newImage.spec.template.spec.containers[0]!.image = 'x:2';
    expect(validateJobUpdate(suspended, newImage, { neverStarted: true }).map((i) => i.path)).toEqual(['spec.template']);
  });
});

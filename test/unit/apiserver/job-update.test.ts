import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments, stringify } from 'yaml';
import { synthesize } from '../../../src/cli/plan.js';
import { resolveOptions } from '../../../src/project/validate.js';
import { validateBatchObject, validateBatchObjectUpdate, validateJobUpdate } from '../../../src/validation/apiserver/index.js';
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
    expect(v1.metadata.name).toBe('backfill-1.0.0');
    expect(v2.metadata.name).toBe('backfill-1.1.0');
    expect(validateJobUpdate(v1, structuredClone(v1))).toEqual([]);
  });

  it.each([
    ['backfill', 'backfill'],
    // A base too long for `-<40-character tag>` is cut and hashed, so the deployed name still fits 63 characters.
    ['nightly-warehouse-backfill', 'reconcile-ledgers-and-exports'],
  ])('a deploy that only sets the image (kustomize edit set image) renames the Job after the tag (%s/%s)', async (name, job) => {
    const dir = mkdtempSync(join(tmpdir(), 'cbj-job-tag-'));
    try {
      synthesize({ name, jobs: [{ name: job, kind: 'job' }], imageTag: '1.0.0' }, dir);
      const kustomization = join(dir, 'deploy/k8s/kustomization.yaml');
      const render = async () => {
        const { stdout } = await execa('kubectl', ['kustomize', join(dir, 'deploy/k8s')]);
        return parseAllDocuments(stdout).map((d) => d.toJSON() as Obj).find((o) => o.kind === 'Job')!;
      };
      const first = await render();
      // What `kustomize edit set image <name>=<image>:<sha>` writes: a new newTag, nothing else.
      const sha = '3f9c2a1e4b5d6c7f8a9b0c1d2e3f4a5b6c7d8e9f';
      const doc = parse(readFileSync(kustomization, 'utf8')) as Obj;
      doc.images[0].newTag = sha;
      chmodSync(kustomization, 0o644);
      writeFileSync(kustomization, stringify(doc));
      const second = await render();
      expect(first.metadata.name).toMatch(/-1\.0\.0$/);
      expect(second.metadata.name).toBe(first.metadata.name.replace(/1\.0\.0$/, sha));
      expect(second.metadata.name.length).toBeLessThanOrEqual(63);
      expect(second.spec.template.spec.containers[0].image).toMatch(new RegExp(`:${sha}$`));
      // Different names: the apiserver creates the new Job; and the new Job is valid as created.
      expect(validateBatchObject(second as never)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the README says how a one-off Job gets a new version, for the repository\'s own kind of Job only', () => {
    const readme = (options: Parameters<typeof synthFiles>[0]) => synthFiles(options).get('README.md')!;
    const oneOff = readme({ name: 'backfill', jobs: [{ name: 'backfill', kind: 'job' }] });
    expect(oneOff).toContain('kustomize edit set image');
    expect(oneOff).toContain('argocd.argoproj.io/hook');
    expect(oneOff).not.toContain('An Indexed one-off Job');
    const indexed = readme({ name: 'shards', jobs: [{ name: 'shards', kind: 'job', indexed: { completions: 2 } }] });
    expect(indexed).toContain('An Indexed one-off Job is named after `imageTag`');
    expect(indexed).not.toContain('kustomize edit set image');
    expect(readme({ name: 'nightly' })).not.toMatch(/one-off Job/);
    expect(synthFiles({ name: 'backfill', lang: 'es', jobs: [{ name: 'backfill', kind: 'job' }] }).get('README.md')).toContain('Un Job puntual se llama como la etiqueta');
  });

  it('refuses an image tag that cannot name a one-off Job, naming the field', () => {
    for (const imageTag of ['V1', 'build_7', `1.${'0'.repeat(40)}`]) {
      expect(() => resolveOptions({ name: 'backfill', imageTag, jobs: [{ name: 'backfill', kind: 'job' }] }), imageTag).toThrow(/imageTag/);
    }
    expect(resolveOptions({ name: 'backfill', imageTag: 'V1' }).imageTag).toBe('V1');
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

describe('validateBatchObjectUpdate dispatches a Job to the Job update rules', () => {
  const v1 = generatedJob('1.0.0');
  const at = (findings: { path: string; rule: string; source: string }[]) => findings.map((f) => `${f.source} ${f.path}: ${f.rule}`);

  it('an unchanged generated Job is a valid update', () => {
    expect(validateBatchObjectUpdate(v1, structuredClone(v1))).toEqual([]);
  });

  it('a new image under the same Job name is refused at spec.template, as an apiserver error on the Job', () => {
    const changed = structuredClone(v1);
    changed.spec.template.spec.containers[0].image = 'registry.example.com/backfill:1.1.0';
    const findings = validateBatchObjectUpdate(v1, changed);
    expect(at(findings)).toEqual(['apiserver spec.template: field-immutable']);
    expect(findings[0]!.object).toBe(`Job/${v1.metadata.name}`);
  });

  it('also applies the create-time rules to the new Job (the registry validates both)', () => {
    const changed = structuredClone(v1);
    changed.spec.backoffLimit = -1;
    changed.spec.completionMode = changed.spec.completionMode === 'Indexed' ? 'NonIndexed' : 'Indexed';
    const paths = validateBatchObjectUpdate(v1, changed).map((f) => f.path);
    expect(paths).toContain('spec.backoffLimit');
    expect(paths).toContain('spec.completionMode');
  });

  it('lets a suspended Job that never started change its node selector while resuming, but not once started', () => {
    const suspended = structuredClone(v1);
    suspended.spec.suspend = true;
    const resumed = structuredClone(suspended);
    resumed.spec.suspend = false;
    resumed.spec.template.spec.nodeSelector = { 'topology.kubernetes.io/zone': 'b' };
    expect(validateBatchObjectUpdate(suspended, resumed)).toEqual([]);
    const started = { ...suspended, status: { startTime: '2026-01-01T00:00:00Z' } };
    expect(at(validateBatchObjectUpdate(started, resumed))).toEqual(['apiserver spec.template: field-immutable']);
    const running = { ...v1 };
    expect(at(validateBatchObjectUpdate(running, { ...resumed, spec: { ...resumed.spec, suspend: undefined } }))).toEqual(['apiserver spec.template: field-immutable']);
  });

  it('an object that changes kind gets the create-time rules only', () => {
    const changed = structuredClone(v1);
    changed.spec.template.spec.containers[0].image = 'registry.example.com/backfill:1.1.0';
    expect(validateBatchObjectUpdate({ ...v1, kind: 'CronJob' }, changed)).toEqual([]);
    expect(validateBatchObjectUpdate({ ...v1, apiVersion: 'batch/v1beta1' }, changed)).toEqual([]);
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BatchJobProject } from '../../src/project/batch-job-project.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';
import { validateObject } from '../../src/validation/index.js';
import type { KubeObject } from '../../src/validation/types.js';

function project(options: Omit<BatchJobProjectOptions, 'outdir'>): { project: BatchJobProject; outdir: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'cbj-readme-'));
  return { project: new BatchJobProject({ ...options, outdir, logSummary: false }), outdir };
}

/** The README's escape-hatch lines are run as written against a fresh project of the same options. */
describe.each([
  ['cronjob', 'reports.cronjob.yaml'],
  ['job', 'reports.job.yaml'],
] as const)('README escape-hatch examples (%s repository)', (kind, file) => {
  const options = { name: 'reports', lang: 'en' as const, jobs: [{ name: 'reports', kind }] };

  it('apply cleanly: the manifest still passes every validator, and the env example names a real section', () => {
    const first = project(options);
    first.project.synth();
    const readme = readFileSync(join(first.outdir, 'README.md'), 'utf8');
    const find = /const manifest = project\.tryFindObjectFile\('([^']+)'\)!;/.exec(readme);
    expect(find?.[1]).toBe(`deploy/k8s/${file}`);
    const lines = readme.split('\n').filter((line) => line.startsWith('manifest.'));
    expect(lines.length).toBeGreaterThanOrEqual(3);

    const second = project(options);
    const manifest = second.project.tryFindObjectFile(find![1]!)!;
    new Function('manifest', lines.join('\n'))(manifest);
    second.project.synth();
    const obj = parse(readFileSync(join(second.outdir, find![1]!), 'utf8')) as KubeObject & Record<string, any>;
    const pod = kind === 'job' ? obj.spec.template.spec : obj.spec.jobTemplate.spec.template.spec;
    expect(pod.volumes.map((v: { name: string }) => v.name)).toContain('data');
    // kustomize pins the image at render time (kustomization `images`); do the same before validating.
    pod.containers[0].image = 'registry.example.com/reports:1.0.0';
    expect(validateObject(obj)).toEqual([]);

    const section = /env: \{ (\w+)__BatchSize/.exec(readme)?.[1];
    const settings = JSON.parse(readFileSync(join(first.outdir, 'src/Reports/appsettings.json'), 'utf8'));
    expect(settings[section!], `section ${section}`).toHaveProperty('BatchSize');
  });
});

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextFile } from 'projen';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BatchJobProject } from '../../src/project/batch-job-project.js';

describe('escape hatches from .projenrc.ts', () => {
  it('overrides and extends any field of a manifest, and adds files, exactly as the generated README shows', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'cbj-hatch-'));
    const project = new BatchJobProject({ name: 'reports', outdir, logSummary: false });
    const cronJob = project.tryFindObjectFile('deploy/k8s/reports.cronjob.yaml')!;
    cronJob.addOverride('metadata.annotations.team', 'reports');
    cronJob.addToArray('spec.jobTemplate.spec.template.spec.volumes', { name: 'data', persistentVolumeClaim: { claimName: 'reports' } });
    cronJob.addToArray('spec.jobTemplate.spec.template.spec.containers.0.volumeMounts', { name: 'data', mountPath: '/data' });
    cronJob.addDeletionOverride('metadata.labels.app\\.kubernetes\\.io/managed-by');
    new TextFile(project, 'deploy/k8s/NOTES.txt', { lines: ['Owned by the reports team'] });
    project.synth();

    const manifest = parse(readFileSync(join(outdir, 'deploy/k8s/reports.cronjob.yaml'), 'utf8'));
    const pod = manifest.spec.jobTemplate.spec.template.spec;
    expect(manifest.metadata.annotations).toEqual({ team: 'reports' });
    expect(manifest.metadata.labels['app.kubernetes.io/managed-by']).toBeUndefined();
    // Appended, not replaced: the writable /tmp the read-only root file system needs is still there.
    expect(pod.volumes.map((v: { name: string }) => v.name)).toEqual(['tmp', 'data']);
    expect(pod.containers[0].volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual(['/tmp', '/data']);
    expect(readFileSync(join(outdir, 'deploy/k8s/NOTES.txt'), 'utf8')).toContain('Owned by the reports team');
    expect(JSON.parse(readFileSync(join(outdir, '.projen/files.json'), 'utf8')).files).toContain('deploy/k8s/NOTES.txt');
    const readme = readFileSync(join(outdir, 'README.md'), 'utf8');
    expect(readme).toContain("project.tryFindObjectFile('deploy/k8s/reports.cronjob.yaml')");
    expect(readme).toContain('addToArray');
  });
});

import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { synthesize } from '../../../src/cli/plan.js';
import { checkDirectory, checkMemory } from '../../../src/check/run.js';
import { GRACE_PERIOD_ENV } from '../../../src/components/dotnet/templates.js';
import { synthFiles } from '../../support/synth.js';

const RULE = 'k8s-grace-period-env';
const MANIFEST = 'deploy/k8s/reports.cronjob.yaml';

describe(`check: ${RULE}`, () => {
  it('a generated repository gives the host the pod\'s own grace period', async () => {
    const files = synthFiles({ name: 'reports', jobs: [{ name: 'reports' }, { name: 'once', kind: 'job' }] });
    expect(files.get(MANIFEST)).toContain(GRACE_PERIOD_ENV);
    expect((await checkMemory(files)).findings.filter((f) => f.rule === RULE)).toEqual([]);
  });

  it('a manifest whose grace period was changed alone is reported at the variable\'s line', async () => {
    const files = synthFiles({ name: 'reports' });
    const changed = files.get(MANIFEST)!.replace(/terminationGracePeriodSeconds: \d+/, 'terminationGracePeriodSeconds: 120');
    expect(changed).not.toBe(files.get(MANIFEST));
    files.set(MANIFEST, changed);
    const found = (await checkMemory(files)).findings.filter((f) => f.rule === RULE);
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("pod's terminationGracePeriodSeconds is 120");
    expect(changed.split('\n')[found[0]!.line! - 1]).toMatch(/value:/);
  });

  it('a kustomize patch that changes only the pod\'s grace period is found in the rendered objects', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbj-grace-'));
    try {
      synthesize({ name: 'reports' }, dir);
      const kustomization = join(dir, 'deploy/k8s/kustomization.yaml');
      const doc = parse(readFileSync(kustomization, 'utf8')) as Record<string, unknown>;
      doc.patches = [{
        target: { kind: 'CronJob', name: 'reports' },
        patch: '- op: replace\n  path: /spec/jobTemplate/spec/template/spec/terminationGracePeriodSeconds\n  value: 300\n',
      }];
      chmodSync(kustomization, 0o644);
      writeFileSync(kustomization, stringify(doc));
      const report = await checkDirectory(dir, 'reports', { kubectl: true });
      expect(report.findings.filter((f) => f.rule === RULE).map((f) => f.file)).toEqual([MANIFEST]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a one-off Job renamed by the kustomization (tag with a dash) is still checked in its rendered form', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbj-grace-'));
    try {
      synthesize({ name: 'backfill', imageTag: 'v1.2.3-rc.1', jobs: [{ name: 'backfill', kind: 'job' }] }, dir);
      const kustomization = join(dir, 'deploy/k8s/kustomization.yaml');
      const doc = parse(readFileSync(kustomization, 'utf8')) as Record<string, unknown>;
      const job = parse(readFileSync(join(dir, 'deploy/k8s/backfill.job.yaml'), 'utf8')) as { metadata: { name: string } };
      doc.patches = [{
        target: { kind: 'Job', name: job.metadata.name },
        patch: '- op: replace\n  path: /spec/template/spec/terminationGracePeriodSeconds\n  value: 300\n',
      }];
      chmodSync(kustomization, 0o644);
      writeFileSync(kustomization, stringify(doc));
      const report = await checkDirectory(dir, 'backfill', { kubectl: true });
      expect(report.findings.filter((f) => f.rule === RULE).map((f) => f.file)).toEqual(['deploy/k8s/backfill.job.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

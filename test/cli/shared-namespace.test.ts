import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { synthesize } from '../../src/cli/plan.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';

async function renderedNames(options: Omit<BatchJobProjectOptions, 'outdir'>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cbj-shared-ns-'));
  synthesize(options, dir);
  const { stdout } = await execa('kubectl', ['kustomize', join(dir, 'deploy/k8s')]);
  return parseAllDocuments(stdout).map((doc) => {
    const obj = doc.toJSON() as { kind: string; metadata: { name: string; namespace: string } };
    return `${obj.metadata.namespace}/${obj.kind}/${obj.metadata.name}`;
  });
}

describe('two repositories with the same job name in one namespace', () => {
  it('render no object under the same kind and name (kubectl kustomize both)', async () => {
    const shared = { namespace: 'batch', jobs: [{ name: 'cleanup' }, { name: 'export', kind: 'job' as const }] };
    const billing = await renderedNames({ name: 'billing', ...shared });
    const reports = await renderedNames({ name: 'reports', ...shared, http: { host: 'r.example.com', service: 'web', port: 8080 } });
    expect(billing).toContain('batch/CronJob/billing-cleanup');
    expect(billing).toContain('batch/ConfigMap/billing-cleanup-config');
    expect(reports.some((n) => n.startsWith('batch/Job/reports-export-'))).toBe(true);
    expect(billing.filter((name) => reports.includes(name))).toEqual([]);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { synthesize } from '../../src/cli/plan.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';
import { validateObject } from '../../src/validation/index.js';
import type { KubeObject } from '../../src/validation/types.js';

const http = { host: 'reports.example.com', service: 'web', port: 8080 };

/** Every variant the generator offers: kinds, restart policies, Indexed mode, both routes, both frameworks. */
const variants: [string, Omit<BatchJobProjectOptions, 'outdir'>][] = [
  ['cronjob, Never, net8.0', { name: 'nightly-report' }],
  ['cronjob, OnFailure, net10.0', { name: 'nightly-report', framework: 'net10.0', jobs: [{ name: 'nightly-report', restartPolicy: 'OnFailure' }] }],
  ['job, Never', { name: 'one-off', jobs: [{ name: 'one-off', kind: 'job' }] }],
  ['job, OnFailure', { name: 'one-off', jobs: [{ name: 'one-off', kind: 'job', restartPolicy: 'OnFailure' }] }],
  ['Indexed job with per-index retries', { name: 'shards', jobs: [{ name: 'shards', kind: 'job', indexed: { completions: 8, parallelism: 4, backoffLimitPerIndex: 1, maxFailedIndexes: 2 } }] }],
  ['Indexed cronjob', { name: 'shards', jobs: [{ name: 'shards', indexed: { completions: 3 } }] }],
  ['several jobs with API access and secrets', {
    name: 'billing',
    jobs: [
      { name: 'export', schedule: '*/30 * * * *', timeZone: 'Europe/Madrid', secretEnv: [{ name: 'Db__Password', secretName: 'billing-db', key: 'password' }] },
      { name: 'purge', kind: 'job', apiAccess: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }] },
    ],
  }],
  ['with Ingress', { name: 'web-report', http: { ...http, route: 'ingress' } }],
  ['with HTTPRoute', { name: 'web-report', framework: 'net10.0', http: { ...http, route: 'gateway' } }],
];

describe.each(variants)('kubectl kustomize deploy/k8s (%s)', (_label, options) => {
  it('renders, and every object passes schema, apiserver rules, Pod Security restricted and the practice checks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cbj-kustomize-'));
    synthesize(options, dir);
    const { stdout } = await execa('kubectl', ['kustomize', join(dir, 'deploy/k8s')]);
    const objects = parseAllDocuments(stdout).map((doc) => doc.toJSON() as KubeObject);
    expect(objects.length).toBeGreaterThanOrEqual(3);
    for (const obj of objects) {
      expect(obj.metadata?.namespace, `${obj.kind}`).toBe(options.namespace ?? options.name);
      const findings = validateObject(obj);
      expect(findings, JSON.stringify(findings, null, 2)).toEqual([]);
    }
    const batch = objects.filter((o) => o.kind === 'CronJob' || o.kind === 'Job');
    expect(batch.length).toBe(options.jobs?.length ?? 1);
    for (const obj of batch) {
      const text = JSON.stringify(obj);
      // kustomize pinned the image: registry path and a version tag.
      expect(text).toMatch(/"image":"[^"]+\/[^"]+:[0-9][^"]*"/);
      expect(text).not.toContain(':latest');
    }
  });
});

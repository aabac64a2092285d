import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listFiles, synthesize } from '../../src/cli/plan.js';
import { validateBatchObject } from '../../src/validation/apiserver/index.js';
import { validatePodSecurityRestricted } from '../../src/validation/pod-security/index.js';
import { kustomizePinnedImages, validatePractices } from '../../src/validation/practice/index.js';
import { validateSchema } from '../../src/validation/schema/index.js';
import type { KubeObject } from '../../src/validation/types.js';
import { projectOptions } from '../support/arbitraries.js';
import { propertyRuns } from '../support/property-runs.js';

describe('property: whatever valid options a team chooses, the generated manifests pass every check', () => {
  it('schema, apiserver rules, Pod Security restricted and practices find nothing', () => {
    fc.assert(
      fc.property(projectOptions, (options) => {
        const dir = mkdtempSync(join(tmpdir(), 'cbj-prop-'));
        try {
          synthesize(options, dir);
          const k8s = listFiles(dir).filter((p) => p.startsWith('deploy/k8s/'));
          const docs = new Map(k8s.map((p) => [p, parse(readFileSync(join(dir, p), 'utf8')) as KubeObject]));
          const kustomization = docs.get('deploy/k8s/kustomization.yaml')!;
          const pinned = kustomizePinnedImages(kustomization);
          const findings = [...docs.entries()].flatMap(([path, obj]) =>
            path.endsWith('kustomization.yaml')
              ? validateSchema(obj)
              : [...validateSchema(obj), ...validateBatchObject(obj), ...validatePodSecurityRestricted(obj), ...validatePractices(obj, { kustomizePinnedImages: pinned })],
          );
          expect(findings).toEqual([]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: propertyRuns(100) },
    );
  });
});

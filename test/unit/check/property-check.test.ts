import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMemory } from '../../../src/check/run.js';
import { synthFiles } from '../../support/synth.js';
import { projectOptions } from '../../support/arbitraries.js';
import { propertyRuns } from '../../support/property-runs.js';

describe('property: batch-job check reports nothing on a generated repository', () => {
  it('for 200 arbitrary valid option sets (synthesised in memory)', async () => {
    await fc.assert(
      fc.asyncProperty(projectOptions, async (options) => {
        const report = await checkMemory(synthFiles(options));
        expect(report.findings).toEqual([]);
        expect(report.filesScanned).toBeGreaterThan(10);
      }),
      { numRuns: propertyRuns(200) },
    );
  }, 600_000);
});

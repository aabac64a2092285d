/**
 * fast-check runs for a property test: `full` normally, a tenth (at least 5) inside a Stryker worker, where every
 * surviving mutant re-runs each covering test and a 100-synthesis property would dominate the run. The mutation
 * score is then a lower bound: fewer runs can only kill fewer mutants.
 */
export function propertyRuns(full: number): number {
  return process.env.STRYKER_MUTATOR_WORKER === undefined ? full : Math.max(5, Math.ceil(full / 10));
}

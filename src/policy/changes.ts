import type { ChangelogEntry, Policy } from './types.js';

/** Compares dotted numeric versions (`1.10.0` > `1.9.2`); pre-release tags are not used by the policy. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/** Changelog entries newer than `since` (all of them when the repo has no record), newest first. */
export function changesSince(policy: Policy, since: string | undefined): ChangelogEntry[] {
  return policy.changelog.filter((entry) => since === undefined || compareVersions(entry.version, since) > 0);
}

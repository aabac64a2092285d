import type { BannedPackage } from './types.js';

export * from './types.js';
export { policy } from './current.js';
export { changesSince, compareVersions } from './changes.js';
export * from './rules.js';

/** Whether a package id matches a policy pattern (`Hangfire*` is a case-insensitive prefix match). */
export function matchesBanned(id: string, banned: BannedPackage): boolean {
  const lower = id.toLowerCase();
  const pattern = banned.pattern.toLowerCase();
  return pattern.endsWith('*') ? lower.startsWith(pattern.slice(0, -1)) : lower === pattern;
}

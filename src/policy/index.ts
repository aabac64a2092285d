export * from './types.js';
export { policy } from './current.js';
export { changesSince, compareVersions } from './changes.js';
export * from './rules.js';

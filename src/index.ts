export { BatchJobProject } from './project/batch-job-project.js';
export type { BatchJobOptions, BatchJobProjectOptions } from './project/options.js';
export { policy } from './policy/index.js';
export type { Policy, Framework, FrameworkPolicy, BannedPackage, BannedSymbol, ExitCodes } from './policy/index.js';

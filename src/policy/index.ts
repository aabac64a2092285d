export * from './types.js';
export { policy } from './current.js';

import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const stub = fileURLToPath(new URL('../../scripts/lazy-dax.cjs', import.meta.url));

// The create bundle replaces dax with scripts/lazy-dax.cjs (scripts/bundle.ts): it must load nothing until used,
// then behave as projen's dax. In a child process: this worker may have loaded dax already through projen.
const probe = `
const daxLoaded = () => Object.keys(require.cache).some((path) => /[\\\\/]projen[\\\\/]node_modules[\\\\/]dax[\\\\/]/.test(path));
const lazy = require(${JSON.stringify(stub)});
const before = daxLoaded();
const escaped = lazy.$.escapeArg('some text');
console.log(JSON.stringify({ before, escaped, after: daxLoaded(), has: '$' in lazy }));
`;

describe('lazy dax stand-in', () => {
  it('loads projen\'s dax on first use and forwards to it', () => {
    const result = JSON.parse(execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }));
    expect(result).toEqual({ before: false, escaped: "'some text'", after: true, has: true });
  });
});

import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const daxLoaded = () => Object.keys(require.cache).some((path) => /[\\/]projen[\\/]node_modules[\\/]dax[\\/]/.test(path));

// The create bundle replaces dax with scripts/lazy-dax.cjs (scripts/bundle.ts): it must load nothing until used,
// then behave as projen's dax.
describe('lazy dax stand-in', () => {
  it('loads projen\'s dax on first use and forwards to it', () => {
    const lazy = require('../../scripts/lazy-dax.cjs') as { $: { escapeArg(arg: string): string } };
    expect(daxLoaded()).toBe(false);
    expect(lazy.$.escapeArg('some text')).toBe("'some text'");
    expect(daxLoaded()).toBe(true);
    expect('$' in lazy).toBe(true);
  });
});

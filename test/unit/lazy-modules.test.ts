import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LAZY_MODULES, lazyHookSource, lazyModuleSource, requireFromProjen } from '../../scripts/lazy-modules.ts';
import { repoRoot } from '../support/cli.js';

// The stand-ins scripts/bundle.ts ships for projen's dax, fast-glob and semver, written from the real modules as the
// bundler writes them, beside a node_modules that resolves projen. Each probe runs in a child process: this worker
// may have loaded the real modules already through projen.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cbj-lazy-'));
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  for (const name of LAZY_MODULES) writeFileSync(join(dir, `lazy-${name}.cjs`), lazyModuleSource(name, requireFromProjen(name, join(repoRoot, 'package.json'))));
  writeFileSync(join(dir, 'lazy-hook.mjs'), lazyHookSource(LAZY_MODULES));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (script: string, args: string[] = []) => JSON.parse(execFileSync(process.execPath, [...args, '-e', script], { cwd: dir, encoding: 'utf8' }));
const loaded = (name: string) => `Object.keys(require.cache).some((path) => path.includes('/node_modules/${name}/'))`;

// One use of each, as projen uses it.
const firstUse: Record<(typeof LAZY_MODULES)[number], string> = {
  dax: "m.$.escapeArg('some text')",
  'fast-glob': "m.sync('lazy-*.cjs', { cwd: process.cwd() }).sort()",
  semver: "m.intersects('^1.2.0', '1.x')",
};
const expected: Record<(typeof LAZY_MODULES)[number], unknown> = {
  dax: "'some text'",
  'fast-glob': LAZY_MODULES.map((name) => `lazy-${name}.cjs`).sort(),
  semver: true,
};

describe.each(LAZY_MODULES)('the %s stand-in', (name) => {
  it('has every name of the real module, loads nothing until one is read, then forwards to it', () => {
    const result = run(`
      const real = Object.keys(require('node:module').createRequire(require.resolve('projen/package.json'))('${name}'));
      for (const key of Object.keys(require.cache)) delete require.cache[key];
      const m = require('./lazy-${name}.cjs');
      // What projen's compiled imports do at load: __importStar reads every key's descriptor, never a value.
      const keys = Object.keys(m);
      const descriptors = keys.map((key) => Object.getOwnPropertyDescriptor(m, key));
      const before = ${loaded(name)};
      const used = ${firstUse[name]};
      console.log(JSON.stringify({ sameKeys: JSON.stringify(keys) === JSON.stringify(real.filter((k) => k !== '__esModule')), getters: descriptors.every((d) => typeof d.get === 'function'), before, used, after: ${loaded(name)} }));
    `);
    expect(result).toEqual({ sameKeys: true, getters: true, before: false, used: expected[name], after: true });
  });
});

describe('the resolution hook', () => {
  it('gives projen\'s modules the stand-ins, and everyone else the real modules', () => {
    const result = run(
      `
      const { createRequire } = require('node:module');
      const fromProjen = createRequire(require.resolve('projen/lib/project.js'));
      const fromElsewhere = createRequire(require.resolve('projen/package.json'));
      console.log(JSON.stringify(${JSON.stringify(LAZY_MODULES)}.map((name) => [
        require.resolve('./lazy-' + name + '.cjs') === fromProjen.resolve(name),
        fromElsewhere.resolve(name).includes('/node_modules/' + name + '/'),
      ])));
    `,
      ['--import', './lazy-hook.mjs'],
    );
    expect(result).toEqual(LAZY_MODULES.map(() => [true, true]));
  });
});

// Bundles the `create-batch-job` command (lib/cli/run-create.js and what it imports, projen included) and the
// package's API (lib/index.js, without projen) into lib/bundle/. Run by `npx projen compile`, after tsc and the
// template precompile.
//
// Why: a create loads about 400 modules (projen alone is 236 CommonJS files with its bundled yaml, semver and
// fast-glob). Resolving, reading and wrapping each one cost more CPU than evaluating them; one file per lazily
// loaded part removes that (bench/startup.ts measures it). The dynamic imports stay dynamic, as chunks, so `--help`
// still loads only the argument parser and the catalogs. lib/cli/create.js uses the bundle when it exists and the
// separate modules otherwise (a lib/ built by plain `tsc`).
//
// The chunks sit two levels below the package root like lib/cli/*, so `new URL('../../…', import.meta.url)` (the
// package root, templates/) means the same in a chunk. projen's CommonJS code needs `require`, `__filename` and
// `__dirname`, which an ES module lacks: the banner defines them for the chunk's own location.
import { rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';
import { LAZY_MODULES, lazyHookSource, lazyModuleSource, requireFromProjen } from './lazy-modules.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const outDir = join(root, 'lib/bundle');

const banner = [
  "import { createRequire as __cbjCreateRequire } from 'node:module';",
  "import { fileURLToPath as __cbjFileURLToPath } from 'node:url';",
  'const require = __cbjCreateRequire(import.meta.url);',
  'const __filename = __cbjFileURLToPath(import.meta.url);',
  "const __dirname = __cbjFileURLToPath(new URL('.', import.meta.url));",
].join(' ');

rmSync(outDir, { recursive: true, force: true });

// Stand-ins for projen's dependencies that most runs never call (scripts/lazy-modules.ts), from the real modules.
const standIns = new Map(LAZY_MODULES.map((name) => [name, lazyModuleSource(name, requireFromProjen(name, join(root, 'package.json')))]));
// In the create bundle only dax: a create does clean up with fast-glob (a new folder has no .projen/files.json yet),
// and the bundle holds fast-glob and semver at no load cost. dax stays in node_modules: it is loaded on first use.
const lazyDax = {
  name: 'lazy-dax',
  load(id: string) {
    return /[\\/]projen[\\/]node_modules[\\/]dax[\\/]script[\\/]mod\.js$/.test(id) ? standIns.get('dax')! : null;
  },
};

/**
 * One bundle. `prefix` names its chunks, so two bundles share lib/bundle/ without sharing a file.
 * @param external also left to Node's loader, besides prompts and execa
 * @param plugins rolldown plugins of this bundle only
 */
async function bundle(entry: string, name: string, prefix: string, external: RegExp[] = [], plugins: Array<typeof lazyDax> = []) {
  const output = await build({
    input: { [name]: join(root, entry) },
    plugins,
    platform: 'node',
    logLevel: 'warn',
    // Loaded only by the interactive and install paths, where their load time is nothing next to a person typing or
    // npm installing. src/cli/prompts.ts patches `prompts` modules it requires by path: they must be the very copies
    // `import 'prompts'` returns, so neither is copied into the bundle.
    external: [/^prompts(\/|$)/, /^execa(\/|$)/, ...external],
    output: {
      dir: outDir,
      format: 'esm',
      entryFileNames: '[name].mjs',
      chunkFileNames: `${prefix}[name]-[hash].mjs`,
      banner,
      // The bundle is what users run: keep it readable in a stack trace.
      minify: false,
    },
  });
  return output.output;
}

const outputs = [
  ...(await bundle('lib/cli/run-create.js', 'run-create', '', [], [lazyDax])),
  // What a generated repository's .projenrc.ts imports on every re-sync. projen and constructs stay outside: the
  // team's .projenrc.ts may add projen components of its own (the README shows `new TextFile(project, …)`), which
  // must see the same projen as the project they join.
  ...(await bundle('lib/index.js', 'api', 'lib-', [/^projen(\/|$)/, /^constructs(\/|$)/])),
];

// The API's entry: the hook that hands projen the stand-ins is evaluated before the bundle imports projen, which code
// inside the bundle could not be (ES modules evaluate every import before the importing module's own code).
for (const [name, source] of standIns) writeFileSync(join(outDir, `lazy-${name}.cjs`), source);
writeFileSync(join(outDir, 'lazy-hook.mjs'), lazyHookSource(LAZY_MODULES));
writeFileSync(join(outDir, 'index.mjs'), "import './lazy-hook.mjs';\nexport * from './api.mjs';\n");

// Which modules each file holds (paths from the package root): test/cli/startup.test.ts reads it to tell which
// modules a command loaded when all it sees is a chunk's name.
const modules: Record<string, string[]> = {};
for (const o of outputs) {
  if (o.type === 'chunk') modules[o.fileName] = o.moduleIds.filter((id) => !id.startsWith('\0')).map((id) => relative(root, id).split('\\').join('/')).sort();
}
for (const file of ['index.mjs', 'lazy-hook.mjs', ...LAZY_MODULES.map((name) => `lazy-${name}.cjs`)]) modules[file] = [];
writeFileSync(join(outDir, 'modules.json'), `${JSON.stringify(modules, null, 2)}\n`);
console.log(`bundled lib/cli/run-create.js and lib/index.js into ${Object.keys(modules).length} files in ${relative(root, outDir)}/`);

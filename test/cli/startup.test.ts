import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { batchJobBin, createBin, repoRoot, runCreateBin, tempDir } from '../support/cli.js';

// Start-up cost is mostly module loading: help, version and usage errors must answer without loading projen (or
// the validators, schedule preview and prompts). A behaviour test, not a timing: the hook lists every module the
// process resolved, and the last case proves the hook does see projen when a command needs it.
const hook = fileURLToPath(new URL('../support/module-log-hook.mjs', import.meta.url));

/** `modules`: what ran, a bundle's chunk expanded into the modules it holds; `files`: what Node itself loaded. */
async function loadedModules(bin: string, args: string[], cwd = tempDir('cbj-startup-')): Promise<{ exitCode: number; modules: string[]; files: string[]; output: string }> {
  const log = join(tempDir('cbj-startup-log-'), 'modules.txt');
  const result = await execa(process.execPath, ['--import', hook, bin, ...args], {
    cwd,
    env: { LANG: 'C', LC_ALL: '', MODULE_LOG_FILE: log },
    reject: false,
    stdin: 'ignore',
  });
  const files = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  return { exitCode: result.exitCode ?? -1, modules: files.flatMap(bundledModules), files, output: `${result.stdout}${result.stderr}` };
}

// The create command runs bundled (scripts/bundle.ts): a loaded chunk stands for every module it holds, as the
// bundle's modules.json lists them, so the assertions below still name packages and our own modules.
const bundleDir = join(repoRoot, 'lib/bundle/');
const chunkModules = JSON.parse(readFileSync(join(bundleDir, 'modules.json'), 'utf8')) as Record<string, string[]>;
function bundledModules(url: string): string[] {
  if (!url.startsWith('file:')) return [url];
  const path = fileURLToPath(url);
  if (!path.startsWith(bundleDir)) return [url];
  const held = chunkModules[path.slice(bundleDir.length)];
  if (held === undefined) throw new Error(`${path} is not in lib/bundle/modules.json: rebuild with npx projen compile`);
  return [url, ...held.map((rel) => pathToFileURL(join(repoRoot, rel)).href)];
}

// The innermost package: projen keeps its own dependencies in projen/node_modules/.
const packageOf = (url: string) => [...url.matchAll(/\/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)].at(-1)?.[1];
const ownModule = (url: string, name: string) => url.includes('/lib/') && url.endsWith(`/${name}`);

// Loaded only by the commands that generate or check something.
const HEAVY_PACKAGES = ['projen', 'constructs', 'prompts', 'croner', 'cronstrue', 'execa', 'yaml', 'diff', 'kubernetes-models'];
const HEAVY_OWN = ['project/batch-job-project.js', 'project/validate.js', 'schedule/preview.js', 'cli/prompts.js', 'cli/generate.js'];

describe('start-up loads only what the command needs', () => {
  it.each([
    { name: 'create-batch-job --help', bin: createBin, args: ['--help'] },
    { name: 'create-batch-job --version', bin: createBin, args: ['--version'] },
    { name: 'create-batch-job --bogus (usage error)', bin: createBin, args: ['--bogus'], exitCode: 2 },
    { name: 'batch-job --help', bin: batchJobBin, args: ['--help'] },
    { name: 'batch-job --version', bin: batchJobBin, args: ['--version'] },
    { name: 'batch-job check --help', bin: batchJobBin, args: ['check', '--help'] },
    { name: 'batch-job adopt --help', bin: batchJobBin, args: ['adopt', '--help'] },
  ])('$name loads no projen, validators, schedule preview or prompts', async ({ bin, args, exitCode = 0 }) => {
    const run = await loadedModules(bin, args);
    expect(run.exitCode, run.output).toBe(exitCode);
    const packages = new Set(run.modules.map(packageOf).filter(Boolean));
    expect(HEAVY_PACKAGES.filter((p) => packages.has(p))).toEqual([]);
    expect(HEAVY_OWN.filter((m) => run.modules.some((url) => ownModule(url, m)))).toEqual([]);
  });

  it('batch-job check (without --drift) loads no projen: only --drift re-synthesises', async () => {
    const run = await loadedModules(batchJobBin, ['check', '.']);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.modules.filter((url) => packageOf(url) === 'projen')).toEqual([]);
  });

  it.each([
    { name: 'create --no-install', args: ['repo', '--yes', '--no-install', '--job', 'a', '--kind', 'job'] },
    { name: 'create --dry-run', args: ['repo', '--yes', '--dry-run', '--job', 'a', '--kind', 'job'] },
  ])('$name loads no execa: only the install steps run a command', async ({ args }) => {
    const run = await loadedModules(createBin, args);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.modules.filter((url) => packageOf(url) === 'execa')).toEqual([]);
  });

  // One dry run (it generates in a scratch folder) serves the two cases below.
  let dryRun: ReturnType<typeof loadedModules> | undefined;
  const generated = () => (dryRun ??= loadedModules(createBin, ['repo', '--yes', '--dry-run', '--job', 'a', '--kind', 'job']));

  it('create renders with the Handlebars runtime only: the templates ship precompiled, even to the bundle', async () => {
    const run = await generated();
    expect(run.exitCode, run.output).toBe(0);
    const handlebars = run.modules.filter((url) => packageOf(url) === 'handlebars');
    expect(handlebars.some((url) => url.endsWith('/handlebars.runtime.js'))).toBe(true);
    expect(handlebars.filter((url) => url.includes('/compiler/'))).toEqual([]);
  });

  it('the hook sees projen when a command needs it (a dry run generates in a scratch folder)', async () => {
    const run = await generated();
    expect(run.exitCode, run.output).toBe(0);
    // The bundle is what ran (its chunk, not the separate lib/cli/generate.js).
    expect(run.modules.some((url) => url.startsWith(pathToFileURL(bundleDir).href) && url.includes('/generate-'))).toBe(true);
    const packages = new Set(run.modules.map(packageOf));
    expect(packages.has('projen')).toBe(true);
    expect(run.modules.some((url) => ownModule(url, 'cli/generate.js'))).toBe(true);
  });

  // The API bundle holds a yaml of its own (ManagedYamlFile), so this looks at the files Node loaded.
  it('a re-sync (node .projenrc.ts) loads none of projen\'s dax, fast-glob, semver or yaml: it runs no task, ejects nothing', async () => {
    const dir = tempDir('cbj-startup-resync-');
    const created = await runCreateBin(['repo', '--yes', '--no-install', '--job', 'a'], { cwd: dir });
    expect(created.exitCode, created.output).toBe(0);
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, 'node_modules'));
    symlinkSync(repoRoot, join(repo, 'node_modules/create-batch-job'), 'dir'); // what npm install links, in effect
    const run = await loadedModules('.projenrc.ts', [], repo);
    expect(run.exitCode, run.output).toBe(0);
    expect(run.output).toContain('batch-job policy');
    expect(run.files.some((url) => url.endsWith('/node_modules/projen/lib/project.js'))).toBe(true);
    expect(run.files.filter((url) => ['dax', 'fast-glob', 'semver', 'yaml'].includes(packageOf(url) ?? ''))).toEqual([]);
    // projen's requests for them were answered, by the stand-ins.
    expect(run.files.filter((url) => /\/lib\/bundle\/lazy-[a-z-]+\.cjs$/.test(url)).length).toBe(3);
  });
});


import { copyFileSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { tempDir } from './cli.js';
import { packSelf } from './pack.js';

const fixture = fileURLToPath(new URL('../fixtures/next-policy/current.js', import.meta.url));

/**
 * Builds the "next release" of this package: the packed package with policy 1.2.0 (the fixture) in place
 * of the current policy and version 0.2.0, without its bundles, packed again. Installing it is what Dependabot's bump does.
 */
export async function packNextPolicy(): Promise<string> {
  const tgz = await packSelf();
  const work = tempDir('cbj-next-');
  await execa('tar', ['-xzf', tgz, '-C', work]);
  const pkg = join(work, 'package');
  renameSync(join(pkg, 'lib/policy/current.js'), join(pkg, 'lib/policy/current-base.js'));
  copyFileSync(fixture, join(pkg, 'lib/policy/current.js'));
  // The bundles (lib/bundle/) hold the current policy: this release runs the separate modules it was swapped into.
  rmSync(join(pkg, 'lib/bundle'), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  const exports = { '.': { ...manifest.exports['.'], default: './lib/index.js' } };
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ ...manifest, version: '0.2.0', exports }, null, 2));
  const { stdout } = await execa('npm', ['pack', '--silent', '--pack-destination', work], { cwd: pkg });
  return join(work, stdout.trim().split('\n').pop()!);
}

import { join } from 'node:path';
import { execa } from 'execa';
import { repoRoot, tempDir } from './cli.js';

let packed: Promise<string> | undefined;

/** `npm pack` of this package as built now: the generated repo installs it as a user would install a release. */
export function packSelf(): Promise<string> {
  packed ??= (async () => {
    const dest = tempDir('cbj-pack-');
    const { stdout } = await execa('npm', ['pack', '--silent', '--pack-destination', dest], { cwd: repoRoot });
    return join(dest, stdout.trim().split('\n').pop()!);
  })();
  return packed;
}

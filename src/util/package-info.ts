import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Root of this package: `src/util` and `lib/util` are both two levels below it. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

interface PackageJson {
  readonly name: string;
  readonly version: string;
  readonly dependencies: Readonly<Record<string, string>>;
}

export const packageJson: PackageJson = JSON.parse(readFileSync(`${packageRoot}package.json`, 'utf8'));

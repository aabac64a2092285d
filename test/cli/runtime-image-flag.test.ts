import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.js';
import { runCreateBin, snapshot, tempDir } from '../support/cli.js';

describe('--runtime-image', () => {
  it('chiseled: records the choice in .projenrc.ts and writes the chiseled final stage', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--runtime-image', 'chiseled'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'repo/.projenrc.ts'), 'utf8')).toContain("runtimeImage: 'chiseled'");
    expect(readFileSync(join(cwd, 'repo/Dockerfile'), 'utf8')).toContain(`FROM ${policy.frameworks[policy.defaultFramework].chiseledRuntimeImage} AS final`);
  });

  it('refuses an unknown image: one line naming the flag and the valid values, exit 2, nothing written', async () => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--runtime-image', 'alpine'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--runtime-image');
    expect(result.stderr).toContain('default|chiseled');
    expect(snapshot(cwd)).toBe(before);
  });

  it('is in the help, in English and Spanish', async () => {
    for (const lang of ['en', 'es']) {
      const result = await runCreateBin(['--help', '--lang', lang], { cwd: tempDir() });
      expect(result.stdout).toMatch(/--runtime-image <i> default \| chiseled/);
    }
  });
});

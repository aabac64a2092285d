import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCreateBin, snapshot, tempDir } from '../support/cli.js';

describe('--ci', () => {
  it('writes the chosen system and records it in .projenrc.ts', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--ci', 'gitlab'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'repo/.gitlab-ci.yml'))).toBe(true);
    expect(existsSync(join(cwd, 'repo/.github'))).toBe(false);
    expect(readFileSync(join(cwd, 'repo/.projenrc.ts'), 'utf8')).toContain("ci: 'gitlab'");
  });

  it('defaults to GitHub Actions and Dependabot, and leaves the default out of .projenrc.ts', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(['repo', '--yes', '--no-install'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'repo/.github/workflows/build.yml'))).toBe(true);
    expect(existsSync(join(cwd, 'repo/.github/dependabot.yml'))).toBe(true);
    expect(readFileSync(join(cwd, 'repo/.projenrc.ts'), 'utf8')).not.toContain('ci:');
  });

  it('comes from the answers file too', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'answers.json'), JSON.stringify({ name: 'repo', ci: 'none' }));
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--answers', 'answers.json'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'repo/.github'))).toBe(false);
    expect(existsSync(join(cwd, 'repo/azure-pipelines.yml'))).toBe(false);
  });

  it('refuses an unknown system: one line naming the flag and the valid values, exit 2, nothing written', async () => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--ci', 'jenkins'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--ci');
    expect(result.stderr).toContain('github|azure|gitlab|none');
    expect(snapshot(cwd)).toBe(before);
  });
});

import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCreateBin, snapshot, tempDir } from '../support/cli.js';

describe('create-batch-job: usage', () => {
  it('prints help and version', async () => {
    const cwd = tempDir();
    const help = await runCreateBin(['--help'], { cwd });
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('Usage: create-batch-job');
    const version = await runCreateBin(['--version'], { cwd });
    expect(version.exitCode).toBe(0);
    expect(version.stdout).toMatch(/^create-batch-job \d+\.\d+\.\d+ \(policy \d+\.\d+\.\d+\)$/);
  });

  it('speaks Spanish with --lang es or LANG=es_*', async () => {
    const cwd = tempDir();
    const byFlag = await runCreateBin(['--lang', 'es', '--help'], { cwd });
    expect(byFlag.stdout).toContain('Uso: create-batch-job');
    const byEnv = await runCreateBin(['x', '--name', 'Foo'], { cwd, env: { LANG: 'es_ES.UTF-8' } });
    expect(byEnv.stderr).toContain('no es una etiqueta DNS-1123');
  });
});

describe('create-batch-job: invalid input exits 2, one line, nothing written', () => {
  const cases: [string, string[], string][] = [
    ['uppercase name', ['--name', 'Foo'], 'name'],
    ['60-character name', ['--name', 'a'.repeat(60)], 'name'],
    ['path-like name', ['--name', '../x'], 'name'],
    ['empty name', ['--name', ''], 'name'],
    ['unknown framework', ['--name', 'ok', '--framework', 'net6.0'], 'framework'],
    ['bad job name', ['--name', 'ok', '--job', 'Bad_Job'], 'jobs[0].name'],
    ['unknown flag', ['--frobnicate'], 'frobnicate'],
    ['two directories', ['a', 'b'], 'directory'],
  ];
  it.each(cases)('%s', async (_label, args, field) => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const result = await runCreateBin(['target', '--yes', '--no-install', ...args], { cwd });
    expect(result.exitCode).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(field);
    expect(lines[0]).toMatch(/example: \S+/);
    expect(snapshot(cwd)).toBe(before);
  });

  it.each([['a Ctrl+U', 'rep\x15orts'], ['an escape sequence', 'rep\x1b[2Korts'], ['a bidi override', 'rep\u202eorts']])(
    'refuses a directory name with %s (printable names only) and says which name would do',
    async (_label, directory) => {
      const cwd = tempDir();
      const before = snapshot(cwd);
      const result = await runCreateBin([directory, '--yes', '--no-install', '--name', 'reports'], { cwd });
      expect(result.exitCode).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain('directory');
      expect(lines[0]).toContain('control or invisible characters');
      expect(lines[0]).toMatch(/example: rep(\[2K)?orts/);
      expect(snapshot(cwd)).toBe(before);
    },
  );

  it('refuses a non-empty target and leaves it untouched', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'existing'));
    writeFileSync(join(cwd, 'existing', 'keep.txt'), 'mine');
    const before = snapshot(cwd);
    const result = await runCreateBin(['existing', '--yes', '--no-install'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('directory');
    expect(result.stderr).toContain('--force');
    expect(snapshot(cwd)).toBe(before);
  });

  it('rejects a malformed answers file', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'answers.json'), '{"name": 3}');
    const before = snapshot(cwd);
    const result = await runCreateBin(['t', '--answers', 'answers.json', '--no-install'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('answers.name');
    expect(snapshot(cwd)).toBe(before);
  });
});

describe('create-batch-job: generation', () => {
  it('--dry-run prints the plan and writes nothing', async () => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const result = await runCreateBin(['nightly-report', '--yes', '--dry-run'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/create\s+Dockerfile/);
    expect(result.stdout).toMatch(/create\s+src\/NightlyReport\/Program\.cs/);
    expect(snapshot(cwd)).toBe(before);
  });

  it('without a TTY and without --yes it uses flags and defaults instead of prompting', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(['nightly-report', '--no-install'], { cwd });
    expect(result.exitCode).toBe(0);
    const dir = join(cwd, 'nightly-report');
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('<TargetFramework>net8.0</TargetFramework>');
    expect(existsSync(join(dir, 'src/NightlyReport/Jobs/NightlyReportJob.cs'))).toBe(true);
    // .NET 8 is past its end of support: the CLI says so and how to choose net10.0.
    expect(result.stderr).toContain('2026-11-10');
    expect(result.stderr).toContain('--framework net10.0');
  });

  it('generates from an answers file, with managed files read-only and samples writable', async () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'answers.json'), JSON.stringify({ name: 'billing-export', framework: 'net10.0', jobs: ['export', 'reconcile'] }));
    const result = await runCreateBin(['out', '--answers', 'answers.json', '--no-install'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    const dir = join(cwd, 'out');
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('net10.0');
    expect(existsSync(join(dir, 'src/BillingExport/Jobs/ExportJob.cs'))).toBe(true);
    expect(existsSync(join(dir, 'src/BillingExport/Jobs/ReconcileJob.cs'))).toBe(true);
    expect(statSync(join(dir, 'Dockerfile')).mode & 0o222).toBe(0);
    expect(statSync(join(dir, 'src/BillingExport/Program.cs')).mode & 0o200).not.toBe(0);
    expect(readFileSync(join(dir, '.projenrc.ts'), 'utf8')).toContain("name: 'billing-export'");
  });

  it('--force writes into a non-empty directory, keeping unrelated files', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'repo'));
    writeFileSync(join(cwd, 'repo', 'notes.txt'), 'mine');
    const result = await runCreateBin(['repo', '--yes', '--force', '--no-install', '--name', 'my-job'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'repo', 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(cwd, 'repo', 'Dockerfile'))).toBe(true);
  });
});

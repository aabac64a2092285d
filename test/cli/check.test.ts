import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { synthesize } from '../../src/cli/plan.js';
import { batchJobBin, snapshot, tempDir } from '../support/cli.js';

const run = (args: string[], cwd: string, env: Record<string, string> = {}) =>
  execa(process.execPath, [batchJobBin, ...args], { cwd, reject: false, env: { LANG: 'C', NO_COLOR: '', ...env } });

let root: string;
let repo: string;

beforeAll(() => {
  root = tempDir('cbj-check-cli-');
  repo = join(root, 'nightly');
  synthesize({ name: 'nightly', jobs: [{ name: 'report' }], http: { host: 'app.example.com', service: 'web', port: 8080, route: 'ingress' } } as never, repo);
  mkdirSync(join(repo, '.git'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('batch-job check (as the generated CI calls it)', () => {
  it('with no path checks the current directory: SARIF to --output and text, exit 0 on a fresh repo, nothing else written', async () => {
    const before = snapshot(repo);
    const sarifFile = join(root, 'check.sarif');
    const sarif = await run(['check', '--format', 'sarif', '--output', sarifFile], repo);
    expect(sarif.exitCode, sarif.stderr).toBe(0);
    const log = JSON.parse(readFileSync(sarifFile, 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results).toEqual([]);
    const text = await run(['check'], repo);
    expect(text.exitCode, text.stdout).toBe(0);
    expect(text.stdout).toContain('No findings.');
    expect(text.stdout).not.toContain('\u001b[');
    expect(snapshot(repo)).toBe(before);
  });

  it('a folder of repositories: findings per repository and a summary table; exit 1 when an error reaches --fail-on', async () => {
    const bad = join(root, 'legacy');
    mkdirSync(join(bad, '.git'), { recursive: true });
    writeFileSync(join(bad, 'Dockerfile'), 'FROM mcr.microsoft.com/dotnet/runtime:latest\n');
    const result = await run(['check', root, '--lang', 'es'], root);
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^repositorio +errores +avisos +peor regla$/m);
    expect(result.stdout).toMatch(/^legacy +2 +2 +dockerfile-base-tag$/m);
    expect(result.stdout).toMatch(/^nightly +0 +0 +-$/m);
    expect((await run(['check', root, '--fail-on', 'never'], root)).exitCode).toBe(0);
    const json = JSON.parse((await run(['check', bad, '--format', 'json'], root)).stdout);
    expect(json.repositories[0].findings.map((f: { rule: string }) => f.rule)).toContain('dockerfile-non-root-user');
  });

  it('a Spanish locale (LANG=es_ES.UTF-8, no --lang) gives Spanish details in text and SARIF; rule ids stay', async () => {
    const bad = join(root, 'legacy-es');
    mkdirSync(join(bad, '.git'), { recursive: true });
    writeFileSync(join(bad, 'Dockerfile'), 'FROM mcr.microsoft.com/dotnet/runtime:latest\n');
    const env = { LANG: 'es_ES.UTF-8' };
    const text = (await run(['check', bad], root, env)).stdout;
    expect(text).toContain('FROM dotnet/runtime:latest usa la etiqueta latest');
    expect(text).toContain('la etapa final no tiene USER: el contenedor se ejecuta como root');
    expect(text).toContain('no hay .dockerignore');
    expect(text).not.toMatch(/runs as root|enter the build context/);
    const sarif = JSON.parse((await run(['check', bad, '--format', 'sarif'], root, env)).stdout);
    const results = sarif.runs[0].results as { ruleId: string; message: { text: string } }[];
    expect(results.map((r) => r.ruleId)).toContain('dockerfile-non-root-user');
    expect(results.find((r) => r.ruleId === 'dockerfile-non-root-user')!.message.text).toContain('la etapa final no tiene USER');
  });
});

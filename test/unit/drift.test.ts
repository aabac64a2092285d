/**
 * `findDrift` on real repositories: each is synthesised by its own `.projenrc.ts` (the team's file, importing this
 * package's compiled build), then changed the way drift happens in practice.
 */
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execaSync } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { findDrift, DriftCheckError } from '../../src/check/drift.js';
import { listFiles } from '../../src/cli/plan.js';
import { projenrcSample } from '../../src/project/projenrc-sample.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';

const LIB = pathToFileURL(resolve(import.meta.dirname, '../../lib/index.js')).href;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function writeProjenrc(dir: string, options: BatchJobProjectOptions): void {
  writeFileSync(join(dir, '.projenrc.ts'), projenrcSample(options, LIB));
}

/** A repository as `npx projen` leaves it. */
function repo(options: BatchJobProjectOptions): string {
  const dir = mkdtempSync(join(tmpdir(), 'cbj-drift-'));
  dirs.push(dir);
  writeProjenrc(dir, options);
  execaSync(process.execPath, ['.projenrc.ts'], { cwd: dir });
  return dir;
}

/** Managed files are read-only; drift is what happens when someone writes them anyway. */
function overwrite(dir: string, path: string, content: string): void {
  chmodSync(join(dir, path), 0o644);
  writeFileSync(join(dir, path), content);
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((p) => [p, `${statSync(join(dir, p)).mtimeMs}:${readFileSync(join(dir, p), 'utf8')}`]));
}

const TWO_JOBS: BatchJobProjectOptions = { name: 'billing', jobs: [{ name: 'export' }, { name: 'cleanup', kind: 'job' }] };

describe('findDrift', () => {
  it('finds nothing in a freshly synthesised repository, and writes nothing', async () => {
    const dir = repo(TWO_JOBS);
    const before = snapshot(dir);
    expect(await findDrift(dir)).toEqual([]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a hand-edited managed file as modified, with a diff from the synthesised to the edited text', async () => {
    const dir = repo(TWO_JOBS);
    const path = 'deploy/k8s/kustomization.yaml';
    const original = readFileSync(join(dir, path), 'utf8');
    overwrite(dir, path, original.replace(/^(\s*newTag:).*$/m, '$1 hand-edited'));
    const drifts = await findDrift(dir);
    expect(drifts.map((d) => [d.path, d.kind])).toEqual([[path, 'modified']]);
    expect(drifts[0]!.diff).toMatch(/^\+\s*newTag: hand-edited$/m);
    expect(drifts[0]!.diff).toContain(`--- a/${path}`);
    expect(drifts[0]!.diff).toContain(`+++ b/${path}`);
  });

  it('reports a deleted managed file as missing', async () => {
    const dir = repo(TWO_JOBS);
    const path = listFiles(join(dir, 'deploy/k8s')).find((p) => p.includes('cleanup'))!;
    unlinkSync(join(dir, 'deploy/k8s', path));
    expect((await findDrift(dir)).map((d) => [d.path, d.kind, d.diff])).toEqual([[`deploy/k8s/${path}`, 'missing', '']]);
  });

  it('reports a managed file the definition no longer produces as stale (a job removed without re-sync)', async () => {
    const dir = repo(TWO_JOBS);
    const cleanupFiles = listFiles(dir).filter((p) => p.startsWith('deploy/k8s/') && p.includes('cleanup'));
    expect(cleanupFiles.length).toBeGreaterThan(0);
    writeProjenrc(dir, { ...TWO_JOBS, jobs: [{ name: 'export' }] });
    const drifts = await findDrift(dir);
    const stale = drifts.filter((d) => d.kind === 'stale').map((d) => d.path);
    expect(stale.sort()).toEqual(cleanupFiles.sort());
    // The kustomization lists resources, so dropping a job modifies it too; nothing is reported missing.
    expect(drifts.filter((d) => d.kind === 'missing')).toEqual([]);
    for (const path of cleanupFiles) expect(existsSync(join(dir, path))).toBe(true);
  });

  it('does not report a stale path that is already gone', async () => {
    const dir = repo(TWO_JOBS);
    const cleanupFiles = listFiles(dir).filter((p) => p.startsWith('deploy/k8s/') && p.includes('cleanup'));
    writeProjenrc(dir, { ...TWO_JOBS, jobs: [{ name: 'export' }] });
    for (const path of cleanupFiles) unlinkSync(join(dir, path));
    expect((await findDrift(dir)).filter((d) => d.kind === 'stale')).toEqual([]);
  });

  describe('reads the repository it checks, not the scratch folder it synthesises into', () => {
    /** A class library the team adds and references from the app, as `dotnet new classlib` + `dotnet add reference` would. */
    function addLibrary(dir: string): void {
      mkdirSync(join(dir, 'src/Billing.Core'), { recursive: true });
      writeFileSync(join(dir, 'src/Billing.Core/Billing.Core.csproj'), '<Project Sdk="Microsoft.NET.Sdk">\n</Project>\n');
      const app = join(dir, 'src/Billing/Billing.csproj');
      writeFileSync(app, readFileSync(app, 'utf8').replace('</Project>', '  <ItemGroup>\n    <ProjectReference Include="..\\Billing.Core\\Billing.Core.csproj" />\n  </ItemGroup>\n</Project>'));
    }

    it('reports the Dockerfile as modified when a referenced library was added without a re-sync', async () => {
      const dir = repo(TWO_JOBS);
      addLibrary(dir);
      const drifts = await findDrift(dir);
      expect(drifts.map((d) => [d.path, d.kind])).toEqual([['Dockerfile', 'modified']]);
      // The diff runs from what a re-sync writes to the repository's file: the library's restore line is missing.
      expect(drifts[0]!.diff).toMatch(/^-COPY src\/Billing\.Core\/Billing\.Core\.csproj /m);
    });

    it('finds nothing once the re-sync has written the library into the Dockerfile', async () => {
      const dir = repo(TWO_JOBS);
      addLibrary(dir);
      execaSync(process.execPath, ['.projenrc.ts'], { cwd: dir });
      expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('COPY src/Billing.Core/Billing.Core.csproj ');
      expect(await findDrift(dir)).toEqual([]);
    });
  });

  it('refuses a folder without .projenrc.ts and reports a failing .projenrc.ts with its output', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'cbj-drift-'));
    dirs.push(empty);
    await expect(findDrift(empty)).rejects.toThrow(DriftCheckError);
    await expect(findDrift(empty)).rejects.toThrow(/has no \.projenrc\.ts/);
    writeFileSync(join(empty, '.projenrc.ts'), "throw new Error('broken definition');\n");
    await expect(findDrift(empty)).rejects.toThrow(/\.projenrc\.ts failed:[\s\S]*broken definition/);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RepoFiles } from '../../../src/check/walk.js';
import { fakeToken } from '../../support/fake-key.js';
import { tempTree } from '../../support/temp-tree.js';

// `src/check/run.ts` called directly on temp folders: the report's own fields, exemptions against `today`, when the
// per-file work goes to the pool (options, environment, thresholds) and what the pool is given.

// The real `prepareInParallel`, recorded: which options it got and whether the prepared files were closed.
const pool = vi.hoisted(() => ({ calls: [] as Array<{ root: string; maxBytes: number; threads: number; validate: boolean }>, closed: 0 }));
vi.mock('../../../src/check/pool.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/check/pool.js')>();
  return {
    ...actual,
    prepareInParallel: async (files: RepoFiles, options: Parameters<typeof actual.prepareInParallel>[1]): Promise<RepoFiles> => {
      pool.calls.push({ ...options });
      const prepared = await actual.prepareInParallel(files, options);
      const inner = prepared.prepared!;
      return {
        ...prepared,
        prepared: {
          take: (path) => inner.take(path),
          validate: (pins) => inner.validate(pins),
          close: async () => {
            pool.closed++;
            await inner.close();
          },
        },
      };
    },
  };
});

const { checkDirectory, checkFiles, repositoriesFor } = await import('../../../src/check/run.js');
const { DEFAULT_MAX_FILE_BYTES, memoryRepository } = await import('../../../src/check/walk.js');

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function repo(files: Record<string, string>): string {
  return tempTree(join(tmpdir(), 'cbj-check-run-'), files, dirs);
}

const exemption = (expires: string) => `exemptions:\n  - rule: dockerfile-base-tag\n    path: Dockerfile\n    justification: vendor image (T-7)\n    expires: ${expires}\n`;

/**
 * Seven listed files: a Dockerfile (3 findings), the exemptions, a kustomization and its ConfigMap, a large file, a
 * project with a banned package and a script with a (made-up) token.
 */
function tree(expires: string): Record<string, string> {
  return {
    'Dockerfile': 'FROM alpine\nUSER 1000\n',
    'batch-job.exemptions.yaml': exemption(expires),
    'k/kustomization.yaml': 'resources:\n- cm.yaml\n',
    'k/cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n',
    'big.yaml': `# ${'x'.repeat(300)}\n`,
    'src/App/App.csproj': '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup><PackageReference Include="Hangfire" /></ItemGroup>\n</Project>\n',
    'ops/run.sh': `export TOKEN=${fakeToken(30)}\n`,
    'README.md': 'not listed\n',
  };
}
const line = (f: { rule: string; file: string; line?: number }) => `${f.rule} ${f.file}:${f.line ?? '-'}`;
const limits = { maxFileBytes: 200 };

describe('checkDirectory and checkFiles: the report', () => {
  it('names the repository and its root, counts listed files, keeps the notes, and applies exemptions on the given day', async () => {
    const dir = repo(tree('2026-06-01'));
    const report = await checkDirectory(dir, 'shop', { kubectl: false, limits, today: new Date('2026-06-01T12:00:00Z'), threads: 1 });
    expect(report.name).toBe('shop');
    expect(report.root).toBe(dir);
    expect(report.filesScanned).toBe(7);
    expect(report.notes.map((n) => [n.kind, n.file])).toStrictEqual([
      ['too-large', 'big.yaml'],
      ['kustomize-raw', undefined],
    ]);
    expect(report.findings.map(line)).toStrictEqual([
      'dockerfile-dockerignore Dockerfile:-',
      'dockerfile-multi-stage Dockerfile:1',
      'secret-literal ops/run.sh:1',
      'dotnet-banned-package src/App/App.csproj:2',
    ]);
    expect(report.exempted.map((f) => `${line(f)} ${f.justification} ${f.expires}`)).toStrictEqual(['dockerfile-base-tag Dockerfile:1 vendor image (T-7) 2026-06-01']);
  });

  it('the day after, the exemption is expired: its finding joins the others, in file and line order', async () => {
    const dir = repo(tree('2026-06-01'));
    const report = await checkDirectory(dir, 'shop', { kubectl: false, limits, today: new Date('2026-06-02T12:00:00Z'), threads: 1 });
    expect(report.exempted).toStrictEqual([]);
    expect(report.findings.map(line)).toStrictEqual([
      'exemption-expired batch-job.exemptions.yaml:2',
      'dockerfile-dockerignore Dockerfile:-',
      'dockerfile-base-tag Dockerfile:1',
      'dockerfile-multi-stage Dockerfile:1',
      'secret-literal ops/run.sh:1',
      'dotnet-banned-package src/App/App.csproj:2',
    ]);
  });

  it('without a day, exemptions are compared with today', async () => {
    const past = await checkDirectory(repo(tree('2000-01-01')), 'old', { kubectl: false, limits, threads: 1 });
    expect(past.exempted).toStrictEqual([]);
    expect(past.findings.map(line)).toContain('exemption-expired batch-job.exemptions.yaml:2');
    const future = await checkDirectory(repo(tree('2999-12-31')), 'new', { kubectl: false, limits, threads: 1 });
    expect(future.exempted.map(line)).toStrictEqual(['dockerfile-base-tag Dockerfile:1']);
  });

  it('files without a root are named "." with an empty root, and never rendered with kubectl', async () => {
    const files = memoryRepository(new Map(Object.entries(tree('2999-12-31'))));
    const report = await checkFiles(files);
    expect(report.name).toBe('.');
    expect(report.root).toBe('');
    // big.yaml is not too large in memory: there is no size limit there.
    expect(report.filesScanned).toBe(7);
    expect(report.notes.map((n) => n.kind)).toStrictEqual(['kustomize-raw']);
    const named = await checkFiles(memoryRepository(new Map()), { name: 'mem', root: '', kubectl: false });
    expect([named.name, named.root, named.filesScanned]).toStrictEqual(['mem', '', 0]);
  });

  // The first check in this file that may use kubectl: whether it is installed is asked once per process.
  it.skipIf(!hasKubectl)('on disk, kustomize folders are rendered with kubectl unless it is turned off', async () => {
    const dir = repo(tree('2999-12-31'));
    const rendered = await checkDirectory(dir, 'shop', { limits, threads: 1 });
    expect(rendered.notes.map((n) => n.kind)).toStrictEqual(['too-large']);
    const raw = await checkDirectory(dir, 'shop', { kubectl: false, limits, threads: 1 });
    expect(raw.notes.map((n) => n.kind)).toStrictEqual(['too-large', 'kustomize-raw']);
  });
});

describe('checkDirectory: when the per-file work goes to the pool', () => {
  const saved = { threads: process.env.BATCH_JOB_CHECK_THREADS, min: process.env.BATCH_JOB_CHECK_POOL_MIN_FILES };
  const setEnv = (threads: string | undefined, min: string | undefined) => {
    for (const [key, value] of [
      ['BATCH_JOB_CHECK_THREADS', threads],
      ['BATCH_JOB_CHECK_POOL_MIN_FILES', min],
    ] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  let dir: string;
  beforeAll(() => {
    dir = repo(tree('2999-12-31'));
  });
  afterEach(() => {
    setEnv(saved.threads, saved.min);
    pool.calls.length = 0;
    pool.closed = 0;
  });

  /** Whether a check with these environment values and options used the pool (7 listed files). */
  const pooled = async (threads: string | undefined, min: string | undefined, options: Parameters<typeof checkDirectory>[2] = {}) => {
    setEnv(threads, min);
    pool.calls.length = 0;
    await checkDirectory(dir, 'shop', { kubectl: false, ...options });
    return pool.calls.length === 1;
  };

  it('from the environment: more than one thread and at least the minimum of files', async () => {
    expect(await pooled('2', '0')).toBe(true);
    expect(await pooled('2', '7')).toBe(true);
    expect(await pooled('2', '07')).toBe(true);
    expect(await pooled('2', '8')).toBe(false);
    expect(await pooled('1', '0')).toBe(false);
    // Unset, the minimum is 6000 files; from the sources (no worker module) the default is one thread.
    expect(await pooled('2', undefined)).toBe(false);
    expect(await pooled(undefined, '0')).toBe(false);
  });

  it('only whole numbers are read from the environment; anything else is the default', async () => {
    for (const min of [' 0', '0 ', '-0', '0.0', '', 'x']) expect(await pooled('2', min), `min ${JSON.stringify(min)}`).toBe(false);
    for (const threads of [' 2', '2 ', '+2', '2.0', '']) expect(await pooled(threads, '0'), `threads ${JSON.stringify(threads)}`).toBe(false);
  });

  it('options win over the environment', async () => {
    expect(await pooled('1', '6000', { threads: 2, poolMinFiles: 0 })).toBe(true);
    expect(await pooled('2', '0', { threads: 1 })).toBe(false);
    expect(await pooled('2', '0', { poolMinFiles: 8 })).toBe(false);
    expect(await pooled(undefined, undefined, { threads: 2, poolMinFiles: 7 })).toBe(true);
  });

  it('the pool gets the root, the size limit and the threads, validates manifests only without kubectl, and is closed', async () => {
    setEnv('3', '0');
    await checkDirectory(dir, 'shop', { kubectl: false });
    await checkDirectory(dir, 'shop', { kubectl: false, limits: { maxFileBytes: 200 } });
    expect(pool.calls).toStrictEqual([
      { root: dir, maxBytes: DEFAULT_MAX_FILE_BYTES, threads: 3, validate: true },
      { root: dir, maxBytes: 200, threads: 3, validate: true },
    ]);
    expect(pool.closed).toBe(2);
  });

  it.skipIf(!hasKubectl)('with kubectl (the default), manifests are left to this thread', async () => {
    setEnv('2', '0');
    const report = await checkDirectory(dir, 'shop', {});
    expect(pool.calls).toStrictEqual([{ root: dir, maxBytes: DEFAULT_MAX_FILE_BYTES, threads: 2, validate: false }]);
    // Rendered: no kustomize-raw note (and no size limit given: nothing is too large).
    expect(report.notes).toStrictEqual([]);
    expect(pool.closed).toBe(1);
  });
});

describe('repositoriesFor', () => {
  it('the checkouts of a folder come in name order whatever order the folder lists them in', () => {
    const org = repo({});
    // Created out of name order. (libuv already sorts `readdirSync` on Linux, so the `.sort()` there only matters
    // where it does not: the order is this function's promise.)
    for (const name of ['c3', 'a1', 'e5', 'b2', 'f6', 'd4']) mkdirSync(join(org, name, '.git'), { recursive: true });
    writeFileSync(join(org, 'notes.txt'), 'a file is not a checkout\n');
    expect(repositoriesFor([], org).map((r) => r.name)).toStrictEqual(['a1', 'b2', 'c3', 'd4', 'e5', 'f6']);
    expect(repositoriesFor(['.'], org).map((r) => r.root)).toStrictEqual(['a1', 'b2', 'c3', 'd4', 'e5', 'f6'].map((n) => join(org, n)));
  });

  it('with several paths each is one repository, even a folder of checkouts', () => {
    const org = repo({});
    mkdirSync(join(org, 'alpha', '.git'), { recursive: true });
    const other = repo({});
    expect(repositoriesFor([org, other], '/')).toStrictEqual([
      { root: org, name: basename(org) },
      { root: other, name: basename(other) },
    ]);
  });

  it('a path without a last segment (the file system root) is named by the path itself', () => {
    const other = repo({});
    expect(repositoriesFor(['/', other], '/tmp')).toStrictEqual([
      { root: '/', name: '/' },
      { root: other, name: basename(other) },
    ]);
  });
});

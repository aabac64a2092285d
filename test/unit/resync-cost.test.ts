import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Project } from 'projen';
import { ProjenrcTs, TypeScriptRunner } from 'projen/lib/typescript/index.js';
import { describe, expect, it, vi } from 'vitest';
import * as templates from '../../src/project/templates.js';
import { BatchJobProject } from '../../src/project/batch-job-project.js';
import { COMPILE_CACHE_DIR, NodeProjenrcTs } from '../../src/project/projenrc-file.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'cbj-resync-cost-'));
const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('NodeProjenrcTs writes what projen\'s ProjenrcTs with the Node runner writes', () => {
  it('same tsconfig.projen.json, .gitignore and .gitattributes; same default step, plus the compile cache', () => {
    const [a, b] = [scratch(), scratch()];
    try {
      const withProjen = new Project({ name: 'p', outdir: a, commitGenerated: true });
      new ProjenrcTs(withProjen, { runner: TypeScriptRunner.nodejs() });
      withProjen.synth();
      const withOurs = new Project({ name: 'p', outdir: b, commitGenerated: true });
      new NodeProjenrcTs(withOurs);
      withOurs.synth();

      for (const path of ['tsconfig.projen.json', '.gitignore', '.gitattributes']) expect(read(b, path), path).toBe(read(a, path));
      const defaultTask = (dir: string) => JSON.parse(read(dir, '.projen/tasks.json')).tasks.default;
      const [theirs, ours] = [defaultTask(a), defaultTask(b)];
      expect(ours.steps).toEqual(theirs.steps);
      expect(ours.env).toEqual({ ...theirs.env, NODE_COMPILE_CACHE: COMPILE_CACHE_DIR });
    } finally {
      for (const dir of [a, b]) rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a re-sync renders no team-owned sample', () => {
  it('renders Program.cs, the jobs, their tests and the README once, at creation; a re-sync renders only managed templates', () => {
    const outdir = scratch();
    try {
      const render = vi.spyOn(templates, 'renderTemplate');
      new BatchJobProject({ name: 'reports', outdir, jobs: [{ name: 'a' }, { name: 'b' }], logSummary: false }).synth();
      const first = render.mock.calls.map((c) => c[0]);
      expect(first).toEqual(expect.arrayContaining(['dotnet/Program.cs.hbs', 'dotnet/Job.cs.hbs', 'dotnet/JobTests.cs.hbs', 'repo/README.en.md.hbs']));

      writeFileSync(join(outdir, 'README.md'), 'ours\n');
      render.mockClear();
      new BatchJobProject({ name: 'reports', outdir, jobs: [{ name: 'a' }, { name: 'b' }], logSummary: false }).synth();
      const again = render.mock.calls.map((c) => c[0]);
      expect(again.filter((t) => /Program|Job\.cs|JobTests|README/.test(t))).toEqual([]);
      expect(again.length).toBeGreaterThan(0); // the managed host is re-rendered, so the spy does see renders
      expect(read(outdir, 'README.md')).toBe('ours\n');
    } finally {
      vi.restoreAllMocks();
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('a re-sync leaves unchanged managed files alone, even as root', () => {
  it('keeps their mtimes; rewrites a changed file and a file made writable; nothing is computed twice', () => {
    const outdir = scratch();
    try {
      const options = { name: 'reports', outdir, jobs: [{ name: 'a' }, { name: 'b', schedule: '0 4 * * *' }], logSummary: false };
      new BatchJobProject(options).synth();
      const managed = ['Directory.Build.props', 'Dockerfile', 'src/Reports/JobHost.cs', 'deploy/k8s/a.cronjob.yaml', 'deploy/k8s/b.cronjob.yaml'];
      const past = new Date('2020-01-01T00:00:00Z');
      for (const path of managed) utimesSync(join(outdir, path), past, past);
      chmodSync(join(outdir, 'Dockerfile'), 0o644); // same content, but no longer read-only

      const render = vi.spyOn(templates, 'renderTemplate');
      new BatchJobProject({ ...options, jobs: [{ name: 'a' }, { name: 'b', schedule: '0 5 * * *' }] }).synth();
      const rendered = render.mock.calls.map((c) => c[0]);
      expect(rendered.length).toBe(new Set(rendered).size);

      const touched = managed.filter((path) => statSync(join(outdir, path)).mtimeMs !== past.getTime());
      expect(touched).toEqual(['Dockerfile', 'deploy/k8s/b.cronjob.yaml']);
      expect(statSync(join(outdir, 'Dockerfile')).mode & 0o777).toBe(0o444);
      expect(read(outdir, 'deploy/k8s/b.cronjob.yaml')).toContain('0 5 * * *');
    } finally {
      vi.restoreAllMocks();
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Workflow } from '../../src/components/ci/github.js';
import { runCreateBin, tempDir } from '../support/cli.js';
import { dotnetEnv } from '../support/dotnet.js';
import { packSelf } from '../support/pack.js';
import { synthFiles } from '../support/synth.js';

const git = (args: string[], cwd: string) =>
  execa('git', args, { cwd, env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } });

/** Runs one pipeline step's script the way GitHub's `shell: bash` does (`-e -o pipefail`). */
function runStep(script: string, cwd: string) {
  return execa('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd, reject: false, all: true, env: dotnetEnv, timeout: 600_000 });
}

/** One generated repository, one dotnet build: the commands are read from the generated build workflow. */
describe('the generated build pipeline, run locally', () => {
  let dir: string;
  let steps: Map<string, string>;

  beforeAll(async () => {
    const cwd = tempDir('cbj-ci-e2e-');
    const created = await runCreateBin(['repo', '--yes', '--name', 'nightly-report', '--no-install'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    dir = join(cwd, 'repo');
    // The pipeline's own install is `npm ci` from the team's lockfile; the unpublished package comes from a tarball here.
    await execa('npm', ['install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', await packSelf()], { cwd: dir });
    await git(['init', '-q', '-b', 'main'], dir);
    await git(['add', '-A'], dir);
    await git(['commit', '-qm', 'generated'], dir);
    const workflow = parse(readFileSync(join(dir, '.github/workflows/build.yml'), 'utf8')) as Workflow;
    steps = new Map(workflow.jobs.build!.steps.filter((s) => s.id && s.run).map((s) => [s.id!, s.run!]));
  });

  // The CLI writes central package management into new repositories; compare like with like.
  it('Azure and GitLab run the very same commands', () => {
    const azure = JSON.stringify(parse(synthFiles({ name: 'nightly-report', ci: 'azure', packageManagement: 'central' }).get('azure-pipelines.yml')!));
    const gitlab = JSON.stringify(parse(synthFiles({ name: 'nightly-report', ci: 'gitlab', packageManagement: 'central' }).get('.gitlab-ci.yml')!));
    for (const id of ['synth', 'drift', 'restore', 'build', 'test', 'render', 'compliance']) {
      const script = JSON.stringify(steps.get(id)).slice(1, -1);
      expect(azure, id).toContain(script);
      expect(gitlab, id).toContain(script);
    }
  });

  it('re-synthesis leaves no drift, then restore, build, test, render and the compliance scan succeed', async () => {
    for (const id of ['synth', 'drift', 'restore', 'build', 'test', 'render', 'compliance']) {
      const result = await runStep(steps.get(id)!, dir);
      expect(result.exitCode, `${id}:\n${result.all}`).toBe(0);
      if (id === 'render') expect(result.stdout).toContain('kind: CronJob');
    }
    const sarif = JSON.parse(readFileSync(join(dir, 'batch-job.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]!.results).toEqual([]);
    // Test results land where every system publishes them from.
    expect(readdirSync(join(dir, 'TestResults')).some((f) => f.endsWith('.trx'))).toBe(true);
  });

  it('the drift step fails on a hand-edited managed file and prints the diff and the fix', async () => {
    const dockerfile = join(dir, 'Dockerfile');
    chmodSync(dockerfile, 0o644);
    writeFileSync(dockerfile, `${readFileSync(dockerfile, 'utf8')}RUN echo hand-edited\n`);
    await git(['commit', '-qam', 'edit a managed file by hand'], dir);
    expect((await runStep(steps.get('synth')!, dir)).exitCode).toBe(0);
    const drift = await runStep(steps.get('drift')!, dir);
    expect(drift.exitCode).not.toBe(0);
    expect(drift.all).toContain('diff --git a/Dockerfile b/Dockerfile');
    expect(drift.all).toContain('-RUN echo hand-edited');
    expect(drift.all).toContain("npm ci && npx projen");
    expect(existsSync(join(dir, 'TestResults'))).toBe(true);
  });
});

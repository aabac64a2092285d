import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.js';
import { INSTALL_TIMEOUT, runCreateBin, tempDir } from '../support/cli.js';
import { packSelf } from '../support/pack.js';

/** Paths git sees as changed, added or deleted. */
async function gitChanges(cwd: string): Promise<string> {
  const { stdout } = await execa('git', ['status', '--porcelain'], { cwd });
  return stdout.trim();
}

describe('generated repo: npx projen re-synthesis', () => {
  let dir: string;

  beforeAll(async () => {
    const tgz = await packSelf();
    const cwd = tempDir('cbj-resync-');
    const created = await runCreateBin(['repo', '--yes', '--name', 'nightly-report', '--self-spec', tgz], { cwd, timeout: INSTALL_TIMEOUT });
    expect(created.exitCode, created.stderr + created.stdout).toBe(0);
    dir = join(cwd, 'repo');
    const git = (...args: string[]) => execa('git', args, { cwd: dir });
    await git('init', '-q');
    await git('add', '-A');
    await git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'generated');
  });

  const projen = () => execa('npx', ['projen'], { cwd: dir, reject: false, all: true });

  it('is idempotent: a re-run changes nothing, and says which policy it applied', async () => {
    const result = await projen();
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).toContain(`batch-job policy ${policy.version} applied`);
    expect(await gitChanges(dir)).toBe('');
  });

  it('restores a deleted managed file', async () => {
    rmSync(join(dir, 'Dockerfile'));
    rmSync(join(dir, 'Directory.Build.targets'));
    expect(await gitChanges(dir)).not.toBe('');
    const result = await projen();
    expect(result.exitCode, result.all).toBe(0);
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(true);
    expect(await gitChanges(dir)).toBe('');
  });

  it('overwrites a hand-edited managed file but leaves an edited Program.cs byte-identical', async () => {
    const props = join(dir, 'Directory.Build.props');
    chmodSync(props, 0o644);
    writeFileSync(props, `${readFileSync(props, 'utf8')}<!-- hand edit -->\n`);
    const program = join(dir, 'src/NightlyReport/Program.cs');
    const edited = `${readFileSync(program, 'utf8')}// team change\n`;
    writeFileSync(program, edited);

    const result = await projen();
    expect(result.exitCode, result.all).toBe(0);
    expect(readFileSync(props, 'utf8')).not.toContain('hand edit');
    expect(readFileSync(program, 'utf8')).toBe(edited);
    expect(await gitChanges(dir)).toBe('M src/NightlyReport/Program.cs');
  });

  it('a schedule change in .projenrc.ts rewrites only that job; removing a job deletes its manifests', async () => {
    const git = (...args: string[]) => execa('git', args, { cwd: dir });
    const rc = join(dir, '.projenrc.ts');
    const original = readFileSync(rc, 'utf8');
    const withJobs = (a: string, jobs: string) =>
      original.replace("name: 'nightly-report',\n", `name: 'nightly-report',\n  jobs: [{ name: 'nightly-report', schedule: '${a}' }${jobs}],\n`);
    writeFileSync(rc, withJobs('0 1 * * *', ", { name: 'purge', kind: 'job' }"));
    expect(readFileSync(rc, 'utf8')).not.toBe(original);
    expect((await projen()).exitCode).toBe(0);
    await git('add', '-A');
    await git('-c', 'user.name=t', '-c', 'user.email=t@example.invalid', 'commit', '-qm', 'two jobs');

    writeFileSync(rc, withJobs('45 4 * * *', ", { name: 'purge', kind: 'job' }"));
    expect((await projen()).exitCode).toBe(0);
    expect((await gitChanges(dir)).split('\n').map((l) => l.trim()).sort()).toEqual(['M .projenrc.ts', 'M deploy/k8s/nightly-report.cronjob.yaml']);
    expect(readFileSync(join(dir, 'deploy/k8s/nightly-report.cronjob.yaml'), 'utf8')).toContain('schedule: 45 4 * * *');

    writeFileSync(rc, withJobs('45 4 * * *', ''));
    expect((await projen()).exitCode).toBe(0);
    expect(existsSync(join(dir, 'deploy/k8s/purge.job.yaml'))).toBe(false);
    expect(existsSync(join(dir, 'deploy/k8s/purge.config.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'deploy/k8s/kustomization.yaml'), 'utf8')).not.toContain('purge');
  });

  it('check --drift names a hand-edited manifest with its diff, exits 1, and is clean after a re-sync', async () => {
    const check = () => execa('npx', ['batch-job', 'check', '--drift'], { cwd: dir, reject: false, all: true });
    const clean = await check();
    expect(clean.exitCode, clean.all).toBe(0);

    const manifest = join(dir, 'deploy/k8s/nightly-report.cronjob.yaml');
    chmodSync(manifest, 0o644);
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('backoffLimit: 3', 'backoffLimit: 9'));
    rmSync(join(dir, 'Dockerfile'));
    const drifted = await check();
    expect(drifted.exitCode).toBe(1);
    expect(drifted.all).toContain('deploy/k8s/nightly-report.cronjob.yaml: edited by hand');
    expect(drifted.all).toMatch(/^-\s+backoffLimit: 3$/m);
    expect(drifted.all).toMatch(/^\+\s+backoffLimit: 9$/m);
    expect(drifted.all).toContain('addOverride');
    expect(drifted.all).toContain('Dockerfile: missing');

    expect((await projen()).exitCode).toBe(0);
    const after = await check();
    expect(after.exitCode, after.all).toBe(0);
  });
});

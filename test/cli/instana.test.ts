import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createBin, runCreateBin, snapshot, tempDir } from '../support/cli.js';
import { fakeAgentKey } from '../support/fake-key.js';
import { drivePty } from '../support/pty.js';

const ENTER = '\r';
const SECRET_COMMAND = 'kubectl create secret generic instana-agent-key -n instana-agent --from-file=key=/dev/stdin';

/** One line on stderr, exit 2, the Secret-from-stdin command shown, the key never echoed, nothing written. */
function expectRefused(result: { exitCode: number; stderr: string }, key: string, field: string): void {
  expect(result.exitCode, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n').filter((l) => !l.startsWith('Note: .NET 8'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(field);
  expect(lines[0]).toContain(SECRET_COMMAND);
  expect(result.stderr).not.toContain(key);
}

describe('create-batch-job: Instana agent values', () => {
  it('the flags reach deploy/instana/values.yaml and .projenrc.ts', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(
      ['repo', '--yes', '--no-install', '--instana-zone', 'eu-west', '--instana-cluster', 'prod-1', '--instana-endpoint', 'ingress-blue-saas.instana.io:1444'],
      { cwd },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const values = parse(readFileSync(join(cwd, 'repo/deploy/instana/values.yaml'), 'utf8'));
    expect(values.zone.name).toBe('eu-west');
    expect(values.cluster.name).toBe('prod-1');
    expect(values.agent).toEqual({ keysSecret: 'instana-agent-key', endpointHost: 'ingress-blue-saas.instana.io', endpointPort: '1444' });
    expect(readFileSync(join(cwd, 'repo/.projenrc.ts'), 'utf8')).toContain("zone: 'eu-west'");
  });

  it('--no-instana leaves the values file out and records instana: false', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--no-instana'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(existsSync(join(cwd, 'repo/deploy/instana/values.yaml'))).toBe(false);
    expect(readFileSync(join(cwd, 'repo/.projenrc.ts'), 'utf8')).toContain('instana: false');
  });

  it.each([
    ['--instana-zone', 'instana.zone'],
    ['--instana-cluster', 'instana.cluster'],
    ['--instana-endpoint', 'instanaEndpoint'],
  ])('a key given to %s exits 2 and writes nothing', async (flag, field) => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const key = fakeAgentKey(11);
    const result = await runCreateBin(['repo', '--yes', '--no-install', flag, key], { cwd });
    expectRefused(result, key, field);
    expect(snapshot(cwd)).toBe(before);
  });

  it('a key in the answers file exits 2 and writes nothing', async () => {
    const cwd = tempDir();
    const key = fakeAgentKey(12);
    writeFileSync(join(cwd, 'answers.json'), JSON.stringify({ name: 'repo', instanaCluster: key }));
    const before = snapshot(cwd);
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--answers', 'answers.json'], { cwd });
    expectRefused(result, key, 'instana.cluster');
    expect(snapshot(cwd)).toBe(before);
  });

  it('a key typed at the prompt exits 2 and writes nothing', async () => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const key = fakeAgentKey(13);
    const result = await drivePty(
      [process.execPath, createBin, 'repo', '--no-install', '--name', 'repo', '--framework', 'net10.0', '--job', 'repo', '--kind', 'job',
        '--restart-policy', 'Never', '--namespace', 'repo', '--registry', 'registry.example.com/batch', '--ingress-host', 'a.example.com',
        '--ingress-service', 'web', '--ingress-port', '8080', '--ci', 'github', '--interactive'],
      cwd,
      [
        { expect: 'Instana zone', send: `${key}${ENTER}` },
        { expect: 'Cluster name in Instana', send: ENTER },
        { expect: 'Instana backend endpoint', send: ENTER },
        { expect: 'from-file=key=/dev/stdin', send: '' },
      ],
    );
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(2);
    expect(result.transcript).toContain('looks like key material');
    expect(snapshot(cwd)).toBe(before);
  });

  it('a key pasted into another field is not echoed by its error', async () => {
    const cwd = tempDir();
    const key = fakeAgentKey(14);
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--namespace', key], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('namespace is not a lowercase DNS-1123 label');
    expect(result.stderr).not.toContain(key);
  });
});

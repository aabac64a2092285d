import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCreateBin, snapshot, tempDir } from '../support/cli.js';

describe('create-batch-job: Kubernetes flags', () => {
  const cases: [string, string[], string, string][] = [
    ['six-field schedule', ['--schedule', '0 0 * * * *'], '--schedule', 'expected exactly 5 fields'],
    ['TZ in the schedule', ['--schedule', 'TZ=UTC 0 0 * * *'], '--schedule', 'TZ'],
    ['Local time zone', ['--time-zone', 'Local'], '--time-zone', 'Local'],
    ['unknown time zone', ['--time-zone', 'Mars/Base'], '--time-zone', 'Mars/Base'],
    ['53-character CronJob name', ['--name', 'a'.repeat(53)], 'name', '52'],
    ['schedule on a Job', ['--kind', 'job', '--schedule', '0 1 * * *'], '--schedule', 'cronjob'],
    ['unknown kind', ['--kind', 'deployment'], '--kind', 'cronjob'],
    ['latest image tag', ['--image-tag', 'latest'], '--image-tag', 'latest'],
    ['ingress without port', ['--ingress-host', 'a.example.com', '--ingress-service', 'web'], '--ingress-port', '--ingress-port'],
    ['bad restart policy', ['--restart-policy', 'Always'], '--restart-policy', 'Never|OnFailure'],
  ];
  it.each(cases)('%s exits 2 with a one-line reason and writes nothing', async (_label, args, field, reason) => {
    const cwd = tempDir();
    const before = snapshot(cwd);
    const result = await runCreateBin(['target', '--yes', '--no-install', ...args], { cwd });
    expect(result.exitCode, result.stderr).toBe(2);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(field);
    expect(lines[0]).toContain(reason);
    expect(snapshot(cwd)).toBe(before);
  });

  it('the flags reach the first job and the kustomization', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(
      ['repo', '--yes', '--no-install', '--name', 'billing', '--job', 'export,purge', '--schedule', '*/15 6-22 * * MON-FRI', '--time-zone', 'Europe/Madrid',
        '--concurrency-policy', 'Replace', '--namespace', 'finance', '--registry', 'ghcr.io/acme', '--image-tag', '2.3.1',
        '--ingress-host', 'billing.example.com', '--ingress-service', 'billing-web', '--ingress-port', '8080', '--route', 'ingress'],
      { cwd },
    );
    expect(result.exitCode, result.stderr).toBe(0);
    const k8s = (f: string) => parse(readFileSync(join(cwd, 'repo/deploy/k8s', f), 'utf8'));
    expect(k8s('export.cronjob.yaml').spec).toMatchObject({ schedule: '*/15 6-22 * * MON-FRI', timeZone: 'Europe/Madrid', concurrencyPolicy: 'Replace' });
    expect(k8s('purge.cronjob.yaml').spec.schedule).toBe('0 2 * * *');
    expect(k8s('kustomization.yaml')).toMatchObject({ namespace: 'finance', images: [{ newName: 'ghcr.io/acme/billing', newTag: '2.3.1' }] });
    expect(k8s('ingress.yaml').spec.rules[0].host).toBe('billing.example.com');
  });

  it('explains the schedule and warns about DST and piling-up runs without prompting', async () => {
    const cwd = tempDir();
    const dst = await runCreateBin(['a', '--yes', '--no-install', '--schedule', '30 2 * * *', '--time-zone', 'Europe/Madrid'], { cwd });
    expect(dst.exitCode, dst.stderr).toBe(0);
    expect(dst.stdout).toContain('a: Runs: At 02:30');
    expect(dst.stderr).toMatch(/Warning: On 2\d{3}-03-\d\d clocks in Europe\/Madrid jump/);
    expect(dst.stderr).toMatch(/Warning: On 2\d{3}-10-\d\d clocks in Europe\/Madrid go back/);
    const pileUp = await runCreateBin(['b', '--yes', '--no-install', '--schedule', '* * * * *', '--concurrency-policy', 'Allow'], { cwd });
    expect(pileUp.exitCode, pileUp.stderr).toBe(0);
    expect(pileUp.stderr).toContain('every minute and concurrencyPolicy is Allow');
    const quiet = await runCreateBin(['c', '--yes', '--no-install', '--schedule', '0 3 * * *'], { cwd });
    expect(quiet.stderr).not.toContain('Warning');
  });
});

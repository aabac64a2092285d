import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCreateBin, tempDir } from '../support/cli.js';

const http = ['--ingress-host', 'reports.example.com', '--ingress-service', 'web', '--ingress-port', '8080'];

describe('create-batch-job: HTTP routes', () => {
  it.each([
    ['C', 'ingress-nginx was retired in March 2026', '--route gateway'],
    ['es_ES.UTF-8', 'ingress-nginx se retiró en marzo de 2026', '--route gateway'],
  ])('--route ingress warns that ingress-nginx is retired and suggests the Gateway API (LANG=%s)', async (lang, warning, suggestion) => {
    const cwd = tempDir();
    const result = await runCreateBin(['repo', '--yes', '--no-install', ...http, '--route', 'ingress'], { cwd, env: { LANG: lang } });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toContain(warning);
    expect(result.stderr).toContain(suggestion);
  });

  it('--route gateway does not warn; the HTTPRoute names the HTTPS listener of a Gateway in its own namespace', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(['repo', '--yes', '--no-install', '--namespace', 'reports', ...http], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('ingress-nginx');
    const route = parse(readFileSync(join(cwd, 'repo/deploy/k8s/httproute.yaml'), 'utf8'));
    expect(route.spec.parentRefs).toEqual([{ name: 'shared-gateway', namespace: 'gateway-system', sectionName: 'https' }]);
  });

  it('--gateway-namespace and --gateway-section reach the HTTPRoute and .projenrc.ts', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(['repo', '--yes', '--no-install', ...http, '--gateway-namespace', 'edge', '--gateway-section', 'websecure'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    const route = parse(readFileSync(join(cwd, 'repo/deploy/k8s/httproute.yaml'), 'utf8'));
    expect(route.spec.parentRefs[0]).toMatchObject({ namespace: 'edge', sectionName: 'websecure' });
    expect(readFileSync(join(cwd, 'repo/.projenrc.ts'), 'utf8')).toContain('edge');
  });

  it('an invalid --gateway-namespace exits 2 naming the flag', async () => {
    const cwd = tempDir();
    const result = await runCreateBin(['repo', '--yes', '--no-install', ...http, '--gateway-namespace', 'Not_A_Name'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('--gateway-namespace');
  });
});

/**
 * The net8.0 variant on a real .NET 8 runtime. This machine has only the .NET 10 runtime, so the other e2e tests run
 * net8.0 output with DOTNET_ROLL_FORWARD=Major; here the app is published self-contained for linux-x64, which
 * bundles the 8.0 runtime pack from NuGet, and runs without any roll-forward.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.js';
import { runCreateBin, tempDir } from '../support/cli.js';
import { dotnet, jsonLines } from '../support/dotnet.js';

const APP = 'NightlyReport';
const JOB = 'nightly-report';
/** The environment the tests give .NET, without the roll-forward that would hide the runtime actually used. */
const env = { DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1', DOTNET_ROLL_FORWARD: '', MSBUILDDISABLENODEREUSE: '1' };

describe('net8.0 on the .NET 8 runtime (self-contained linux-x64 publish)', () => {
  let out: string;
  const run = (args: string[], extraEnv: Record<string, string> = {}) =>
    execa(join(out, APP), args, { cwd: out, reject: false, env: { ...env, ...extraEnv }, extendEnv: false, timeout: 120_000 });

  beforeAll(async () => {
    const cwd = tempDir('cbj-e2e-net8rt-');
    const created = await runCreateBin(['repo', '--yes', '--no-install', '--name', JOB, '--framework', 'net8.0'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const dir = join(cwd, 'repo');
    out = join(dir, 'out');
    const publish = await dotnet(['publish', `src/${APP}`, '-c', 'Release', '-r', 'linux-x64', '--self-contained', '-o', out], dir, { env });
    expect(publish.exitCode, publish.all).toBe(0);
  });

  it('bundles a 8.0 runtime pack', () => {
    const deps = JSON.parse(readFileSync(join(out, `${APP}.deps.json`), 'utf8')) as { runtimeTarget: { name: string }; libraries: Record<string, unknown> };
    expect(deps.runtimeTarget.name).toBe('.NETCoreApp,Version=v8.0/linux-x64');
    const packs = Object.keys(deps.libraries).filter((k) => k.startsWith('runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/'));
    expect(packs).toHaveLength(1);
    expect(packs[0]).toMatch(/\/8\.0\.\d+$/);
  });

  it('runs the job: exit 0, JSON lines only', async () => {
    const result = await run([JOB]);
    expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(policy.exitCodes.success);
    expect(jsonLines(String(result.stdout)).some((l) => JSON.stringify(l).includes(`Job ${JOB} succeeded`))).toBe(true);
  });

  it('exits 2 on invalid configuration and on an unknown job', async () => {
    expect((await run([JOB], { NightlyReportJob__ItemCount: '0' })).exitCode).toBe(policy.exitCodes.invalidConfiguration);
    expect((await run(['no-such-job'])).exitCode).toBe(policy.exitCodes.invalidConfiguration);
  });

  it('stops on SIGTERM with exit 143', async () => {
    const child = run([JOB], { NightlyReportJob__ItemCount: '2000000000' });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the job never started')), 60_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('Processing')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill('SIGTERM');
    expect((await child).exitCode).toBe(policy.exitCodes.terminated);
  });
});

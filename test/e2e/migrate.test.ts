/**
 * `migrate --write` end to end, in ONE build: a generated repository (managed job host) holding a web app with three
 * Hangfire recurring jobs whose work lives in a class library. migrate writes the jobs into .projenrc.ts and a job
 * class per schedule; the user steps it prints (reference the library, register the classes) are applied; then the
 * console app builds with 0 warnings, each job runs through it with exit 0 and calls the original code, and the
 * CronJob manifests synthesised from .projenrc.ts carry the converted schedules, time zones and job arguments.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { synthesize } from '../../src/cli/plan.js';
import type { BatchJobProjectOptions } from '../../src/project/options.js';
import { batchJobBin, repoRoot, runCreateBin, tempDir } from '../support/cli.js';
import { dotnet, startApp, warningCount } from '../support/dotnet.js';

const APP = 'Shop';
const FRAMEWORK = 'net10.0';

function optionsOf(projenrc: string): BatchJobProjectOptions {
  const start = projenrc.indexOf('new BatchJobProject(') + 'new BatchJobProject('.length;
  const end = projenrc.lastIndexOf(');\n\nproject.synth()');
  return new Function(`return (${projenrc.slice(start, end)});`)() as BatchJobProjectOptions;
}

describe('batch-job migrate --write', () => {
  it('three Hangfire jobs become CronJobs whose job classes build with 0 warnings and run the original code', async () => {
    const cwd = tempDir('cbj-e2e-migrate-');
    const created = await runCreateBin(['repo', '--yes', '--no-install', '--name', 'shop', '--job', 'nightly', '--framework', FRAMEWORK], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const dir = join(cwd, 'repo');
    cpSync(join(repoRoot, 'test/fixtures/migrate/e2e-web'), dir, { recursive: true });

    const migrated = await execa(process.execPath, [batchJobBin, 'migrate', '--write'], { cwd: dir, reject: false, env: { LANG: 'C' } });
    expect(migrated.exitCode, `${migrated.stdout}\n${migrated.stderr}`).toBe(0);
    const out = String(migrated.stdout);
    expect(out).toContain('3 found (3 exact)');

    // The steps migrate prints: register each class (and its original type) in the host, reference the library.
    const registrations = [...out.matchAll(/^\s+(Shop\.Jobs\.Migrated\.\w+\.Register\(jobs\);)$/gm)].map((m) => m[1]!);
    expect(registrations).toHaveLength(3);
    const program = join(dir, `src/${APP}/Program.cs`);
    const source = readFileSync(program, 'utf8');
    const last = [...source.matchAll(/^\s*jobs\.Add<.*;$/gm)].pop()!;
    const end = last.index + last[0].length;
    writeFileSync(program, `${source.slice(0, end)}\n${registrations.map((r) => `    ${r}`).join('\n')}${source.slice(end)}`);
    const csproj = join(dir, `src/${APP}/${APP}.csproj`);
    writeFileSync(csproj, readFileSync(csproj, 'utf8').replace('</Project>', '  <ItemGroup>\n    <ProjectReference Include="../Shop.Reports/Shop.Reports.csproj" />\n  </ItemGroup>\n</Project>'));

    const build = await dotnet(['build', '-warnaserror', `src/${APP}`], dir);
    expect(build.exitCode, build.all).toBe(0);
    expect(warningCount(build.all)).toBe(0);

    const dll = join(dir, `src/${APP}/bin/Debug/${FRAMEWORK}/${APP}.dll`);
    const markers = mkdtempSync(join(tmpdir(), 'cbj-markers-'));
    for (const [job, marker] of [
      ['daily-report', 'daily.ran'],
      ['weekly-summary', 'weekly.ran'],
      ['cleanup', 'cleanup.ran'],
    ]) {
      const run = await startApp(dll, [job!], dir, { SHOP_MARKERS: markers });
      expect(run.exitCode, `${job}: ${run.stdout}\n${run.stderr}`).toBe(0);
      expect(existsSync(join(markers, marker!)), `${job} did not call the original code`).toBe(true);
    }

    // The CronJobs npx projen would write from the updated .projenrc.ts.
    const options = optionsOf(readFileSync(join(dir, '.projenrc.ts'), 'utf8'));
    const staging = join(tempDir('cbj-e2e-migrate-synth-'), 'out');
    synthesize({ ...options, outdir: staging } as BatchJobProjectOptions, staging);
    for (const [job, schedule, zone] of [
      ['daily-report', '0 2 * * *', 'Etc/UTC'],
      ['weekly-summary', '0 8 * * 1', 'Europe/Paris'],
      ['cleanup', '*/30 * * * *', 'Etc/UTC'],
    ]) {
      const cronJob = parse(readFileSync(join(staging, `deploy/k8s/${job}.cronjob.yaml`), 'utf8'));
      expect(cronJob.spec.schedule).toBe(schedule);
      expect(cronJob.spec.timeZone).toBe(zone);
      expect(cronJob.spec.jobTemplate.spec.template.spec.containers[0].args).toEqual([job]);
    }
    // The web app's registrations are untouched.
    expect(readFileSync(join(dir, 'src/Shop.Web/Program.cs'), 'utf8')).toBe(readFileSync(join(repoRoot, 'test/fixtures/migrate/e2e-web/src/Shop.Web/Program.cs'), 'utf8'));
  });
});

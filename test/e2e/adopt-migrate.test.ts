/**
 * `adopt` + `migrate --write` end to end, in two builds (the job host, then the web app): a web app with three
 * Hangfire recurring jobs whose work lives in a class library is adopted as it is. Adoption adds the managed console job host next to it, writes the jobs
 * into .projenrc.ts and a job class per schedule; `migrate --write` then finds nothing left to write. No manual
 * edit: the job host builds with 0 warnings, each job runs through it with exit 0 and calls the original code, and
 * the CronJob manifests carry the converted schedules, time zones and job arguments.
 *
 * The web app still references Hangfire, which the policy's managed banned-package guard fails on purpose; the test
 * then does what the output tells the team (remove the listed registrations, then Hangfire itself) and the web app
 * builds with 0 warnings too: the whole repository builds.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { batchJobBin, repoRoot, snapshot, tempDir } from '../support/cli.js';
import { dotnet, startApp, warningCount } from '../support/dotnet.js';

const HOST = 'Shop.Web.Jobs';
const FRAMEWORK = 'net8.0'; // the fixture sets none: the policy default applies

function run(dir: string, ...args: string[]) {
  return execa(process.execPath, [batchJobBin, ...args], { cwd: dir, reject: false, all: true, env: { LANG: 'C' } });
}

describe('batch-job adopt + migrate --write', () => {
  it('three Hangfire jobs of an adopted web app run as CronJobs through the managed job host and call the original code; the repository builds once the listed registrations go', async () => {
    const dir = join(tempDir('cbj-e2e-adopt-migrate-'), 'repo');
    cpSync(join(repoRoot, 'test/fixtures/migrate/e2e-web'), dir, { recursive: true });

    const adopted = await run(dir, 'adopt', '--name', 'shop');
    expect(adopted.exitCode, adopted.all).toBe(0);
    expect(adopted.all).toContain(`Job host: src/${HOST}/${HOST}.csproj`);
    expect(adopted.all).toContain('3 migrated job(s) written to .projenrc.ts, each with a job class');

    // Idempotent: the jobs adoption wrote are recognised, nothing is written twice.
    const before = snapshot(dir);
    const migrated = await run(dir, 'migrate', '--write');
    expect(migrated.exitCode, migrated.all).toBe(0);
    expect(migrated.all).toContain('3 found (3 exact)');
    expect(migrated.all).toContain('Wrote 0 job(s) to .projenrc.ts and 0 job class(es)');
    expect(snapshot(dir)).toBe(before);

    const build = await dotnet(['build', '-warnaserror', `src/${HOST}`], dir);
    expect(build.exitCode, build.all).toBe(0);
    expect(warningCount(build.all)).toBe(0);

    const dll = join(dir, `src/${HOST}/bin/Debug/${FRAMEWORK}/${HOST}.dll`);
    const markers = mkdtempSync(join(tmpdir(), 'cbj-markers-'));
    const jobs = [
      { job: 'daily-report', marker: 'daily.ran', schedule: '0 2 * * *', zone: 'Etc/UTC' },
      { job: 'weekly-summary', marker: 'weekly.ran', schedule: '0 8 * * 1', zone: 'Europe/Paris' },
      { job: 'cleanup', marker: 'cleanup.ran', schedule: '*/30 * * * *', zone: 'Etc/UTC' },
    ];
    for (const { job, marker, schedule, zone } of jobs) {
      const started = await startApp(dll, [job], dir, { SHOP_MARKERS: markers });
      expect(started.exitCode, `${job}: ${started.stdout}\n${started.stderr}`).toBe(0);
      expect(existsSync(join(markers, marker)), `${job} did not call the original code`).toBe(true);

      const cronJob = parse(readFileSync(join(dir, `deploy/k8s/${job}.cronjob.yaml`), 'utf8'));
      expect(cronJob.spec.schedule).toBe(schedule);
      expect(cronJob.spec.timeZone).toBe(zone);
      expect(cronJob.spec.jobTemplate.spec.template.spec.containers[0].args).toEqual([job]);
    }
    // The web app's code and registrations are untouched.
    expect(snapshot(join(dir, 'src/Shop.Web'))).toBe(snapshot(join(repoRoot, 'test/fixtures/migrate/e2e-web/src/Shop.Web')));

    // The team's last step, as printed: remove the listed registrations (bottom up, so line numbers hold), then
    // Hangfire itself. The web app then builds under the managed props and guard with 0 warnings.
    const listed = migrated.all.slice(migrated.all.indexOf('Remove these registrations'));
    const ranges = [...listed.matchAll(/^ {2}(src\/\S+):(\d+)(?:-(\d+))? {2}/gm)].map((m) => ({ file: m[1]!, from: Number(m[2]), to: Number(m[3] ?? m[2]) }));
    expect(ranges).toHaveLength(3);
    for (const { file, from, to } of ranges.sort((a, b) => b.from - a.from)) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      expect(lines[from - 1], `${file}:${from}`).toContain('RecurringJob.AddOrUpdate');
      lines.splice(from - 1, to - from + 1);
      writeFileSync(join(dir, file), lines.join('\n'));
    }
    const web = join(dir, 'src/Shop.Web');
    const withoutHangfire = (file: string, drop: RegExp) =>
      writeFileSync(file, readFileSync(file, 'utf8').split('\n').filter((line) => !drop.test(line)).join('\n'));
    withoutHangfire(join(web, 'Program.cs'), /Hangfire|^using Shop\.Reports;/);
    withoutHangfire(join(web, 'Shop.Web.csproj'), /Include="Hangfire/);
    expect(readFileSync(join(web, 'Program.cs'), 'utf8')).not.toMatch(/RecurringJob|Hangfire/);
    const webBuild = await dotnet(['build', '-warnaserror', 'src/Shop.Web'], dir);
    expect(webBuild.exitCode, webBuild.all).toBe(0);
    expect(warningCount(webBuild.all)).toBe(0);
  });
});

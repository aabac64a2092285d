/**
 * `batch-job adopt` choosing among several apps (the relay-server fixture, shaped like issue 11's repository):
 * without a terminal it refuses naming --app and the candidates; on a terminal it asks; a wrong --app is refused.
 * Every refusal is one line on stderr, exit 2, nothing written. No dotnet build: the e2e layer covers that.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { batchJobBin, snapshot, tempDir } from '../support/cli.js';
import { drivePty } from '../support/pty.js';

const relay = fileURLToPath(new URL('../fixtures/adopt/relay-server/', import.meta.url));
const CANDIDATES = 'src/Api/Api.csproj, src/Identity/Identity.csproj, src/Notifications/Notifications.csproj, util/Migrator/Migrator.csproj';
const ENTER = '\r';
const DOWN = '\x1b[B';
const CTRL_C = '\x03';

function copy(): string {
  const dir = join(tempDir('cbj-adopt-cli-'), 'relay');
  cpSync(relay, dir, { recursive: true });
  return dir;
}

async function adopt(dir: string, ...args: string[]) {
  const r = await execa(process.execPath, [batchJobBin, 'adopt', ...args], { cwd: dir, reject: false, stdin: 'ignore', env: { LANG: 'C' } });
  return { exitCode: r.exitCode, stdout: String(r.stdout), stderr: String(r.stderr) };
}

describe('batch-job adopt: several apps', () => {
  it('without a terminal and without --app: exit 2, one line naming --app and every candidate (en, es), nothing written', async () => {
    const dir = copy();
    const before = snapshot(dir);
    const en = await adopt(dir);
    expect(en.exitCode).toBe(2);
    expect(en.stderr.trim().split('\n')).toEqual([
      `--app is required: 4 apps can run as a job (candidates: ${CANDIDATES}) (example: batch-job adopt --app src/Api/Api.csproj)`,
    ]);
    const es = await adopt(dir, '--lang', 'es');
    expect(es.exitCode).toBe(2);
    expect(es.stderr.trim().split('\n')).toEqual([
      `falta --app: 4 apps pueden ejecutarse como job (candidatas: ${CANDIDATES}) (ejemplo: batch-job adopt --app src/Api/Api.csproj)`,
    ]);
    expect(snapshot(dir)).toBe(before);
  });

  it('refuses an --app that is not a candidate, saying what it is: exit 2, one line, nothing written', async () => {
    const dir = copy();
    const before = snapshot(dir);
    const cases = [
      ['src/Core/Core.csproj', 'a class library (no OutputType Exe)'],
      ['test/Api.Test/Api.Test.csproj', 'a test project'],
      ['samples/Scratch/Scratch.csproj', 'not listed in the solution'],
      ['src/Missing.csproj', 'no such project in the repository'],
    ] as const;
    for (const [app, why] of cases) {
      const r = await adopt(dir, '--app', app);
      expect(r.exitCode, app).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([
        `--app ${JSON.stringify(app)} is not an app that can run as a job: ${why} (candidates: ${CANDIDATES}) (example: batch-job adopt --app src/Api/Api.csproj)`,
      ]);
    }
    const es = await adopt(dir, '--app', 'src/Core/Core.csproj', '--lang', 'es');
    expect(es.stderr.trim().split('\n')).toEqual([
      `--app "src/Core/Core.csproj" no es una app que pueda ejecutarse como job: una biblioteca de clases (sin OutputType Exe) (candidatas: ${CANDIDATES}) (ejemplo: batch-job adopt --app src/Api/Api.csproj)`,
    ]);
    expect(snapshot(dir)).toBe(before);
  });

  it('--app adopts the Worker: shows what it found (inherited framework, central packages, banned Quartz with its version)', async () => {
    const dir = copy();
    const dry = await adopt(dir, '--app', 'src/Notifications/Notifications.csproj', '--dry-run');
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('  solution(s): Relay.slnx');
    expect(dry.stdout).toContain(`  candidates:  ${CANDIDATES}`);
    expect(dry.stdout).toContain('  app:         src/Notifications/Notifications.csproj (Microsoft.NET.Sdk.Worker, net8.0 from Directory.Build.props)');
    expect(dry.stdout).toContain('  framework:   net8.0');
    expect(dry.stdout).toContain('  central packages: Directory.Packages.props');
    expect(dry.stdout).toContain('  src/Notifications/Notifications.csproj: Quartz 4.7.3 (Quartz*');
    expect(dry.stdout).toContain('  Directory.Packages.props: Quartz 4.7.3 (Quartz*');
    // The app's schedules as migrate converts them, with the decisions left to the team; none becomes a job yet,
    // and the job host their classes will need comes now.
    const schedules = dry.stdout.slice(dry.stdout.indexOf('Recurring schedules in src/Notifications:'));
    expect(schedules.split('\n').slice(0, 9)).toEqual([
      'Recurring schedules in src/Notifications: 3 found (0 exact), as batch-job migrate converts them:',
      '  src/Notifications/Jobs/JobScheduling.cs:14  quartz  daily-digest  "0 0 7 ? * MON-FRI" -> CronJob 0 7 * * 1-5, time zone (your decision), NOT exact',
      '    decide: the zone is chosen at run time among "Eastern Standard Time" (= America/New_York), TimeZoneInfo.Local',
      '  src/Notifications/Jobs/JobScheduling.cs:18  quartz  nightly-cleanup  "0 30 2 * * ?" -> CronJob 30 2 * * *, time zone (your decision), NOT exact',
      "    decide: Quartz runs triggers without InTimeZone in the server's local zone: choose the IANA zone the server used",
      '  src/Notifications/Jobs/JobScheduling.cs:22  quartz  heartbeat  WithSimpleSchedule(x => x.WithIntervalInMinutes(15).RepeatForever()) -> CronJob */15 * * * *, time zone (your decision), NOT exact',
      "    decide: Quartz runs triggers without InTimeZone in the server's local zone: choose the IANA zone the server used",
      '  3 of 3 not written to .projenrc.ts yet: they need the decisions above. Settle each in the code, then batch-job migrate . --write adds it to .projenrc.ts with its job class in the job host.',
      '  Job host: src/Notifications.Jobs/Notifications.Jobs.csproj (managed JobHost.cs; CronJobs run it with the job name as argument). Its Program.cs registers a sample job class per job of .projenrc.ts: replace the sample work with the job code.',
    ]);
    expect(existsSync(join(dir, '.projenrc.ts'))).toBe(false);
    const es = await adopt(dir, '--app', 'src/Notifications', '--dry-run', '--lang', 'es');
    expect(es.exitCode, es.stderr).toBe(0);
    expect(es.stdout).toContain('Planificaciones recurrentes en src/Notifications: 3 encontradas (0 exactas), tal como las convierte batch-job migrate:');
    expect(es.stdout).toContain('    decide: la zona se elige en ejecución entre "Eastern Standard Time" (= America/New_York), TimeZoneInfo.Local');
    expect(es.stdout).toContain('  3 de 3 aún no se escriben en .projenrc.ts: necesitan las decisiones de arriba.');
    expect(es.stdout).toContain('  Host de jobs: src/Notifications.Jobs/Notifications.Jobs.csproj');
    expect(existsSync(join(dir, '.projenrc.ts'))).toBe(false);

    const real = await adopt(dir, '--app', 'src/Notifications/Notifications.csproj', '--name', 'relay');
    expect(real.exitCode, real.stderr).toBe(0);
    expect(readFileSync(join(dir, '.projenrc.ts'), 'utf8')).toContain("project: 'src/Notifications/Notifications.csproj'");
    expect(real.stdout).toContain('  3 of 3 not written to .projenrc.ts yet');
    expect(readFileSync(join(dir, '.projenrc.ts'), 'utf8')).toContain('jobHost: true');
    expect(existsSync(join(dir, 'src/Notifications.Jobs/JobHost.cs'))).toBe(true);
    expect(readFileSync(join(dir, '.projenrc.ts'), 'utf8')).not.toMatch(/daily-digest|nightly-cleanup|heartbeat/);
    expect(existsSync(join(dir, 'deploy/k8s/daily-digest.cronjob.yaml'))).toBe(false);

    // One app per repository: the second app is refused, saying why and where to read more.
    const before = snapshot(dir);
    const second = await adopt(dir, '--app', 'src/Api/Api.csproj');
    expect(second.exitCode).toBe(2);
    expect(second.stderr.trim().split('\n')).toHaveLength(1);
    expect(second.stderr).toContain('already has a .projenrc.ts');
    expect(second.stderr).toContain('one repository holds one app (see README, "Monorepos")');
    expect(snapshot(dir)).toBe(before);
  });

  it('bad input: a missing folder, and a project file that is not XML (named, left out, the rest still adopted)', async () => {
    const missing = await adopt(tempDir('cbj-adopt-cli-'), 'no-such-folder');
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/^directory ".*no-such-folder" is not a usable directory: not a folder \(example: batch-job adopt path\/to\/dotnet-repo\)/);

    const dir = copy();
    writeFileSync(join(dir, 'src/Identity/Identity.csproj'), '<Project Sdk="Microsoft.NET.Sdk.Web"><PropertyGroup></Project>\n');
    const before = snapshot(dir);
    const broken = await adopt(dir, '--app', 'src/Identity/Identity.csproj');
    expect(broken.exitCode).toBe(2);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toContain('--app "src/Identity/Identity.csproj" is not an app that can run as a job: its project file could not be read; could not read: src/Identity/Identity.csproj (line 1: ');
    expect(snapshot(dir)).toBe(before);

    const other = await adopt(dir, '--app', 'src/Api/Api.csproj', '--dry-run');
    expect(other.exitCode, other.stderr).toBe(0);
    expect(other.stdout).toMatch(/^  note: src\/Identity\/Identity\.csproj could not be read \(line 1: .*\); it was left out$/m);
  });

  it('on a terminal: lists the candidates and adopts the one chosen', async () => {
    const dir = copy();
    const result = await drivePty([process.execPath, batchJobBin, 'adopt', '--dry-run'], dir, [
      { expect: '4 apps can run as a job[\\s\\S]*util/Migrator/Migrator\\.csproj \\(Microsoft\\.NET\\.Sdk, net8\\.0 from Directory\\.Build\\.props\\)', send: `${DOWN}${DOWN}${ENTER}` },
      { expect: 'Dry run: nothing was written', send: '' },
    ]);
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(0);
    expect(result.transcript).toContain('app:         src/Notifications/Notifications.csproj (Microsoft.NET.Sdk.Worker');
  });

  it('on a terminal: Ctrl+C at the question exits 130 and writes nothing', async () => {
    const dir = copy();
    const before = snapshot(dir);
    const result = await drivePty([process.execPath, batchJobBin, 'adopt', '--lang', 'es'], dir, [{ expect: 'Cuál adopta este repositorio', send: CTRL_C }]);
    expect(result.failedStep, result.transcript).toBeNull();
    expect(result.exitCode, result.transcript).toBe(130);
    expect(snapshot(dir)).toBe(before);
  });
});

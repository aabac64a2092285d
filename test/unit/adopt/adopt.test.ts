/** Choosing the app among several, and adopting one of the relay-server fixture's apps in-process. */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { adopt } from '../../../src/adopt/adopt.js';
import { passesJobArgument } from '../../../src/components/kubernetes/pod-template.js';
import { AppChoiceError, chooseApp } from '../../../src/adopt/choose.js';
import { detect } from '../../../src/adopt/detect.js';
import { policy } from '../../../src/policy/index.js';
import type { MigrationReport } from '../../../src/migrate/report.js';
import { snapshot } from '../../support/cli.js';

const relay = fileURLToPath(new URL('../../fixtures/adopt/relay-server/', import.meta.url));
const candidates = ['src/Api/Api.csproj', 'src/Identity/Identity.csproj', 'src/Notifications/Notifications.csproj', 'util/Migrator/Migrator.csproj'];

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cbj-adopt-unit-')), 'relay');
  dirs.push(dirname(dir));
  cpSync(relay, dir, { recursive: true });
  return dir;
}

function choiceError(run: () => unknown): AppChoiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppChoiceError) return error;
    throw error;
  }
  throw new Error('expected an AppChoiceError');
}

describe('chooseApp', () => {
  const d = detect(relay, policy);

  it('asks for --app when several apps qualify, listing them', () => {
    const e = choiceError(() => chooseApp(d, relay, undefined));
    expect(e.problem).toBe('ambiguous');
    expect(e.candidates).toEqual(candidates);
  });

  it('takes --app relative to the repo, to the working directory, with backslashes, or as the project folder', () => {
    expect(chooseApp(d, relay, 'src/Notifications/Notifications.csproj').path).toBe('src/Notifications/Notifications.csproj');
    expect(chooseApp(d, relay, 'Api.csproj', join(relay, 'src/Api')).path).toBe('src/Api/Api.csproj');
    expect(chooseApp(d, relay, 'util\\Migrator\\Migrator.csproj').path).toBe('util/Migrator/Migrator.csproj');
    expect(chooseApp(d, relay, './src/Identity/').path).toBe('src/Identity/Identity.csproj');
  });

  it.each([
    ['src/Core/Core.csproj', 'library'],
    ['src/SharedWeb/SharedWeb.csproj', 'library'],
    ['test/Notifications.Test/Notifications.Test.csproj', 'test'],
    ['src/AppHost/AppHost.csproj', 'aspire-host'],
    ['samples/Scratch/Scratch.csproj', 'not-in-solution'],
    ['src/Nope/Nope.csproj', 'not-found'],
  ])('refuses --app %s (%s)', (given, reason) => {
    const e = choiceError(() => chooseApp(d, relay, given));
    expect([e.problem, e.reason, e.given]).toEqual(['not-candidate', reason, given]);
    expect(e.candidates).toEqual(candidates);
  });

  it('takes the only app without asking, and says when there is none', () => {
    const single = { ...d, candidates: d.candidates.slice(2, 3) };
    expect(chooseApp(single, relay, undefined).path).toBe('src/Notifications/Notifications.csproj');
    const none = choiceError(() => chooseApp({ ...d, candidates: [] }, relay, undefined));
    expect([none.problem, none.projectCount]).toEqual(['none', 10]);
  });
});

describe('adopt on the relay-server fixture', () => {
  it('--app adopts the Worker app: its project, its inherited framework, nothing of its code touched', () => {
    const dir = copy();
    const jobs = readFileSync(join(dir, 'src/Notifications/Jobs/JobScheduling.cs'), 'utf8');
    const result = adopt({ repo: dir, app: 'src/Notifications/Notifications.csproj', name: 'relay-notifications' });
    expect(result.app.path).toBe('src/Notifications/Notifications.csproj');
    expect(result.framework).toBe('net8.0');
    expect(result.options.existingApp).toEqual({ project: 'src/Notifications/Notifications.csproj' });
    const rc = readFileSync(join(dir, '.projenrc.ts'), 'utf8');
    expect(rc).toContain("project: 'src/Notifications/Notifications.csproj'");
    // The repo's own props (framework, nullable…) stay the team's: kept and recorded as unmanaged.
    expect(result.conflicts.map((c) => c.path)).toContain('Directory.Build.props');
    expect(rc).toContain("'Directory.Build.props'");
    expect(readFileSync(join(dir, 'Directory.Build.props'), 'utf8')).toContain('$(RelayTargetFramework)');
    expect(existsSync(join(dir, 'deploy/k8s/relay-notifications.cronjob.yaml'))).toBe(true);
    const dockerfile = readFileSync(join(dir, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('RUN dotnet publish src/Notifications/Notifications.csproj');
    // The restore layer sees the repo as it is on the first run: the referenced library and the props restore reads.
    const restoreLayer = dockerfile.slice(0, dockerfile.indexOf('RUN dotnet restore'));
    for (const line of ['COPY Directory.Packages.props ./', 'COPY eng/Versions.props eng/', 'COPY src/Directory.Build.props src/', 'COPY src/Core/Core.csproj src/Core/']) {
      expect(restoreLayer).toContain(line);
    }
    expect(readFileSync(join(dir, '.dockerignore'), 'utf8')).toContain('!eng/Versions.props');
    // Only policy files were added: the staged copies of the repo's own files never came back as changes.
    expect(result.plan.filter((c) => c.action === 'update').map((c) => c.path)).toEqual([]);
    expect(readFileSync(join(dir, 'src/Notifications/Jobs/JobScheduling.cs'), 'utf8')).toBe(jobs);
  });

  it('a Web SDK app runs on the aspnet image (the plain runtime cannot start it); a Worker on the runtime image', () => {
    const web = copy();
    adopt({ repo: web, app: 'src/Api/Api.csproj', name: 'relay-api' });
    const fw = policy.frameworks['net8.0'];
    expect(readFileSync(join(web, 'Dockerfile'), 'utf8')).toContain(`FROM ${fw.aspnetRuntimeImage} AS final`);
    const worker = copy();
    adopt({ repo: worker, app: 'util/Migrator/Migrator.csproj', name: 'relay-migrator' });
    expect(readFileSync(join(worker, 'Dockerfile'), 'utf8')).toContain(`FROM ${fw.runtimeImage} AS final`);
  });

  it('writes nothing when the app is ambiguous or --app is not a candidate', () => {
    const dir = copy();
    const before = snapshot(dir);
    expect(choiceError(() => adopt({ repo: dir })).problem).toBe('ambiguous');
    expect(choiceError(() => adopt({ repo: dir, app: 'src/Core/Core.csproj' })).reason).toBe('library');
    expect(snapshot(dir)).toBe(before);
  });

  it('adopts one app per repository: a second run is refused, naming why', () => {
    const dir = copy();
    adopt({ repo: dir, app: 'src/Api/Api.csproj', name: 'relay' });
    const before = snapshot(dir);
    expect(choiceError(() => adopt({ repo: dir, app: 'util/Migrator/Migrator.csproj' })).problem).toBe('already-adopted');
    expect(snapshot(dir)).toBe(before);
  });

  it('hands the migrate hook the app directory; without a job host its jobs are held back (no job argument)', () => {
    const dir = copy();
    const seen: string[] = [];
    const result = adopt({
      repo: dir,
      app: 'src/Notifications/Notifications.csproj',
      name: 'relay',
      dryRun: true,
      jobHost: false,
      scanSchedules: (appDir) => {
        seen.push(appDir);
        return { report: oneSchedule, detected: [] };
      },
    });
    expect(seen).toEqual([join(dir, 'src/Notifications')]);
    // Its CronJobs would pass no job argument (pod-template), so each would start the whole app: nothing written.
    expect(passesJobArgument(true)).toBe(false);
    expect(result.jobsRunnable).toBe(false);
    expect(result.jobHost).toBeUndefined();
    expect(result.options.jobs).toBeUndefined();
    expect(result.heldJobs).toEqual([{ job: { name: 'daily-digest', schedule: '0 7 * * 1-5', timeZone: 'America/New_York' }, where: 'src/Notifications/Digest.cs:12', reason: { kind: 'no-job-host' } }]);
    expect(result.plan.map((c) => c.path)).not.toContain('deploy/k8s/daily-digest.cronjob.yaml');
    expect(result.plan.map((c) => c.path)).toContain('deploy/k8s/relay.cronjob.yaml');
  });
});

/** One exact Hangfire schedule, as `batch-job migrate` reports it. */
const oneSchedule: MigrationReport = {
  schedules: [{
    source: '"0 7 * * 1-5"', library: 'hangfire', file: 'src/Notifications/Digest.cs', line: 12, jobId: 'daily-digest', invoked: 'DigestService.Send',
    expression: '0 7 * * 1-5', exact: true, schedule: '0 7 * * 1-5', timeZone: 'America/New_York', timeZoneWritten: 'America/New_York',
    reason: null, reasonCodes: [], guard: null, firstDifference: null, decisions: [], notes: [],
    registration: { file: 'src/Notifications/Digest.cs', line: 12, endLine: 12, text: 'RecurringJob.AddOrUpdate(...);' },
  }],
} as unknown as MigrationReport;

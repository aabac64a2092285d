/**
 * Adoption of a web app with in-process schedules: a managed console job host is added next to it (the shape a new
 * repository's app has), each Hangfire recurring job becomes a CronJob that runs the host with its name as
 * argument, and a job class per schedule calls the original code, which lives in a library the host references.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { adopt, type AdoptResult } from '../../../src/adopt/adopt.js';
import { checkDirectory } from '../../../src/check/run.js';
import { batchJobCatalogs } from '../../../src/cli/batch-job-messages.js';
import { listFiles, managedFiles, synthesize } from '../../../src/cli/plan.js';
import { appMigrationReport, writeMigration } from '../../../src/migrate/index.js';
import type { BatchJobProjectOptions } from '../../../src/project/options.js';
import { jobHostProject, resolveOptions } from '../../../src/project/validate.js';
import { repoRoot, snapshot } from '../../support/cli.js';
import { refusal } from '../../support/refusal.js';
import { synthFiles } from '../../support/synth.js';

const WEB = join(repoRoot, 'test/fixtures/migrate/e2e-web');
const HOST = 'src/Shop.Web.Jobs';
const JOBS = [
  { name: 'daily-report', schedule: '0 2 * * *', timeZone: 'Etc/UTC', line: 9, className: 'DailyReportJob' },
  { name: 'weekly-summary', schedule: '0 8 * * 1', timeZone: 'Europe/Paris', line: 13, className: 'WeeklySummaryJob' },
  { name: 'cleanup', schedule: '*/30 * * * *', timeZone: 'Etc/UTC', line: 15, className: 'CleanupJob' },
];

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyOf(fixture: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cbj-adopt-host-')), 'repo');
  dirs.push(dirname(dir));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** Adopts `repo`'s app with the real migrate scan, as the CLI does. */
async function adoptWithScan(repo: string, app: string, extra: { jobHost?: boolean; dryRun?: boolean } = {}): Promise<AdoptResult> {
  const appDir = join(repo, dirname(app));
  const scan = await appMigrationReport(repo, appDir);
  return adopt({ repo, name: 'shop', app, scanSchedules: (dir) => (dir === appDir ? scan : undefined), ...extra });
}

/** The options object of a `.projenrc.ts` as `create`/`adopt` render it. */
function optionsOf(projenrc: string): BatchJobProjectOptions {
  const start = projenrc.indexOf('new BatchJobProject(') + 'new BatchJobProject('.length;
  const end = projenrc.lastIndexOf(');\n\nproject.synth()');
  return new Function(`return (${projenrc.slice(start, end)});`)() as BatchJobProjectOptions;
}

const read = (repo: string, path: string) => readFileSync(join(repo, path), 'utf8');
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['ItemGroup', 'ProjectReference', 'PackageReference'].includes(name) });
const findingKeys = (report: Awaited<ReturnType<typeof checkDirectory>>) => report.findings.map((f) => `${f.rule} ${f.file}:${f.line ?? ''} ${f.message}`);

describe('adopt a web app with three Hangfire jobs whose code lives in a library', () => {
  let repo: string;
  let result: AdoptResult;
  let findingsBefore: string[];
  beforeAll(async () => {
    repo = copyOf(WEB);
    findingsBefore = findingKeys(await checkDirectory(repo, 'shop', { kubectl: false }));
    result = await adoptWithScan(repo, 'src/Shop.Web/Shop.Web.csproj');
  });

  it('places the job host next to the app', () => {
    expect(jobHostProject('src/Shop.Web/Shop.Web.csproj')).toBe(`${HOST}/Shop.Web.Jobs.csproj`);
    expect(jobHostProject('Api/Api.csproj')).toBe('Api.Jobs/Api.Jobs.csproj');
  });

  it('adds a console job-host project referencing the library, not the web app, and leaves the app as it was', () => {
    expect(result.jobsRunnable).toBe(true);
    expect(result.heldJobs).toEqual([]);
    expect(result.jobHost).toEqual({
      project: `${HOST}/Shop.Web.Jobs.csproj`,
      references: ['src/Shop.Reports/Shop.Reports.csproj'],
      classes: JOBS.map((j) => `${HOST}/Jobs/Migrated/${j.className}.cs`),
    });
    const project = xml.parse(read(repo, `${HOST}/Shop.Web.Jobs.csproj`)).Project;
    expect(project['@_Sdk']).toBe('Microsoft.NET.Sdk');
    expect(project.PropertyGroup.OutputType).toBe('Exe');
    const groups = project.ItemGroup as { ProjectReference?: { '@_Include': string }[]; PackageReference?: { '@_Include': string }[] }[];
    expect(groups.flatMap((g) => g.ProjectReference ?? []).map((r) => r['@_Include'])).toEqual(['../Shop.Reports/Shop.Reports.csproj']);
    expect([...new Set(groups.flatMap((g) => g.PackageReference ?? []).map((r) => r['@_Include']))]).toEqual(['Microsoft.Extensions.Hosting', 'Microsoft.Extensions.Options.DataAnnotations']);

    // The managed job host of a new repository, in the host's namespace; its telemetry packages reach that project.
    const jobHost = read(repo, `${HOST}/JobHost.cs`);
    expect(jobHost).toMatch(/^\/\/ ~~ Generated by projen/);
    expect(jobHost).toContain('namespace Shop.Web.Jobs;');
    expect(jobHost).toContain('public static async Task<int> RunAsync(string[] args, Action<JobCollection> configureJobs)');
    expect(read(repo, `${HOST}/JobTelemetry.cs`)).toContain('namespace Shop.Web.Jobs;');
    expect(read(repo, 'Directory.Build.props')).toContain("'$(MSBuildProjectName)' == 'Shop.Web.Jobs'".replaceAll("'", '&apos;'));

    // Each class is registered by the team-owned Program.cs; no sample job is written beside them.
    const program = read(repo, `${HOST}/Program.cs`);
    for (const j of JOBS) {
      expect(program).toContain(`    Shop.Web.Jobs.Jobs.Migrated.${j.className}.Register(jobs);`);
      const cls = read(repo, `${HOST}/Jobs/Migrated/${j.className}.cs`);
      expect(cls).toContain(`jobs.Add<${j.className}>("${j.name}");`);
      expect(cls).toContain('namespace Shop.Web.Jobs.Jobs.Migrated;');
      expect(cls).toMatch(new RegExp(`^// Written by batch-job adopt from src/Shop.Web/Program.cs:${j.line} `));
    }
    expect(read(repo, `${HOST}/Jobs/Migrated/DailyReportJob.cs`)).toContain('jobs.Services.TryAddTransient<ReportService>();');
    expect(listFiles(join(repo, HOST)).filter((f) => f.startsWith('Jobs/') && !f.startsWith('Jobs/Migrated/'))).toEqual([]);

    expect(snapshot(join(repo, 'src/Shop.Web'))).toBe(snapshot(join(WEB, 'src/Shop.Web')));
    expect(snapshot(join(repo, 'src/Shop.Reports'))).toBe(snapshot(join(WEB, 'src/Shop.Reports')));
  });

  it('writes the CronJobs with the converted schedules and zones, the job name as argument and the job host env', () => {
    for (const j of JOBS) {
      const cronJob = parse(read(repo, `deploy/k8s/${j.name}.cronjob.yaml`));
      expect(cronJob.spec.schedule).toBe(j.schedule);
      expect(cronJob.spec.timeZone).toBe(j.timeZone);
      const container = cronJob.spec.jobTemplate.spec.template.spec.containers[0];
      expect(container.args).toEqual([j.name]);
      const env = Object.fromEntries((container.env as { name: string; value?: string }[]).map((e) => [e.name, e.value]));
      expect(env.TERMINATION_GRACE_PERIOD_SECONDS).toBe(String(cronJob.spec.jobTemplate.spec.template.spec.terminationGracePeriodSeconds));
      expect(env.OTEL_SERVICE_NAME).toBe(j.name);
    }
    expect(existsSync(join(repo, 'deploy/k8s/shop.cronjob.yaml'))).toBe(false);
    const readme = read(repo, 'README.md');
    expect(readme).toContain(`runs in the console job host \`${HOST}/Shop.Web.Jobs.csproj\``);
    for (const j of JOBS) expect(readme).toContain(`| \`${j.name}\` | \`dotnet run --project ${HOST} -- ${j.name}\` |`);
  });

  it('builds the image from the job host: its restore layer copies the library it references, not the web app', () => {
    const dockerfile = read(repo, 'Dockerfile');
    expect(dockerfile).toContain('COPY src/Shop.Reports/Shop.Reports.csproj src/Shop.Reports/');
    expect(dockerfile).toContain(`COPY ${HOST}/Shop.Web.Jobs.csproj ${HOST}/`);
    expect(dockerfile).toContain(`RUN dotnet restore ${HOST}/Shop.Web.Jobs.csproj`);
    expect(dockerfile).toContain(`RUN dotnet publish ${HOST}/Shop.Web.Jobs.csproj`);
    expect(dockerfile).toContain('ENTRYPOINT ["dotnet", "Shop.Web.Jobs.dll"]');
    expect(dockerfile).not.toContain('Shop.Web.csproj');
    // A console host: the runtime image, not ASP.NET Core's.
    expect(dockerfile).toMatch(/^FROM mcr\.microsoft\.com\/dotnet\/runtime:/m);
  });

  it('records the host and the jobs in .projenrc.ts, each with where it came from', () => {
    const projenrc = read(repo, '.projenrc.ts');
    const options = optionsOf(projenrc);
    expect(options.existingApp).toEqual({ project: 'src/Shop.Web/Shop.Web.csproj', jobHost: true, jobHostReferences: ['src/Shop.Reports/Shop.Reports.csproj'] });
    expect(options.jobs).toEqual(JOBS.map((j) => ({ name: j.name, schedule: j.schedule, timeZone: j.timeZone })));
    for (const j of JOBS) expect(projenrc).toMatch(new RegExp(`// migrated from src/Shop.Web/Program.cs:${j.line} \\(hangfire, exact\\)\\n\\s*\\{\\n\\s*name: '${j.name}',`));
  });

  it('is stable: check finds nothing new, a re-sync changes no managed file, migrate --write adds nothing', async () => {
    const after = findingKeys(await checkDirectory(repo, 'shop', { kubectl: false }));
    expect(after.filter((f) => !findingsBefore.includes(f))).toEqual([]);

    // `npx projen` in the adopted repo: the options of its .projenrc.ts synthesised over a copy of it.
    const copy = copyOf(repo);
    synthesize({ ...optionsOf(read(repo, '.projenrc.ts')), outdir: copy }, copy);
    const managed = [...managedFiles(copy)].filter((p) => existsSync(join(copy, p)));
    expect(managed).toContain(`${HOST}/JobHost.cs`);
    expect(managed).toContain('Dockerfile');
    for (const path of managed) expect(read(copy, path), path).toBe(read(repo, path));
    expect(snapshot(join(copy, HOST))).toBe(snapshot(join(repo, HOST)));

    const before = snapshot(repo);
    const { report, detected } = await appMigrationReport(repo, join(repo, 'src/Shop.Web'));
    const written = writeMigration(repo, report, detected);
    expect(written.jobs).toEqual([]);
    expect(written.classes).toEqual([]);
    expect(written.remove).toHaveLength(3);
    expect(snapshot(repo)).toBe(before);
  });
});

describe('adopt: schedules the job host cannot take', () => {
  it("holds a job whose code is declared in the web app itself, naming the class to move, in English and Spanish", async () => {
    const repo = copyOf(WEB);
    renameSync(join(repo, 'src/Shop.Reports/Services.cs'), join(repo, 'src/Shop.Web/Services.cs'));
    const web = join(repo, 'src/Shop.Web/Shop.Web.csproj');
    writeFileSync(web, read(repo, 'src/Shop.Web/Shop.Web.csproj').replace(/\s*<ItemGroup>\s*<ProjectReference[^]*?<\/ItemGroup>/, ''));
    const result = await adoptWithScan(repo, 'src/Shop.Web/Shop.Web.csproj', { dryRun: true });
    expect(result.jobHost?.references).toEqual([]);
    expect(result.jobHost?.classes).toEqual([]);
    expect(result.options.jobs).toBeUndefined();
    expect(result.heldJobs.map((h) => [h.job.name, h.where, h.reason])).toEqual([
      ['daily-report', 'src/Shop.Web/Program.cs:9', { kind: 'in-app', type: 'ReportService', file: 'src/Shop.Web/Services.cs' }],
      ['weekly-summary', 'src/Shop.Web/Program.cs:13', { kind: 'in-app', type: 'ReportService', file: 'src/Shop.Web/Services.cs' }],
      ['cleanup', 'src/Shop.Web/Program.cs:15', { kind: 'in-app', type: 'CleanupService', file: 'src/Shop.Web/Services.cs' }],
    ]);
    const held = result.heldJobs[0]!;
    expect(batchJobCatalogs.en.jobHeld(held.where, held.job.name, held.reason)).toContain('Next: move ReportService into a library project');
    expect(batchJobCatalogs.es.jobHeld(held.where, held.job.name, held.reason)).toContain('Siguiente: mueve ReportService a un proyecto de biblioteca');
    // With nothing migrated, the job host still comes (the schedules need it once moved), with a sample job.
    expect(batchJobCatalogs.en.jobHostAdded(result.jobHost!.project, [], 0)).toContain('registers a sample job class per job');
    expect(batchJobCatalogs.es.jobHostAdded(result.jobHost!.project, [], 0)).toContain('registra una clase de job de ejemplo');
    expect(batchJobCatalogs.es.jobHostAdded(result.jobHost!.project, ['src/Lib/Lib.csproj'], 3)).toContain('con referencia a src/Lib/Lib.csproj. 3 job(s) migrados');
  });

  it('holds a job whose library brings a banned package (referencing it would fail the build)', async () => {
    const repo = copyOf(WEB);
    const lib = join(repo, 'src/Shop.Reports/Shop.Reports.csproj');
    writeFileSync(lib, '<Project Sdk="Microsoft.NET.Sdk">\n  <ItemGroup>\n    <PackageReference Include="Hangfire.Core" Version="1.8.25" />\n  </ItemGroup>\n</Project>\n');
    const result = await adoptWithScan(repo, 'src/Shop.Web/Shop.Web.csproj', { dryRun: true });
    expect(result.heldJobs.map((h) => h.reason.kind)).toEqual(['banned-project', 'banned-project', 'banned-project']);
    expect(result.options.existingApp).toEqual({ project: 'src/Shop.Web/Shop.Web.csproj', jobHost: true });
  });

  it('refuses, writing nothing, when a project already sits where the job host goes', async () => {
    const repo = copyOf(WEB);
    cpSync(join(repo, 'src/Shop.Reports'), join(repo, HOST), { recursive: true });
    renameSync(join(repo, HOST, 'Shop.Reports.csproj'), join(repo, HOST, 'Shop.Web.Jobs.csproj'));
    const before = snapshot(repo);
    const error = refusal(() => adopt({ repo, name: 'shop', app: 'src/Shop.Web/Shop.Web.csproj', jobHost: true }));
    expect(error.field).toBe('job-host');
    expect(error.value).toBe(`${HOST}/Shop.Web.Jobs.csproj`);
    expect(error.example).toBe(`git mv ${HOST} ${HOST}.Old`);
    expect(snapshot(repo)).toBe(before);
  });

  it('a static call needs no reference; without a job host (--job-host off) the jobs stay held', async () => {
    const repo = copyOf(join(repoRoot, 'test/fixtures/adopt/hangfire-web'));
    const result = await adoptWithScan(repo, 'src/Scheduler/Scheduler.csproj', { dryRun: true });
    expect(result.jobHost).toEqual({ project: 'src/Scheduler.Jobs/Scheduler.Jobs.csproj', references: [], classes: ['src/Scheduler.Jobs/Jobs/Migrated/NightlyReportJob.cs'] });
    expect(result.options.jobs).toEqual([{ name: 'nightly-report', schedule: '0 2 * * *', timeZone: 'Etc/UTC' }]);

    const without = await adoptWithScan(repo, 'src/Scheduler/Scheduler.csproj', { dryRun: true, jobHost: false });
    expect(without.jobsRunnable).toBe(false);
    expect(without.heldJobs.map((h) => h.reason.kind)).toEqual(['no-job-host']);
    expect(without.plan.map((c) => c.path).filter((p) => p.includes('Scheduler.Jobs'))).toEqual([]);
  });
});

describe('existingApp.jobHost in .projenrc.ts (also `adopt --job-host` on an app without schedules)', () => {
  const options = { name: 'shop', existingApp: { project: 'src/Shop.Web/Shop.Web.csproj', jobHost: true }, jobs: [{ name: 'nightly' }] } as const;

  it('gives a job without a migrated class the sample job of a new repository, registered by the host', () => {
    const files = synthFiles(options);
    expect(files.get(`${HOST}/Jobs/NightlyJob.cs`)).toContain('public sealed partial class NightlyJob : IJob');
    expect(files.get(`${HOST}/Program.cs`)).toContain('jobs.Add<NightlyJob, NightlyJobOptions>("nightly");');
    expect(files.get(`${HOST}/Program.cs`)).toContain('using Shop.Web.Jobs.Jobs;');
    expect(parse(files.get('deploy/k8s/nightly.cronjob.yaml')!).spec.jobTemplate.spec.template.spec.containers[0].args).toEqual(['nightly']);
    // Nothing of the app is written, and without the option the adopted app keeps its own command line.
    expect([...files.keys()].filter((p) => p.startsWith('src/Shop.Web/'))).toEqual([]);
    const plain = synthFiles({ ...options, existingApp: { project: options.existingApp.project } });
    expect([...plain.keys()].filter((p) => p.startsWith(`${HOST}/`))).toEqual([]);
    expect(parse(plain.get('deploy/k8s/nightly.cronjob.yaml')!).spec.jobTemplate.spec.template.spec.containers[0].args).toBeUndefined();
  });

  it('references its packages in a form valid with and without central package management (no NU1008)', () => {
    const files = synthFiles(options);
    const groups = xml.parse(files.get(`${HOST}/Shop.Web.Jobs.csproj`)!).Project.ItemGroup as { '@_Condition'?: string; PackageReference?: Record<string, string>[] }[];
    const central = groups.find((g) => g['@_Condition'] === "'$(ManagePackageVersionsCentrally)' == 'true'")!.PackageReference!;
    const perProject = groups.find((g) => g['@_Condition'] === "'$(ManagePackageVersionsCentrally)' != 'true'")!.PackageReference!;
    expect(central.map((r) => r['@_Include'])).toEqual(['Microsoft.Extensions.Hosting', 'Microsoft.Extensions.Options.DataAnnotations']);
    expect(central.every((r) => r['@_VersionOverride'] && !r['@_Version'])).toBe(true);
    expect(perProject.every((r) => r['@_Version'] && !r['@_VersionOverride'])).toBe(true);
    const props = xml.parse(files.get('Directory.Build.props')!).Project.ItemGroup as { '@_Condition'?: string; PackageReference?: Record<string, string>[] }[];
    const telemetry = props.filter((g) => g['@_Condition']?.startsWith("'$(MSBuildProjectName)' == 'Shop.Web.Jobs' and "));
    expect(telemetry.map((g) => g.PackageReference!.map((r) => Object.keys(r).sort().join(',')))).toEqual([
      ['@_Include,@_Version', '@_Include,@_Version', '@_Include,@_Version'],
      ['@_Include,@_VersionOverride', '@_Include,@_VersionOverride', '@_Include,@_VersionOverride'],
    ]);
  });

  it("brings the telemetry packages itself when the team keeps its own Directory.Build.props (the policy's is not written)", () => {
    const includes = (files: Map<string, string>) =>
      [...new Set((xml.parse(files.get(`${HOST}/Shop.Web.Jobs.csproj`)!).Project.ItemGroup as { PackageReference?: Record<string, string>[] }[]).flatMap((g) => g.PackageReference ?? []).map((r) => r['@_Include']))];
    const own = synthFiles({ ...options, unmanaged: ['Directory.Build.props'] });
    expect(own.has('Directory.Build.props')).toBe(false);
    expect(includes(own)).toEqual(['Microsoft.Extensions.Hosting', 'Microsoft.Extensions.Options.DataAnnotations', 'OpenTelemetry', 'OpenTelemetry.Extensions.Hosting', 'OpenTelemetry.Exporter.OpenTelemetryProtocol']);
    // With the policy's props the packages come from there: a second reference would be a duplicate (NU1504).
    expect(includes(synthFiles(options))).toEqual(['Microsoft.Extensions.Hosting', 'Microsoft.Extensions.Options.DataAnnotations']);
  });

  it('describes the job host in the Spanish README too', () => {
    const readme = synthFiles({ ...options, lang: 'es' }).get('README.md')!;
    expect(readme).toContain(`se ejecuta en el host de jobs de consola \`${HOST}/Shop.Web.Jobs.csproj\``);
    expect(readme).toContain(`| \`nightly\` | \`dotnet run --project ${HOST} -- nightly\` |`);
  });

  it('refuses references without a job host, or that are not project files, naming the field and an example', () => {
    const noHost = refusal(() => resolveOptions({ ...options, existingApp: { project: options.existingApp.project, jobHostReferences: ['src/Lib/Lib.csproj'] } }));
    expect(noHost.field).toBe('existingApp.jobHostReferences');
    expect(noHost.example).toContain('jobHost: true');
    const notProject = refusal(() => resolveOptions({ ...options, existingApp: { ...options.existingApp, jobHostReferences: ['src/Lib'] } }));
    expect(notProject.field).toBe('existingApp.jobHostReferences[0]');
    expect(notProject.example).toBe('src/Billing/Billing.csproj');
    const notBoolean = refusal(() => resolveOptions({ ...options, existingApp: { ...options.existingApp, jobHost: 'yes' as unknown as boolean } }));
    expect(notBoolean.field).toBe('existingApp.jobHost');
  });
});

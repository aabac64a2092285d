import { existsSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { Project } from 'projen';
import type { JobHostModel, RepoContext } from '../../project/context.js';
import { ManagedTextFile } from '../../project/managed-file.js';
import { TeamFile } from '../../project/team-file.js';
import { inputDir } from '../../project/input-dir.js';
import { migratedJobPath, migratedRegistration } from './migrated-jobs.js';
import { appCsproj, appSettings, dotnetLayout, type DotnetContext } from './msbuild.js';
import { dotnetTemplateVars, renderTemplate } from './templates.js';

/**
 * The console job host added next to an adopted app (`existingApp.jobHost`): the managed `JobHost.cs` and
 * `JobTelemetry.cs` a new repository gets, and a team-owned project, `appsettings.json` and `Program.cs`. Each job
 * is registered through the class `batch-job migrate` wrote for it (`Jobs/Migrated/`) when that file is there when
 * the host is created; any other job gets the sample job class a new repository gets. The app itself is not touched.
 */
export function addJobHostFiles(project: Project, ctx: RepoContext, host: JobHostModel, dctx: DotnetContext): void {
  const dir = host.projectDir;
  new ManagedTextFile(project, `${dir}/JobHost.cs`, {
    comment: 'slash',
    contents: (header) => renderTemplate('dotnet/JobHost.cs.hbs', dotnetTemplateVars(dctx, header)),
  });
  new ManagedTextFile(project, `${dir}/JobTelemetry.cs`, {
    comment: 'slash',
    contents: (header) => renderTemplate('dotnet/JobTelemetry.cs.hbs', dotnetTemplateVars(dctx, header)),
  });

  // Decided when the project is built: adoption stages the migrated classes before it synthesises.
  const migrated = new Set(ctx.jobs.filter((job) => existsSync(join(inputDir(project), migratedJobPath(dir, job.name)))).map((job) => job.name));
  const samples = ctx.jobs.filter((job) => !migrated.has(job.name));
  const references = host.references.map((r) => posix.relative(dir, r));
  const vars = dotnetTemplateVars({ ...dctx, jobs: samples }, '');
  // A repository that keeps its own Directory.Build.props (unmanaged) gets no telemetry packages from the policy's.
  const ownBuildProps = ctx.options.unmanaged.includes(dotnetLayout(dctx).directoryBuildProps);
  new TeamFile(project, host.project, () => appCsproj(dctx, references, ownBuildProps));
  new TeamFile(project, `${dir}/appsettings.json`, () => `${JSON.stringify(appSettings({ ...dctx, jobs: samples }), null, 2)}\n`);
  new TeamFile(project, `${dir}/Program.cs`, () =>
    renderTemplate('dotnet/JobHostProgram.cs.hbs', {
      appName: host.appName,
      adoptedApp: ctx.options.app.project,
      jobs: ctx.jobs,
      samples: samples.length > 0,
      registrations: ctx.jobs.map((job) =>
        migrated.has(job.name) ? migratedRegistration(host.appName, job.name) : `jobs.Add<${job.className}, ${job.className}Options>("${job.name}");`),
    }));
  for (const job of samples) {
    new TeamFile(project, `${dir}/Jobs/${job.className}.cs`, () => renderTemplate('dotnet/Job.cs.hbs', { ...vars, job }));
  }
}

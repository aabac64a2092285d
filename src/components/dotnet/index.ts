import { JsonFile } from 'projen/lib/json.js';
import { TeamFile } from '../../project/team-file.js';
import type { Project } from 'projen';
import { runsJobHost, type RepoContext } from '../../project/context.js';
import { addJobHostFiles } from './job-host-project.js';
import { ManagedTextFile } from '../../project/managed-file.js';
import {
  appCsproj,
  appSettings,
  bannedSymbols,
  directoryBuildProps,
  directoryBuildTargets,
  directoryPackagesProps,
  dotnetLayout,
  globalJson,
  solution,
  teamPackagesProps,
  testsCsproj,
  type DotnetContext,
} from './msbuild.js';
import { addDotnetTasks } from './tasks.js';
import { dotnetTemplateVars, renderTemplate } from './templates.js';
import { sortUsings } from './usings.js';

function dotnetContext(ctx: RepoContext): DotnetContext {
  return {
    // An adopted app's job host is the project the policy's telemetry and job host files are for.
    appName: ctx.jobHost?.appName ?? ctx.appName, name: ctx.name, framework: ctx.framework, jobs: ctx.jobs, policy: ctx.policy, telemetry: runsJobHost(ctx),
    invariantGlobalization: ctx.options.runtimeImage === 'chiseled', adopted: ctx.existingApp, centralPackages: ctx.options.packageManagement === 'central',
  };
}

/**
 * The .NET side of the repo. Managed: build props/targets (framework, analyzers, banned packages), banned
 * symbols, global.json and the job host that implements the exit-code contract. Samples: solution, projects,
 * Program.cs, one class per job, tests (not for an adopted app, which keeps its own code).
 */
export function addDotnetFiles(project: Project, ctx: RepoContext): void {
  const dctx = dotnetContext(ctx);
  const layout = dotnetLayout(dctx);

  new ManagedTextFile(project, layout.directoryBuildProps, { comment: 'xml', contents: () => directoryBuildProps(dctx) });
  new ManagedTextFile(project, layout.directoryBuildTargets, { comment: 'xml', contents: () => directoryBuildTargets(dctx) });
  if (dctx.centralPackages) {
    new ManagedTextFile(project, layout.directoryPackagesProps, { comment: 'xml', contents: () => directoryPackagesProps(dctx) });
    new TeamFile(project, layout.teamPackagesProps, teamPackagesProps);
  }
  new ManagedTextFile(project, layout.bannedSymbols, { comment: 'slash', contents: () => bannedSymbols(dctx) });
  new JsonFile(project, layout.globalJson, { obj: globalJson(dctx), readonly: true });
  addDotnetTasks(project, ctx);
  // An adopted app keeps its own entry point: the job host comes next to it, on request, and no samples.
  if (ctx.existingApp) {
    if (ctx.jobHost) addJobHostFiles(project, ctx, ctx.jobHost, dctx);
    return;
  }
  new ManagedTextFile(project, layout.jobHostCs, {
    comment: 'slash',
    contents: (header) => renderTemplate('dotnet/JobHost.cs.hbs', dotnetTemplateVars(dctx, header)),
  });
  new ManagedTextFile(project, layout.jobTelemetryCs, {
    comment: 'slash',
    contents: (header) => renderTemplate('dotnet/JobTelemetry.cs.hbs', dotnetTemplateVars(dctx, header)),
  });

  const vars = dotnetTemplateVars(dctx, '');
  new TeamFile(project, layout.solution, () => solution(dctx));
  new TeamFile(project, layout.appCsproj, () => appCsproj(dctx));
  new TeamFile(project, layout.appSettings, () => `${JSON.stringify(appSettings(dctx), null, 2)}\n`);
  new TeamFile(project, layout.programCs, () => renderTemplate('dotnet/Program.cs.hbs', vars));
  new TeamFile(project, layout.testsCsproj, () => testsCsproj(dctx));
  for (const job of ctx.jobs) {
    const jobVars = { ...vars, job, testUsings: sortUsings(['Microsoft.Extensions.Logging.Abstractions', 'Microsoft.Extensions.Options', `${dctx.appName}.Jobs`]) };
    new TeamFile(project, layout.jobCs(job), () => renderTemplate('dotnet/Job.cs.hbs', jobVars));
    new TeamFile(project, layout.jobTestsCs(job), () => renderTemplate('dotnet/JobTests.cs.hbs', jobVars));
  }
}

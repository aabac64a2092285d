import { JsonFile, SampleFile, type Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import { ManagedTextFile } from '../../project/managed-file.js';
import {
  appCsproj,
  appSettings,
  bannedSymbols,
  directoryBuildProps,
  directoryBuildTargets,
  dotnetLayout,
  globalJson,
  solution,
  testsCsproj,
  type DotnetContext,
} from './msbuild.js';
import { addDotnetTasks } from './tasks.js';
import { dotnetTemplateVars, renderTemplate } from './templates.js';

function dotnetContext(ctx: RepoContext): DotnetContext {
  return { appName: ctx.appName, name: ctx.name, framework: ctx.framework, jobs: ctx.jobs, policy: ctx.policy, telemetry: !ctx.existingApp };
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
  new ManagedTextFile(project, layout.bannedSymbols, { comment: 'slash', contents: () => bannedSymbols(dctx) });
  new JsonFile(project, layout.globalJson, { obj: globalJson(dctx), readonly: true });
  addDotnetTasks(project, ctx);
  // An adopted app keeps its own entry point: the job host and the samples come only with a new app.
  if (ctx.existingApp) return;
  new ManagedTextFile(project, layout.jobHostCs, {
    comment: 'slash',
    contents: (header) => renderTemplate('dotnet/JobHost.cs.hbs', dotnetTemplateVars(dctx, header)),
  });
  new ManagedTextFile(project, layout.jobTelemetryCs, {
    comment: 'slash',
    contents: (header) => renderTemplate('dotnet/JobTelemetry.cs.hbs', dotnetTemplateVars(dctx, header)),
  });

  const vars = dotnetTemplateVars(dctx, '');
  new SampleFile(project, layout.solution, { contents: solution(dctx) });
  new SampleFile(project, layout.appCsproj, { contents: appCsproj(dctx) });
  new SampleFile(project, layout.appSettings, { contents: `${JSON.stringify(appSettings(dctx), null, 2)}\n` });
  new SampleFile(project, layout.programCs, { contents: renderTemplate('dotnet/Program.cs.hbs', vars) });
  new SampleFile(project, layout.testsCsproj, { contents: testsCsproj(dctx) });
  for (const job of ctx.jobs) {
    const jobVars = { ...vars, job };
    new SampleFile(project, layout.jobCs(job), { contents: renderTemplate('dotnet/Job.cs.hbs', jobVars) });
    new SampleFile(project, layout.jobTestsCs(job), { contents: renderTemplate('dotnet/JobTests.cs.hbs', jobVars) });
  }
}

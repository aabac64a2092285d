import type { Project } from 'projen';
import type { RepoContext } from '../../project/context.js';

/**
 * What `npx projen build` and `npx projen test` run in the generated repository. projen users expect `build` to
 * compile and test the code; for a .NET repository that is `dotnet build` (warnings are errors, analyzers and the
 * banned-package guard run) and `dotnet test`. The target is the solution, or the adopted app's project (its job
 * host's, when it has one).
 */
export function dotnetTaskCommands(ctx: RepoContext): { compile: string; test: string } {
  // An adopted app with a job host: the host is what the image ships (the app may still hold the scheduler the
  // policy's build guard refuses until the team removes it).
  const target = ctx.jobHost?.project ?? (ctx.existingApp ? ctx.options.app.project : `${ctx.appName}.sln`);
  return { compile: `dotnet build ${target} -warnaserror`, test: `dotnet test ${target}` };
}

export function addDotnetTasks(project: Project, ctx: RepoContext): void {
  const commands = dotnetTaskCommands(ctx);
  project.compileTask.exec(commands.compile);
  project.testTask.exec(commands.test);
}

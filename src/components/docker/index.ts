import type { Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import { ManagedTextFile } from '../../project/managed-file.js';
import { dockerignore, renderDockerfile, sourceDirs } from './dockerfile.js';
import { projectClosure } from './project-closure.js';

/** The container image: a managed multi-stage Dockerfile and its ignore file. */
export function addDockerFiles(project: Project, ctx: RepoContext): void {
  const projects = projectClosure(project.outdir, ctx.options.app.project);
  const dirs = sourceDirs(ctx.sourceRoot, projects.map((file) => file.split('/').slice(0, -1).join('/') || '.'));
  new ManagedTextFile(project, 'Dockerfile', {
    comment: 'hash',
    contents: (header) =>
      renderDockerfile({
        generatedHeader: header,
        appName: ctx.appName,
        projectDir: ctx.projectDir,
        sourceRoot: ctx.sourceRoot,
        projects,
        framework: ctx.framework,
        policy: ctx.policy,
      }),
  });
  new ManagedTextFile(project, '.dockerignore', { comment: 'hash', contents: () => dockerignore(ctx.sourceRoot, dirs).join('\n') });
}

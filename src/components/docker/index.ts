import type { Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import { ManagedTextFile } from '../../project/managed-file.js';
import { dockerignore, renderDockerfile } from './dockerfile.js';

/** The container image: a managed multi-stage Dockerfile and its ignore file. */
export function addDockerFiles(project: Project, ctx: RepoContext): void {
  new ManagedTextFile(project, 'Dockerfile', {
    comment: 'hash',
    contents: (header) =>
      renderDockerfile({
        generatedHeader: header,
        appName: ctx.appName,
        projectDir: ctx.projectDir,
        sourceRoot: ctx.sourceRoot,
        framework: ctx.framework,
        policy: ctx.policy,
      }),
  });
  new ManagedTextFile(project, '.dockerignore', { comment: 'hash', contents: () => dockerignore(ctx.sourceRoot).join('\n') });
}

import type { Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import { ManagedTextFile } from '../../project/managed-file.js';
import { CENTRAL_PACKAGE_FILES, dockerignore, renderDockerfile, sourceDirs } from './dockerfile.js';
import { inputDir } from '../../project/input-dir.js';
import { appNeedsAspNetCore, msbuildInputs, projectClosure } from './project-closure.js';

/** The container image: a managed multi-stage Dockerfile and its ignore file. */
export function addDockerFiles(project: Project, ctx: RepoContext): void {
  const repoDir = inputDir(project);
  // The image runs the job host when there is one: the adopted app's job host, built with what it references
  // (named in the options, since on the first synthesis the host's project file is not on disk yet).
  const host = ctx.jobHost;
  const projects = host
    ? [...new Set([host.project, ...projectClosure(repoDir, host.project), ...host.references.flatMap((r) => projectClosure(repoDir, r))])].sort()
    : projectClosure(repoDir, ctx.options.app.project);
  const central = ctx.options.packageManagement === 'central';
  // Under central management the restore layer already copies the root package files; listing them again
  // (re-synthesis reads them from disk as imports) would duplicate the COPY and the ignore rule.
  const buildFiles = msbuildInputs(repoDir, projects).filter((file) => !(central && CENTRAL_PACKAGE_FILES.includes(file)));
  const dirs = sourceDirs(ctx.sourceRoot, projects.map((file) => file.split('/').slice(0, -1).join('/') || '.'));
  new ManagedTextFile(project, 'Dockerfile', {
    comment: 'hash',
    contents: (header) =>
      renderDockerfile({
        generatedHeader: header,
        appName: host?.appName ?? ctx.appName,
        projectDir: host?.projectDir ?? ctx.projectDir,
        sourceRoot: ctx.sourceRoot,
        projects,
        buildFiles,
        // Only an adopted app can be a web app; the generated console app never is.
        // The job host is a console app; it needs ASP.NET Core only through a library it references.
        aspNetCore: ctx.existingApp && (host ? projects.some((p) => appNeedsAspNetCore(repoDir, p)) : appNeedsAspNetCore(repoDir, ctx.options.app.project)),
        framework: ctx.framework,
        runtimeImage: ctx.options.runtimeImage,
        centralPackages: central,
        policy: ctx.policy,
      }),
  });
  new ManagedTextFile(project, '.dockerignore', { comment: 'hash', contents: () => dockerignore(ctx.sourceRoot, dirs, buildFiles, central).join('\n') });
}

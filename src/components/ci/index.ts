import { ManagedYamlFile } from '../../project/managed-yaml-file.js';
import type { Project } from 'projen';
import type { RepoContext } from '../../project/context.js';
import { AZURE_PIPELINE, azurePipeline } from './azure.js';
import { defaultCiFeatures, type CiFeatures } from './compliance.js';
import { dependabotConfig } from './dependabot.js';
import { buildWorkflow, deployWorkflow, policyUpdateWorkflow, WORKFLOWS_DIR } from './github.js';
import { GITLAB_PIPELINE, gitlabPipeline } from './gitlab.js';

/**
 * The managed CI files of the chosen system, path → object. Only that system's files exist, so switching
 * `ci` and re-syncing lets projen delete the previous system's files (they drop out of `.projen/files.json`).
 */
export function ciFiles(ctx: RepoContext, features: CiFeatures = defaultCiFeatures): Map<string, object> {
  const files = new Map<string, object>();
  switch (ctx.options.ci) {
    case 'github':
      files.set(`${WORKFLOWS_DIR}/build.yml`, buildWorkflow(ctx, features));
      files.set(`${WORKFLOWS_DIR}/policy-update.yml`, policyUpdateWorkflow(ctx));
      if (ctx.options.deploy) files.set(`${WORKFLOWS_DIR}/deploy.yml`, deployWorkflow(ctx));
      files.set('.github/dependabot.yml', dependabotConfig(ctx));
      break;
    case 'azure':
      files.set(AZURE_PIPELINE, azurePipeline(ctx, features));
      break;
    case 'gitlab':
      files.set(GITLAB_PIPELINE, gitlabPipeline(ctx, features));
      break;
    case 'none':
      break;
  }
  return files;
}

export function addCiFiles(project: Project, ctx: RepoContext): void {
  for (const [path, obj] of ciFiles(ctx)) new ManagedYamlFile(project, path, { obj, readonly: true });
}

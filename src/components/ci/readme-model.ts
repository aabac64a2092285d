import type { RepoContext } from '../../project/context.js';
import { AZURE_PIPELINE, AZURE_VARIABLES, DEPLOY_TAG_PARAMETER } from './azure.js';
import { ciFiles } from './index.js';
import { DEPLOY_ENVIRONMENT, GITHUB_SECRETS, POLICY_UPDATE_TOKEN } from './github.js';
import { GITLAB_PIPELINE, GITLAB_VARIABLES } from './gitlab.js';

/** What the README says about CI: the files that exist and the secret/variable names each pipeline reads. */
export function ciReadmeModel(ctx: RepoContext) {
  const system = ctx.options.ci;
  const names = system === 'azure' ? AZURE_VARIABLES : system === 'gitlab' ? GITLAB_VARIABLES : GITHUB_SECRETS;
  return {
    system,
    github: system === 'github',
    azure: system === 'azure',
    gitlab: system === 'gitlab',
    none: system === 'none',
    deploy: ctx.options.deploy,
    files: [...ciFiles(ctx).keys()],
    imageSecrets: names.image,
    deploySecrets: names.deploy,
    environment: DEPLOY_ENVIRONMENT,
    tokenSecret: POLICY_UPDATE_TOKEN,
    azurePipeline: AZURE_PIPELINE,
    gitlabPipeline: GITLAB_PIPELINE,
    deployParameter: DEPLOY_TAG_PARAMETER,
    mainBranch: ctx.policy.ci.mainBranch,
    tagPrefix: ctx.policy.ci.versionTagPrefix,
  };
}

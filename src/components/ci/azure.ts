import type { RepoContext } from '../../project/context.js';
import { ciCommands, DEPLOYED_RECORD, imageName, TEST_RESULTS_DIR } from './commands.js';
import { COMPLIANCE_REPORT, complianceCommand, type CiFeatures } from './compliance.js';
import { DEPLOY_ENVIRONMENT } from './github.js';

export const AZURE_PIPELINE = 'azure-pipelines.yml';
/** Pipeline variables (secret ones marked as such in the pipeline settings); names only. */
export const AZURE_VARIABLES = { image: ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'], deploy: ['KUBE_CONFIG'] } as const;
/** The run-time parameter a person sets to deploy (or roll back to) a given tag. */
export const DEPLOY_TAG_PARAMETER = 'deployTag';
/** The parameter's default, meaning "the commit this run builds". */
const THIS_COMMIT = 'this-commit';

type AzureStep = Readonly<Record<string, unknown>> & { readonly displayName: string };

/** Azure's bash step does not stop at a failing line on its own. */
function bash(displayName: string, script: string, extra: Record<string, unknown> = {}): AzureStep {
  return { bash: script.includes('\n') ? `set -eu\n${script}` : script, displayName, ...extra };
}

function releaseTagFromRef(ctx: RepoContext): string {
  const prefix = ctx.policy.ci.versionTagPrefix;
  return `case "$BUILD_SOURCEBRANCH" in refs/tags/${prefix}*) RELEASE_TAG="\${BUILD_SOURCEBRANCH#refs/tags/}" ;; *) RELEASE_TAG="" ;; esac`;
}

/** One pipeline: build stage on pull requests, main and version tags; deploy stage behind the environment's approval. */
export function azurePipeline(ctx: RepoContext, features: CiFeatures): object {
  const cmd = ciCommands(ctx);
  const t = ctx.policy.ci.azureTasks;
  const { mainBranch, versionTagPrefix, nodeVersion, kubectlVersion } = ctx.policy.ci;
  const pool = { vmImage: 'ubuntu-latest' };
  const kubectl = { task: t.kubectl, displayName: 'Set up kubectl', inputs: { kubectlVersion } };
  const scan: AzureStep[] = features.complianceScan
    ? [
        bash('Compliance scan (batch-job check)', complianceCommand, { name: 'compliance' }),
        { task: t.publishArtifact, displayName: 'Publish the compliance report', condition: 'succeededOrFailed()', inputs: { targetPath: COMPLIANCE_REPORT, artifact: 'CodeAnalysisLogs' } },
      ]
    : [];
  const isMainOrTag = `or(eq(variables['Build.SourceBranch'], 'refs/heads/${mainBranch}'), startsWith(variables['Build.SourceBranch'], 'refs/tags/${versionTagPrefix}'))`;
  const stages: object[] = [
    {
      stage: 'build',
      displayName: 'Build',
      jobs: [
        {
          job: 'build',
          displayName: 'Build, test and check drift',
          pool,
          steps: [
            { checkout: 'self' },
            { task: t.useDotnet, displayName: `Set up .NET SDK ${ctx.frameworkPolicy.sdkVersion} (global.json)`, inputs: { packageType: 'sdk', useGlobalJson: true } },
            { task: t.node, displayName: `Set up Node.js ${nodeVersion} (projen)`, inputs: { versionSpec: `${nodeVersion}.x` } },
            bash('Install projen and the policy', cmd.install, { name: 'install' }),
            bash('Re-synthesise managed files', cmd.synth, { name: 'synth' }),
            bash('Fail on drift', cmd.drift, { name: 'drift' }),
            ...scan,
            bash('Restore', cmd.restore, { name: 'restore' }),
            bash('Build (warnings as errors)', cmd.build, { name: 'build' }),
            bash('Test', cmd.test, { name: 'test' }),
            {
              task: t.publishTestResults,
              displayName: 'Publish test results',
              condition: 'succeededOrFailed()',
              inputs: { testResultsFormat: 'VSTest', testResultsFiles: '**/*.trx', searchFolder: `$(System.DefaultWorkingDirectory)/${TEST_RESULTS_DIR}`, failTaskOnMissingResultsFile: false },
            },
            kubectl,
            bash('Render the Kubernetes manifests', cmd.render, { name: 'render' }),
          ],
        },
        {
          job: 'image',
          displayName: 'Container image',
          dependsOn: 'build',
          pool,
          variables: { IMAGE: imageName(ctx), COMMIT_SHA: '$(Build.SourceVersion)' },
          steps: [
            { checkout: 'self' },
            bash('Build the image (tag: commit SHA)', cmd.imageBuild, { name: 'imageBuild' }),
            bash('Push the image (main branch and version tags only)', `${releaseTagFromRef(ctx)}\n${cmd.imagePush}`, {
              name: 'imagePush',
              condition: `and(succeeded(), ne(variables['Build.Reason'], 'PullRequest'), ${isMainOrTag})`,
              // Secret variables reach a script only when mapped explicitly.
              env: { REGISTRY_USERNAME: '$(REGISTRY_USERNAME)', REGISTRY_PASSWORD: '$(REGISTRY_PASSWORD)' },
            }),
          ],
        },
      ],
    },
  ];
  if (ctx.options.deploy) {
    stages.push({
      stage: 'deploy',
      displayName: 'Deploy',
      dependsOn: 'build',
      // After main's build, or any run started by hand (a rollback names the previous tag).
      condition: `and(succeeded(), or(eq(variables['Build.SourceBranch'], 'refs/heads/${mainBranch}'), eq(variables['Build.Reason'], 'Manual')))`,
      jobs: [
        {
          deployment: 'deploy',
          displayName: 'Deploy to Kubernetes',
          pool,
          // Approvals and checks on this environment gate the job.
          environment: DEPLOY_ENVIRONMENT,
          strategy: {
            runOnce: {
              deploy: {
                steps: [
                  { checkout: 'self' },
                  kubectl,
                  bash('Set the image tag and apply', `if [ "$DEPLOY_TAG" = "${THIS_COMMIT}" ]; then DEPLOY_TAG="$BUILD_SOURCEVERSION"; fi\n${cmd.deploy}`, {
                    name: 'deploy',
                    env: { DEPLOY_TAG: `\${{ parameters.${DEPLOY_TAG_PARAMETER} }}`, IMAGE: imageName(ctx), KUBE_CONFIG: '$(KUBE_CONFIG)' },
                  }),
                  { task: t.publishArtifact, displayName: 'Record what was deployed', inputs: { targetPath: DEPLOYED_RECORD, artifact: 'deployed-manifests' } },
                ],
              },
            },
          },
        },
      ],
    });
  }
  return {
    ...(ctx.options.deploy
      ? { parameters: [{ name: DEPLOY_TAG_PARAMETER, displayName: `Image tag to deploy (${THIS_COMMIT}: the commit of this run; roll back with the previous tag)`, type: 'string', default: THIS_COMMIT }] }
      : {}),
    trigger: { branches: { include: [mainBranch] }, tags: { include: [`${versionTagPrefix}*`] } },
    pr: { branches: { include: [mainBranch] } },
    stages,
  };
}

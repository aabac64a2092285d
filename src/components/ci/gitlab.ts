import type { RepoContext } from '../../project/context.js';
import { ciCommands, DEPLOYED_RECORD, imageName, TEST_RESULTS_DIR } from './commands.js';
import { COMPLIANCE_REPORT, complianceCommand, type CiFeatures } from './compliance.js';
import { DEPLOY_ENVIRONMENT } from './github.js';

export const GITLAB_PIPELINE = '.gitlab-ci.yml';
/** CI/CD variables (masked and protected in the project settings); names only. */
export const GITLAB_VARIABLES = { image: ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'], deploy: ['KUBE_CONFIG'] } as const;

/**
 * Merge requests, main, version tags and pipelines run by hand (deploys and rollbacks set DEPLOY_TAG).
 * Test results go to the merge request's test view as JUnit, converted from TRX.
 */
export function gitlabPipeline(ctx: RepoContext, features: CiFeatures): object {
  const cmd = ciCommands(ctx);
  const { mainBranch, versionTagPrefix, trx2junitVersion } = ctx.policy.ci;
  const images = ctx.policy.ci.gitlabImages;
  const onMain = `$CI_COMMIT_BRANCH == "${mainBranch}"`;
  const onTag = `$CI_COMMIT_TAG =~ /^${versionTagPrefix}/`;
  const docker = { image: images.docker, services: [images.dockerDaemon], variables: { DOCKER_TLS_CERTDIR: '/certs', COMMIT_SHA: '$CI_COMMIT_SHA', RELEASE_TAG: '$CI_COMMIT_TAG' } };
  const pipeline: Record<string, unknown> = {
    workflow: {
      rules: [
        { if: '$CI_PIPELINE_SOURCE == "merge_request_event"' },
        { if: onTag },
        { if: onMain },
        { if: '$CI_PIPELINE_SOURCE == "web"' },
      ],
    },
    stages: ['verify', 'build', 'image', ...(ctx.options.deploy ? ['deploy'] : [])],
    variables: {
      IMAGE: imageName(ctx),
      DOTNET_CLI_TELEMETRY_OPTOUT: '1',
      NUGET_PACKAGES: '$CI_PROJECT_DIR/.nuget/packages',
      ...(ctx.options.deploy ? { DEPLOY_TAG: { value: '', description: 'Image tag to deploy; empty: this commit. Roll back with the previous tag.' } } : {}),
    },
    drift: {
      stage: 'verify',
      image: images.node,
      script: [cmd.install, cmd.synth, cmd.drift],
    },
  };
  if (features.complianceScan) {
    pipeline.compliance = {
      stage: 'verify',
      image: images.node,
      script: [cmd.install, complianceCommand],
      artifacts: { when: 'always', paths: [COMPLIANCE_REPORT] },
    };
  }
  pipeline.build = {
    stage: 'build',
    image: ctx.frameworkPolicy.sdkImage,
    cache: { key: { files: ['Directory.Build.props'] }, paths: ['.nuget/packages'] },
    script: [cmd.restore, cmd.build, cmd.test],
    after_script: [
      `dotnet tool update --tool-path .tools trx2junit --version ${trx2junitVersion}`,
      `.tools/trx2junit ${TEST_RESULTS_DIR}/*.trx || true`,
    ],
    artifacts: { when: 'always', paths: [`${TEST_RESULTS_DIR}/`], reports: { junit: `${TEST_RESULTS_DIR}/*.xml` } },
  };
  pipeline.render = {
    stage: 'build',
    image: { name: images.kubectl, entrypoint: [''] },
    script: [cmd.render],
  };
  pipeline['image-build'] = {
    stage: 'image',
    ...docker,
    rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }],
    script: [cmd.imageBuild],
  };
  pipeline['image-push'] = {
    stage: 'image',
    ...docker,
    rules: [{ if: onTag }, { if: onMain }],
    script: [cmd.imageBuild, cmd.imagePush],
  };
  if (ctx.options.deploy) {
    pipeline.deploy = {
      stage: 'deploy',
      image: { name: images.kubectl, entrypoint: [''] },
      // A protected environment with required approvals gates it; started by hand in any case.
      environment: { name: DEPLOY_ENVIRONMENT },
      rules: [{ if: onMain, when: 'manual' }],
      script: ['DEPLOY_TAG="${DEPLOY_TAG:-$CI_COMMIT_SHA}"', cmd.deploy],
      artifacts: { paths: [DEPLOYED_RECORD] },
    };
  }
  return pipeline;
}

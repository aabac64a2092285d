import type { RepoContext } from '../../project/context.js';
import { K8S_DIR } from '../kubernetes/index.js';
import { isTagNamedJob, JOB_NAME_TAG_MAX_LENGTH, names } from '../kubernetes/labels.js';

/**
 * The shell commands every CI system runs, in one place so GitHub, Azure and GitLab build, test, render and
 * check drift identically, and so a test can run exactly what the pipelines run.
 */
export interface CiCommands {
  readonly install: string;
  readonly synth: string;
  /** Fails when `npx projen` changed anything, printing the diff and how to fix it. */
  readonly drift: string;
  readonly restore: string;
  readonly build: string;
  readonly test: string;
  readonly render: string;
  /** Needs `IMAGE` and `COMMIT_SHA`. */
  readonly imageBuild: string;
  /** Needs `IMAGE`, `COMMIT_SHA`, `REGISTRY_USERNAME`, `REGISTRY_PASSWORD` and `RELEASE_TAG` (empty unless a version tag). */
  readonly imagePush: string;
  /** Needs `DEPLOY_TAG`, `IMAGE` and `KUBE_CONFIG`: points the kustomization at the tag and applies it. */
  readonly deploy: string;
}

/** Where `dotnet test` writes its TRX files, which each system publishes to its test view. */
export const TEST_RESULTS_DIR = 'TestResults';
/** The manifests a deploy applied, kept as the record of what it deployed. */
export const DEPLOYED_RECORD = 'deployed.yaml';

/** `<registry>/<name>`: the image every system builds and the kustomization points at. */
/** A one-off Job is named after the deployed tag (the kustomization writes it into the name): it must fit one. */
function oneOffTagCheck(): string[] {
  const why = `names a one-off Job: lower-case letters, digits, '.' and '-', at most ${JOB_NAME_TAG_MAX_LENGTH} characters (a commit SHA or a version such as 1.4.2)`;
  return [
    'case "$DEPLOY_TAG" in',
    `  *[!a-z0-9.-]*|[.-]*|*[.-]) echo "Invalid image tag '$DEPLOY_TAG': it ${why}." >&2; exit 2 ;;`,
    'esac',
    `if [ "\${#DEPLOY_TAG}" -gt ${JOB_NAME_TAG_MAX_LENGTH} ]; then echo "Invalid image tag '$DEPLOY_TAG': it ${why}." >&2; exit 2; fi`,
  ];
}

export function imageName(ctx: RepoContext): string {
  return `${ctx.options.registry}/${ctx.name}`;
}

export function ciCommands(ctx: RepoContext): CiCommands {
  const prefix = ctx.policy.ci.versionTagPrefix;
  // With lock files (central package management), restore fails when a package differs from the committed
  // packages.lock.json; a project whose lock file is not committed yet gets one written (NuGet/Home#13175).
  const locked = ctx.options.packageManagement === 'central';
  return {
    install: 'npm ci',
    synth: 'npx projen',
    drift: [
      // Intent-to-add makes files projen created (not yet in git) show up in the diff too.
      'git add --intent-to-add --all',
      'if ! git --no-pager diff --exit-code; then',
      `  echo "Managed files differ from what .projenrc.ts and the installed create-batch-job policy produce (diff above)."`,
      `  echo "To fix: run 'npm ci && npx projen' and commit the result. Change managed files through .projenrc.ts, never by hand."`,
      '  exit 1',
      'fi',
    ].join('\n'),
    restore: locked ? 'dotnet restore --locked-mode' : 'dotnet restore',
    build: 'dotnet build --no-restore --configuration Release -warnaserror',
    test: `dotnet test --no-build --configuration Release --logger trx --results-directory ${TEST_RESULTS_DIR}`,
    render: `kubectl kustomize ${K8S_DIR}`,
    imageBuild: 'docker build --tag "$IMAGE:$COMMIT_SHA" .',
    imagePush: [
      'printf \'%s\' "$REGISTRY_PASSWORD" | docker login "${IMAGE%%/*}" --username "$REGISTRY_USERNAME" --password-stdin',
      'docker push "$IMAGE:$COMMIT_SHA"',
      // A version tag `v1.2.3` also publishes `1.2.3`; nothing ever publishes `latest`.
      'if [ -n "$RELEASE_TAG" ]; then',
      `  version="\${RELEASE_TAG#${prefix}}"`,
      '  docker tag "$IMAGE:$COMMIT_SHA" "$IMAGE:$version"',
      '  docker push "$IMAGE:$version"',
      'fi',
    ].join('\n'),
    deploy: [
      // The tag may come from a person: accept only what a registry accepts as a tag, never `latest`.
      'case "$DEPLOY_TAG" in',
      `  ""|latest|*[!A-Za-z0-9_.-]*) echo "Invalid image tag '$DEPLOY_TAG': give a commit SHA or a version such as 1.4.2." >&2; exit 2 ;;`,
      'esac',
      ...(ctx.jobs.some(isTagNamedJob) ? oneOffTagCheck() : []),
      'mkdir -p "$HOME/.kube"',
      'printf \'%s\' "$KUBE_CONFIG" > "$HOME/.kube/config"',
      'chmod 600 "$HOME/.kube/config"',
      `(cd ${K8S_DIR} && kustomize edit set image "${names.image(ctx)}=$IMAGE:$DEPLOY_TAG")`,
      `kubectl apply -k ${K8S_DIR}`,
      `kubectl kustomize ${K8S_DIR} > ${DEPLOYED_RECORD}`,
      `echo "Deployed $IMAGE:$DEPLOY_TAG to namespace ${ctx.options.namespace}."`,
    ].join('\n'),
  };
}

import type { RepoContext } from '../../project/context.js';
import { ciCommands, DEPLOYED_RECORD, imageName, TEST_RESULTS_DIR } from './commands.js';
import { COMPLIANCE_REPORT, complianceCommand, type CiFeatures } from './compliance.js';

/** The scopes a workflow may be granted (GitHub's `permissions:` keys this generator uses). */
export type Permission = 'contents' | 'pull-requests' | 'security-events' | 'packages' | 'id-token' | 'actions';
export type Permissions = Partial<Record<Permission, 'read' | 'write' | 'none'>>;

export interface Step {
  readonly id?: string;
  readonly name: string;
  readonly if?: string;
  readonly uses?: string;
  readonly with?: Readonly<Record<string, string | number | boolean>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly run?: string;
  readonly shell?: string;
}

export interface Job {
  readonly name: string;
  readonly 'runs-on': string;
  readonly needs?: readonly string[];
  readonly if?: string;
  readonly permissions: Permissions;
  readonly environment?: { readonly name: string };
  readonly outputs?: Readonly<Record<string, string>>;
  readonly env?: Readonly<Record<string, string>>;
  readonly steps: readonly Step[];
}

export interface Workflow {
  readonly name: string;
  readonly on: object;
  readonly permissions: Permissions;
  readonly concurrency?: { readonly group: string; readonly 'cancel-in-progress': string | boolean };
  /** `bash` adds `-o pipefail` to GitHub's `-e`, so a failing command before a pipe fails the step. */
  readonly defaults: { readonly run: { readonly shell: 'bash' } };
  readonly jobs: Readonly<Record<string, Job>>;
}

export const WORKFLOWS_DIR = '.github/workflows';
export const BUILD_WORKFLOW = 'build';
/** The environment whose protection rules (required reviewers) gate every deploy. */
export const DEPLOY_ENVIRONMENT = 'production';
/** Secrets each GitHub workflow reads (names only; values live in the repository or environment settings). */
export const GITHUB_SECRETS = { image: ['REGISTRY_USERNAME', 'REGISTRY_PASSWORD'], deploy: ['KUBE_CONFIG'] } as const;

const RUNNER = 'ubuntu-latest';
/** Read-only token by default; each job raises only what it needs. */
const READ: Permissions = { contents: 'read' };
const BASH = { run: { shell: 'bash' } } as const;

function checkout(ctx: RepoContext, extra: Record<string, string | boolean> = {}): Step {
  return { name: 'Check out', uses: ctx.policy.ci.githubActions.checkout, with: { 'persist-credentials': false, ...extra } };
}

function setupNode(ctx: RepoContext): Step {
  return { name: `Set up Node.js ${ctx.policy.ci.nodeVersion} (projen)`, uses: ctx.policy.ci.githubActions.setupNode, with: { 'node-version': ctx.policy.ci.nodeVersion, cache: 'npm' } };
}

function setupKubectl(ctx: RepoContext): Step {
  return { name: 'Set up kubectl', uses: ctx.policy.ci.githubActions.setupKubectl, with: { version: ctx.policy.ci.kubectlVersion } };
}

/** Pushes happen only from the main branch or a version tag; pull requests build the image and stop. */
function pushCondition(ctx: RepoContext): string {
  const { mainBranch, versionTagPrefix } = ctx.policy.ci;
  return `github.event_name == 'push' && (github.ref == 'refs/heads/${mainBranch}' || startsWith(github.ref, 'refs/tags/${versionTagPrefix}'))`;
}

/** Pull requests and pushes to main (and version tags): drift, build, test, render, image. */
export function buildWorkflow(ctx: RepoContext, features: CiFeatures): Workflow {
  const cmd = ciCommands(ctx);
  const a = ctx.policy.ci.githubActions;
  const fw = ctx.frameworkPolicy;
  const scan: Step[] = features.complianceScan
    ? [
        { id: 'compliance', name: 'Compliance scan (batch-job check)', run: complianceCommand },
        { name: 'Upload compliance report to code scanning', if: 'always()', uses: a.uploadSarif, with: { sarif_file: COMPLIANCE_REPORT, category: 'batch-job-policy' } },
      ]
    : [];
  const build: Job = {
    name: 'Build, test and check drift',
    'runs-on': RUNNER,
    permissions: features.complianceScan ? { contents: 'read', 'security-events': 'write' } : READ,
    steps: [
      checkout(ctx),
      // The SDK comes from global.json, which the policy writes; the name shows the band this policy sets.
      { name: `Set up .NET SDK ${fw.sdkVersion} (global.json)`, uses: a.setupDotnet, with: { 'global-json-file': 'global.json' } },
      setupNode(ctx),
      { id: 'install', name: 'Install projen and the policy', run: cmd.install },
      { id: 'synth', name: 'Re-synthesise managed files', run: cmd.synth },
      { id: 'drift', name: 'Fail on drift', run: cmd.drift },
      ...scan,
      { id: 'restore', name: 'Restore', run: cmd.restore },
      { id: 'build', name: 'Build (warnings as errors)', run: cmd.build },
      { id: 'test', name: 'Test', run: cmd.test },
      {
        name: 'Publish test results',
        if: 'always()',
        uses: a.uploadArtifact,
        with: { name: 'test-results', path: `${TEST_RESULTS_DIR}/*.trx`, 'if-no-files-found': 'ignore' },
      },
      {
        name: 'Test summary',
        if: 'always()',
        // Writes pass/fail counts from the TRX files into the run's summary page.
        run: [
          `for f in ${TEST_RESULTS_DIR}/*.trx; do`,
          '  [ -f "$f" ] || continue',
          '  counters=$(grep -o \'<Counters [^>]*>\' "$f" | head -n 1)',
          '  echo "### Tests: ${f##*/}" >> "$GITHUB_STEP_SUMMARY"',
          '  echo "\\`$counters\\`" >> "$GITHUB_STEP_SUMMARY"',
          'done',
        ].join('\n'),
      },
      setupKubectl(ctx),
      { id: 'render', name: 'Render the Kubernetes manifests', run: cmd.render },
    ],
  };
  const ghcr = ctx.options.registry.startsWith('ghcr.io/');
  const image: Job = {
    name: 'Container image',
    'runs-on': RUNNER,
    needs: ['build'],
    // GitHub's own registry takes the workflow token; any other registry takes the secrets below.
    permissions: ghcr ? { contents: 'read', packages: 'write' } : READ,
    env: { IMAGE: imageName(ctx), COMMIT_SHA: '${{ github.sha }}' },
    steps: [
      checkout(ctx),
      { id: 'image-build', name: 'Build the image (tag: commit SHA)', run: cmd.imageBuild },
      {
        id: 'image-push',
        name: 'Push the image (main branch and version tags only)',
        if: pushCondition(ctx),
        env: {
          REGISTRY_USERNAME: ghcr ? '${{ github.actor }}' : '${{ secrets.REGISTRY_USERNAME }}',
          REGISTRY_PASSWORD: ghcr ? '${{ secrets.GITHUB_TOKEN }}' : '${{ secrets.REGISTRY_PASSWORD }}',
          RELEASE_TAG: `\${{ github.ref_type == 'tag' && github.ref_name || '' }}`,
        },
        run: cmd.imagePush,
      },
    ],
  };
  return {
    name: BUILD_WORKFLOW,
    on: {
      pull_request: { branches: [ctx.policy.ci.mainBranch] },
      push: { branches: [ctx.policy.ci.mainBranch], tags: [`${ctx.policy.ci.versionTagPrefix}*`] },
      workflow_dispatch: {},
    },
    permissions: READ,
    defaults: BASH,
    // A new push to a pull request cancels its superseded run; main and tags always finish.
    concurrency: { group: '${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}', 'cancel-in-progress': "${{ github.event_name == 'pull_request' }}" },
    jobs: { build, image },
  };
}

/**
 * Deploys after a successful build of main, or by hand with any earlier tag (the rollback). The
 * `production` environment's required reviewers approve each run before the job starts.
 */
export function deployWorkflow(ctx: RepoContext): Workflow {
  const cmd = ciCommands(ctx);
  return {
    name: 'deploy',
    on: {
      workflow_run: { workflows: [BUILD_WORKFLOW], types: ['completed'], branches: [ctx.policy.ci.mainBranch] },
      workflow_dispatch: {
        inputs: {
          tag: { description: 'Image tag to deploy (a commit SHA or a version); empty: the commit this run is for. Roll back by giving the previous tag.', required: false, type: 'string', default: '' },
        },
      },
    },
    permissions: READ,
    defaults: BASH,
    // Deploys queue instead of overlapping; none is cancelled half-way.
    concurrency: { group: 'deploy', 'cancel-in-progress': false },
    jobs: {
      deploy: {
        name: 'Deploy to Kubernetes',
        'runs-on': RUNNER,
        if: "github.event_name == 'workflow_dispatch' || github.event.workflow_run.conclusion == 'success'",
        permissions: READ,
        environment: { name: DEPLOY_ENVIRONMENT },
        steps: [
          // The manifests of the commit whose build triggered the run (a later push may already be on main).
          checkout(ctx, { ref: '${{ github.event.workflow_run.head_sha || github.sha }}' }),
          setupKubectl(ctx),
          {
            id: 'deploy',
            name: 'Set the image tag and apply',
            env: {
              DEPLOY_TAG: '${{ inputs.tag || github.event.workflow_run.head_sha || github.sha }}',
              IMAGE: imageName(ctx),
              KUBE_CONFIG: '${{ secrets.KUBE_CONFIG }}',
            },
            run: `${cmd.deploy}\necho "Deployed \\\`$IMAGE:$DEPLOY_TAG\\\`" >> "$GITHUB_STEP_SUMMARY"`,
          },
          { name: 'Record what was deployed', uses: ctx.policy.ci.githubActions.uploadArtifact, with: { name: 'deployed-manifests', path: DEPLOYED_RECORD } },
        ],
      },
    },
  };
}

/** Secret holding a PAT or GitHub App token; with it the bot's push starts the checks again (GITHUB_TOKEN's does not). */
export const POLICY_UPDATE_TOKEN = 'POLICY_UPDATE_TOKEN';

/**
 * Policy roll-out: when Dependabot bumps create-batch-job, re-synthesise and commit the regenerated managed files
 * to the pull request. projen's build/self-mutation split: the build job only has read access and hands the
 * patch over as an artifact; the self-mutation job, which can write, runs only for branches of this repository.
 */
export function policyUpdateWorkflow(ctx: RepoContext): Workflow {
  const a = ctx.policy.ci.githubActions;
  const cmd = ciCommands(ctx);
  const out = '${{ runner.temp }}/policy-update';
  return {
    name: 'policy-update',
    on: { pull_request: { branches: [ctx.policy.ci.mainBranch] } },
    permissions: READ,
    defaults: BASH,
    concurrency: { group: '${{ github.workflow }}-${{ github.event.pull_request.number }}', 'cancel-in-progress': true },
    jobs: {
      synth: {
        name: 'Re-synthesise with the new policy',
        'runs-on': RUNNER,
        if: "github.event.pull_request.user.login == 'dependabot[bot]' && contains(github.head_ref, 'create-batch-job')",
        permissions: READ,
        outputs: { changed: '${{ steps.diff.outputs.changed }}' },
        steps: [
          checkout(ctx, { ref: '${{ github.event.pull_request.head.sha }}' }),
          setupNode(ctx),
          { name: 'Install', run: cmd.install },
          // projen prints the policy changelog lines since the version recorded in .projen/batch-job.json.
          { name: 'Re-synthesise', env: { OUT: out }, run: `mkdir -p "$OUT"\n${cmd.synth} | tee "$OUT/changes.txt"` },
          {
            id: 'diff',
            name: 'Make the patch',
            env: { OUT: out },
            run: [
              'git add --intent-to-add --all',
              'git diff --binary > "$OUT/changes.patch"',
              'if [ -s "$OUT/changes.patch" ]; then echo "changed=true" >> "$GITHUB_OUTPUT"; else echo "changed=false" >> "$GITHUB_OUTPUT"; fi',
            ].join('\n'),
          },
          { name: 'Upload the patch', if: "steps.diff.outputs.changed == 'true'", uses: a.uploadArtifact, with: { name: 'policy-update', path: out } },
        ],
      },
      'self-mutation': {
        name: 'Commit the regenerated files',
        'runs-on': RUNNER,
        needs: ['synth'],
        // Never for a fork: its code must not get a token that can write here.
        if: "needs.synth.outputs.changed == 'true' && github.event.pull_request.head.repo.full_name == github.repository",
        permissions: { contents: 'write' },
        steps: [
          {
            name: 'Check out the pull request branch',
            uses: a.checkout,
            with: { ref: '${{ github.event.pull_request.head.ref }}', token: `\${{ secrets.${POLICY_UPDATE_TOKEN} || github.token }}` },
          },
          { name: 'Download the patch', uses: a.downloadArtifact, with: { name: 'policy-update', path: out } },
          {
            name: 'Apply, commit and push',
            env: { OUT: out, HEAD_REF: '${{ github.event.pull_request.head.ref }}' },
            run: [
              'git apply "$OUT/changes.patch"',
              'git config user.name "github-actions[bot]"',
              'git config user.email "41898282+github-actions[bot]@users.noreply.github.com"',
              'git add --all',
              '{ echo "chore: re-synthesise managed files for the new batch-job policy"; echo; grep -E \'^  [0-9]\' "$OUT/changes.txt" || true; } > "$RUNNER_TEMP/message.txt"',
              'git commit --file "$RUNNER_TEMP/message.txt"',
              'git push origin "HEAD:$HEAD_REF"',
            ].join('\n'),
          },
        ],
      },
    },
  };
}

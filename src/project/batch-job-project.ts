import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JsonFile } from 'projen/lib/json.js';
import { Project } from 'projen/lib/project.js';
import { addCiFiles } from '../components/ci/index.js';
import { addDockerFiles } from '../components/docker/index.js';
import { addDotnetFiles } from '../components/dotnet/index.js';
import { addInstanaFiles } from '../components/instana/index.js';
import { addKubernetesFiles } from '../components/kubernetes/index.js';
import { addEditorConfig } from '../components/repo/editorconfig.js';
import { addPackageJson } from '../components/repo/package-json.js';
import { addReadme } from '../components/repo/readme.js';
import { changesSince, policy as currentPolicy, type Policy } from '../policy/index.js';
import { packageJson } from '../util/package-info.js';
import { withSignalsDeferred } from '../util/signals.js';
import { buildContext, type RepoContext } from './context.js';
import type { BatchJobProjectOptions } from './options.js';
import { NodeProjenrcTs } from './projenrc-file.js';
import { projenrcSample } from './projenrc-sample.js';
import { TeamFile } from './team-file.js';
import { inputDir, setInputDir } from './input-dir.js';
import { resolveOptions, type ResolvedOptions } from './validate.js';

/**
 * A repository holding one .NET console app whose jobs Kubernetes runs as Jobs/CronJobs.
 *
 * Managed files are rebuilt whole from these options and the installed policy on every `npx projen`;
 * team-owned samples (`Program.cs`, jobs, tests, README) are written once and never touched again.
 */
export class BatchJobProject extends Project {
  /** The options after validation and policy defaults. */
  readonly resolved: ResolvedOptions;
  readonly context: RepoContext;
  readonly policy: Policy;
  /** The policy version recorded by the previous synthesis of this repo, if any. */
  readonly previousPolicyVersion: string | undefined;
  private readonly logSummary: boolean;

  constructor(options: BatchJobProjectOptions) {
    const resolved = resolveOptions(options);
    // `batch-job check --drift` runs the team's .projenrc.ts into a scratch directory to compare with the repo.
    const driftOutdir = process.env[DRIFT_OUTDIR_ENV];
    super({ name: resolved.name, outdir: driftOutdir ?? options.outdir, commitGenerated: true });
    // The drift check runs `.projenrc.ts` in the repository with the output redirected; the input stays the repository.
    if (driftOutdir !== undefined) setInputDir(this, options.outdir ?? process.cwd());
    this.resolved = resolved;
    this.policy = currentPolicy;
    this.context = buildContext(resolved, this.policy);
    this.logSummary = driftOutdir === undefined && (options.logSummary ?? true);
    this.previousPolicyVersion = readRecord(inputDir(this))?.policyVersion;
    // Which policy produced the managed files: a re-sync compares against it to say what changed.
    new JsonFile(this, RECORD_FILE, {
      readonly: true,
      obj: { policyVersion: this.policy.version, generator: `${packageJson.name}@${options.packageVersion ?? packageJson.version}` },
    });

    // Node runs `.projenrc.ts` itself: about 0.6 s against 4 s through ts-node.
    new NodeProjenrcTs(this);
    new TeamFile(this, '.projenrc.ts', () => projenrcSample(options, packageJson.name));

    addPackageJson(this, this.context, options.packageVersion ?? packageJson.version);
    addEditorConfig(this, this.context);
    addReadme(this, this.context, options.lang ?? 'en');
    addDotnetFiles(this, this.context);
    addDockerFiles(this, this.context);
    addKubernetesFiles(this, this.context);
    addInstanaFiles(this, this.context);
    addCiFiles(this, this.context);

    this.gitignore.exclude('node_modules/', 'bin/', 'obj/', 'publish/', '*.user', '.vs/', 'TestResults/');
    for (const path of resolved.unmanaged) this.tryRemoveFile(path);
  }

  /** A re-sync (`npx projen`) interrupted by Ctrl+C or SIGTERM finishes writing first: never half old, half new. */
  override synth(): void {
    withSignalsDeferred(() => super.synth());
  }

  override postSynthesize(): void {
    super.postSynthesize();
    if (!this.logSummary) return;
    const was = this.previousPolicyVersion;
    const head = was === undefined || was === this.policy.version
      ? `batch-job policy ${this.policy.version} applied`
      : `batch-job policy ${this.policy.version} applied (was ${was}); changes:`;
    const lines = [head];
    if (was !== undefined && was !== this.policy.version) {
      for (const entry of changesSince(this.policy, was)) lines.push(...entry.changes.map((c) => `  ${entry.version}: ${c}`));
    }
    console.log(lines.join('\n'));
  }
}

const RECORD_FILE = '.projen/batch-job.json';

/** Environment variable naming the directory a drift check synthesises into instead of the repo. */
export const DRIFT_OUTDIR_ENV = 'BATCH_JOB_SYNTH_OUTDIR';

function readRecord(outdir: string): { policyVersion?: string } | undefined {
  const path = join(outdir, RECORD_FILE);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { policyVersion?: string };
  } catch {
    return undefined;
  }
}

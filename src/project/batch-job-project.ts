import { Project, SampleFile, typescript } from 'projen';
import { addDockerFiles } from '../components/docker/index.js';
import { addDotnetFiles } from '../components/dotnet/index.js';
import { addKubernetesFiles } from '../components/kubernetes/index.js';
import { addEditorConfig } from '../components/repo/editorconfig.js';
import { addPackageJson } from '../components/repo/package-json.js';
import { addReadme } from '../components/repo/readme.js';
import { policy as currentPolicy, type Policy } from '../policy/index.js';
import { packageJson } from '../util/package-info.js';
import { buildContext, type RepoContext } from './context.js';
import type { BatchJobProjectOptions } from './options.js';
import { projenrcSample } from './projenrc-sample.js';
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

  constructor(options: BatchJobProjectOptions) {
    const resolved = resolveOptions(options);
    super({ name: resolved.name, outdir: options.outdir, commitGenerated: true });
    this.resolved = resolved;
    this.policy = currentPolicy;
    this.context = buildContext(resolved, this.policy);

    // Node runs `.projenrc.ts` itself: about 0.6 s against 4 s through ts-node.
    new typescript.ProjenrcTs(this, { runner: typescript.TypeScriptRunner.nodejs() });
    new SampleFile(this, '.projenrc.ts', { contents: projenrcSample(options, packageJson.name) });

    addPackageJson(this, this.context, options.packageVersion ?? packageJson.version);
    addEditorConfig(this);
    addReadme(this, this.context, options.lang ?? 'en');
    addDotnetFiles(this, this.context);
    addDockerFiles(this, this.context);
    addKubernetesFiles(this, this.context);

    this.gitignore.exclude('node_modules/', 'bin/', 'obj/', 'publish/', '*.user', '.vs/', 'TestResults/');
  }
}

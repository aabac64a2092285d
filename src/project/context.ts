import type { FrameworkPolicy, Policy } from '../policy/index.js';
import { jobClassNames } from '../components/dotnet/identifiers.js';
import type { ResolvedJob, ResolvedOptions } from './validate.js';

/** A job as the components see it: its resolved options plus the C# names derived from its name. */
export interface JobModel extends ResolvedJob {
  readonly className: string;
}

/** Everything a component needs to render its files; built once per synthesis. */
export interface RepoContext {
  readonly name: string;
  /** .NET project, namespace and assembly name. */
  readonly appName: string;
  readonly framework: ResolvedOptions['framework'];
  readonly jobs: readonly JobModel[];
  readonly options: ResolvedOptions;
  readonly policy: Policy;
  readonly frameworkPolicy: FrameworkPolicy;
  /** Folder of the app's csproj (`src/App`). */
  readonly projectDir: string;
  /** Top folder of the sources the image builds from (`src`). */
  readonly sourceRoot: string;
  /** Whether the app existed before adoption: then no C# samples are written. */
  readonly existingApp: boolean;
  /**
   * The managed console job host added next to an adopted app (`existingApp.jobHost`): the project the image
   * publishes and the CronJobs run with the job name as argument. Undefined for a new app (the app is the host)
   * and for an adopted app without one.
   */
  readonly jobHost?: JobHostModel;
}

/** The job host of an adopted app: where it lives and its .NET name. */
export interface JobHostModel {
  /** Project, assembly and root namespace (`Shop.Web.Jobs`). */
  readonly appName: string;
  /** `src/Shop.Web.Jobs`. */
  readonly projectDir: string;
  /** `src/Shop.Web.Jobs/Shop.Web.Jobs.csproj`. */
  readonly project: string;
  readonly references: readonly string[];
}

/** Whether the image runs the managed job host, which selects its job by argument and reads the policy's env. */
export function runsJobHost(ctx: Pick<RepoContext, 'existingApp' | 'jobHost'>): boolean {
  return !ctx.existingApp || ctx.jobHost !== undefined;
}

export function buildContext(options: ResolvedOptions, policy: Policy): RepoContext {
  return {
    name: options.name,
    appName: options.app.project.split('/').pop()!.replace(/\.csproj$/, ''),
    projectDir: options.app.project.split('/').slice(0, -1).join('/'),
    sourceRoot: options.app.project.split('/')[0]!,
    existingApp: options.app.existing,
    ...(options.app.jobHost ? { jobHost: jobHostModel(options.app.jobHost.project, options.app.jobHost.references) } : {}),
    framework: options.framework,
    jobs: jobModels(options.jobs),
    options,
    policy,
    frameworkPolicy: policy.frameworks[options.framework],
  };
}

function jobHostModel(project: string, references: readonly string[]): JobHostModel {
  return { appName: project.split('/').pop()!.replace(/\.csproj$/, ''), projectDir: project.split('/').slice(0, -1).join('/'), project, references };
}

function jobModels(jobs: ResolvedOptions['jobs']): JobModel[] {
  const classNames = jobClassNames(jobs.map((job) => job.name));
  return jobs.map((job, i) => ({ ...job, className: classNames[i]! }));
}

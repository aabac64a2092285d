import type { Project } from 'projen';
import { TeamFile } from '../../project/team-file.js';
import type { RepoContext } from '../../project/context.js';
import { renderTemplate } from '../../project/templates.js';
import { ciReadmeModel } from '../ci/readme-model.js';
import { isTagNamedJob } from '../kubernetes/labels.js';

/** The team-owned README: how to run locally, build the image, deploy, change a schedule and re-sync. */
export function addReadme(project: Project, ctx: RepoContext, lang: 'en' | 'es'): void {
  // Rendered only when README.md does not exist yet (see TeamFile).
  new TeamFile(project, 'README.md', () => renderTemplate(`repo/README.${lang}.md.hbs`, {
    ...ctx,
    firstJob: ctx.jobs[0],
    // Strict templates need the key: null when the adopted app has no job host (or the app is the host).
    jobHost: ctx.jobHost ?? null,
    // Escape-hatch examples use the first job's own paths: a Job has no `spec.jobTemplate`.
    podSpecPath: ctx.jobs[0]?.kind === 'job' ? 'spec.template.spec' : 'spec.jobTemplate.spec.template.spec',
    testProject: `${ctx.appName}.Tests`,
    exitCodes: ctx.policy.exitCodes,
    policyVersion: ctx.policy.version,
    ci: ciReadmeModel(ctx),
    // Strict templates need every key present: `http` is null when nothing is exposed.
    options: { ...ctx.options, http: ctx.options.http ?? null, instana: ctx.options.instana ?? null },
    telemetry: ctx.policy.telemetry,
    chiseled: ctx.options.runtimeImage === 'chiseled',
    // One-off Jobs named after the tag kustomize pins, and Indexed ones named after the .projenrc.ts tag.
    tagNamedJobs: ctx.jobs.some(isTagNamedJob),
    indexedJobs: ctx.jobs.some((job) => job.kind === 'job' && !isTagNamedJob(job)),
    finalImage: ctx.options.runtimeImage === 'chiseled' ? ctx.frameworkPolicy.chiseledRuntimeImage : ctx.frameworkPolicy.runtimeImage,
    instanaPolicy: ctx.policy.instana,
  }));
}

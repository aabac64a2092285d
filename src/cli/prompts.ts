import prompts, { type PromptObject } from 'prompts';
import { CancelledError, InvalidInputError } from '../errors.js';
import { policy } from '../policy/index.js';
import { assertName, assertSchedule, assertTimeZone, CI_SYSTEMS } from '../project/validate.js';
import { formatPreview, previewSchedule } from '../schedule/preview.js';
import { defaultInstanaEndpoint } from '../components/instana/answers.js';
import type { Answers } from './answers.js';
import { formatProblem } from './format.js';
import type { Lang, Messages } from './i18n.js';

/** Runs `check` and turns its InvalidInputError into the one-line message prompts shows in place. */
function validator(msgs: Messages, check: (value: string) => unknown) {
  return (value: string): true | string => {
    try {
      check(value);
      return true;
    } catch (error) {
      if (error instanceof InvalidInputError) return formatProblem(error, msgs);
      throw error;
    }
  };
}

function splitJobs(value: string): string[] {
  return value.split(',').map((j) => j.trim()).filter(Boolean);
}

/** One question; Ctrl+C or Esc cancels the whole run. */
async function one<T>(question: Omit<PromptObject, 'name'>): Promise<T> {
  const result = await prompts({ ...question, name: 'value' } as PromptObject, {
    onCancel: () => {
      throw new CancelledError();
    },
  });
  return result.value as T;
}

function select<T extends string>(message: string, values: readonly T[], initial: T, hints: Partial<Record<T, string>> = {}) {
  return one<T>({
    type: 'select',
    message,
    choices: values.map((v) => ({ title: v, value: v, description: hints[v] })),
    initial: Math.max(0, values.indexOf(initial)),
  });
}

/**
 * Asks for every answer not given by a flag or the answers file. The only module that talks to `prompts`,
 * so the rest of the CLI stays non-interactive and testable.
 */
export async function ask(given: Answers, defaultName: string, msgs: Messages, lang: Lang, print: (line: string) => void): Promise<Answers> {
  const a: Answers = { ...given };
  const d = policy.jobDefaults;
  const q = msgs.prompt;

  a.directory ??= await one<string>({
    type: 'text',
    message: q.directory,
    initial: defaultName,
    validate: (v: string) => (v.trim().length > 0 ? true : msgs.problem['directory-invalid']),
  });
  a.name ??= await one<string>({
    type: 'text',
    message: q.name,
    initial: (a.directory.split('/').filter(Boolean).pop() ?? defaultName).toLowerCase(),
    validate: validator(msgs, (v) => assertName('name', v)),
  });
  if (a.framework === undefined) {
    const frameworks = Object.values(policy.frameworks);
    const chosen = await one<string>({
      type: 'select',
      message: q.framework,
      hint: q.frameworkHint,
      choices: frameworks.map((f) => ({ title: f.tfm, value: f.tfm, description: `${f.runtimeImage}; ${q.supportEnds} ${f.endOfSupport}` })),
      initial: frameworks.findIndex((f) => f.tfm === policy.defaultFramework),
    });
    // The policy default is recorded as "follow the policy", so a later policy can move it.
    if (chosen !== policy.defaultFramework) a.framework = chosen;
  }
  a.jobs ??= await one<string[]>({
    type: 'text',
    message: q.jobs,
    hint: q.jobsHint,
    initial: a.name,
    validate: validator(msgs, (v) => {
      const jobs = splitJobs(v);
      if (jobs.length === 0) assertName('jobs[0]', '');
      jobs.forEach((j, i) => assertName(`jobs[${i}]`, j));
    }),
    format: (v: string) => splitJobs(v),
  });
  a.kind ??= await select(q.kind, ['cronjob', 'job'] as const, d.kind, { cronjob: q.kindCronJob, job: q.kindJob });

  if (a.kind === 'cronjob') {
    a.timeZone ??= await one<string>({
      type: 'text',
      message: q.timeZone,
      initial: d.timeZone,
      validate: validator(msgs, (v) => assertTimeZone('timeZone', v)),
    });
    a.concurrencyPolicy ??= await select(q.concurrencyPolicy, ['Forbid', 'Replace', 'Allow'] as const, d.concurrencyPolicy, {
      Forbid: q.concurrencyForbid,
      Replace: q.concurrencyReplace,
      Allow: q.concurrencyAllow,
    });
    while (a.schedule === undefined) {
      const schedule = await one<string>({
        type: 'text',
        message: q.schedule,
        initial: d.schedule,
        validate: validator(msgs, (v) => assertSchedule('schedule', v)),
      });
      // Show what the schedule means before it is accepted: words, next runs, DST and overlap warnings.
      try {
        const preview = previewSchedule(schedule, a.timeZone, lang, { concurrencyPolicy: a.concurrencyPolicy as 'Allow' });
        for (const line of formatPreview(preview, lang)) print(line);
      } catch {
        // `@every` is accepted by Kubernetes but has no calendar to preview.
      }
      if (await one<boolean>({ type: 'confirm', message: q.scheduleConfirm, initial: true })) a.schedule = schedule;
    }
  }
  a.restartPolicy ??= await select(q.restartPolicy, ['Never', 'OnFailure'] as const, d.restartPolicy, {
    Never: q.restartNever,
    OnFailure: q.restartOnFailure,
  });
  a.namespace ??= await one<string>({
    type: 'text',
    message: q.namespace,
    initial: a.name,
    validate: validator(msgs, (v) => assertName('namespace', v)),
  });
  a.registry ??= await one<string>({ type: 'text', message: q.registry, initial: d.registry });

  if (a.ingressHost === undefined && (await one<boolean>({ type: 'confirm', message: q.exposeHttp, initial: false }))) {
    a.route ??= await select(q.route, ['gateway', 'ingress'] as const, 'gateway', { gateway: q.routeGateway, ingress: q.routeIngress });
    a.ingressHost = await one<string>({ type: 'text', message: q.ingressHost });
    a.ingressService ??= await one<string>({ type: 'text', message: q.ingressService, validate: validator(msgs, (v) => assertName('http.service', v)) });
    a.ingressPort ??= String(await one<number>({ type: 'number', message: q.ingressPort, initial: 8080, min: 1, max: 65535 }));
  }
  // No validation in place: a pasted key must stop the run (exit 2, nothing written), not be retyped here.
  if (a.instana !== false) {
    a.instanaZone ??= await one<string>({ type: 'text', message: q.instanaZone, initial: policy.instana.zone });
    a.instanaCluster ??= await one<string>({ type: 'text', message: q.instanaCluster, initial: policy.instana.cluster });
    a.instanaEndpoint ??= await one<string>({ type: 'text', message: q.instanaEndpoint, initial: defaultInstanaEndpoint });
  }
  a.ci ??= await select(q.ci, CI_SYSTEMS, CI_SYSTEMS[0]!, { github: q.ciGithub, azure: q.ciAzure, gitlab: q.ciGitlab, none: q.ciNone });
  return dropDefaults(a, given);
}

/**
 * Answers that merely accepted a policy default are not recorded, so `.projenrc.ts` keeps following the
 * policy; what a flag or the answers file said explicitly stays.
 */
function dropDefaults(a: Answers, given: Answers): Answers {
  const d = policy.jobDefaults;
  const defaults: Partial<Record<keyof Answers, string | undefined>> = {
    kind: d.kind,
    schedule: d.schedule,
    timeZone: d.timeZone,
    concurrencyPolicy: d.concurrencyPolicy,
    restartPolicy: d.restartPolicy,
    registry: d.registry,
    namespace: a.name,
    instanaZone: policy.instana.zone,
    instanaCluster: policy.instana.cluster,
    instanaEndpoint: defaultInstanaEndpoint,
    ci: CI_SYSTEMS[0],
  };
  const out: Answers = { ...a };
  for (const [key, value] of Object.entries(defaults) as [keyof Answers, string][]) {
    if (given[key] === undefined && out[key] === value) delete out[key];
  }
  return out;
}

import prompts, { type PromptObject } from 'prompts';
import { CancelledError, InvalidInputError } from '../errors.js';
import { policy } from '../policy/index.js';
import { assertName, assertSchedule, assertTimeZone, CI_SYSTEMS } from '../project/validate.js';
import { formatPreview, previewSchedule } from '../schedule/preview.js';
import { createRequire } from 'node:module';
import { defaultInstanaEndpoint } from '../components/instana/answers.js';
import { stripUnprintable } from '../util/text.js';
import type { Answers, JobAnswers } from './answers.js';
import { formatProblem } from './format.js';
import { catalogs, type Lang, type Messages } from './i18n.js';

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

/** Language of the library's own words (select hint, yes/no), set by {@link ask}. */
let words = { selectHint: '', yes: 'yes', no: 'no', yesOption: '(Y/n)', noOption: '(y/N)', yesKey: 'y' };

// `prompts` colours through kleur, which ignores NO_COLOR (https://no-color.org): honour it here.
const kleur = createRequire(createRequire(import.meta.url).resolve('prompts'))('kleur') as { enabled: boolean };
if (process.env.NO_COLOR) kleur.enabled = false;

// `prompts` reads only y/n as answers to a confirm; a Spanish "(S/n)" must accept "s" as well.
const ConfirmPrompt = createRequire(import.meta.url)('prompts/lib/elements/confirm.js') as { prototype: { _: (c: string, key: unknown) => unknown } };
const confirmKey = ConfirmPrompt.prototype._;
ConfirmPrompt.prototype._ = function (this: unknown, c: string, key: unknown) {
  return confirmKey.call(this, c.toLowerCase() === words.yesKey ? 'y' : c, key);
};

/** One question; Ctrl+C or Esc cancels the whole run. */
async function one<T>(question: Omit<PromptObject, 'name'>): Promise<T> {
  const localised: Record<string, unknown> = { ...question, name: 'value' };
  if (question.type === 'select') localised.hint ??= words.selectHint;
  if (question.type === 'confirm') Object.assign(localised, { yes: words.yes, no: words.no, yesOption: words.yesOption, noOption: words.noOption });
  if (question.type === 'text') {
    // Control characters typed by mistake (Ctrl+U…) never reach the answer.
    const validate = question.validate as ((v: string) => boolean | string) | undefined;
    const format = question.format as ((v: string) => unknown) | undefined;
    localised.validate = (v: string) => (validate ? validate(stripUnprintable(v)) : true);
    localised.format = (v: string) => (format ? format(stripUnprintable(v)) : stripUnprintable(v));
  }
  const result = await prompts(localised as unknown as PromptObject, {
    onCancel: () => {
      throw new CancelledError();
    },
  });
  return result.value as T;
}

/** Choices show their explanation on their own line, all at once (a description appears only under the highlighted one and wraps). */
function select<T extends string>(message: string, values: readonly T[], initial: T, hints: Partial<Record<T, string>> = {}) {
  return one<T>({
    type: 'select',
    message,
    choices: values.map((v) => ({ title: hints[v] ?? v, value: v })),
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
  words = q.words;

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
      choices: frameworks.map((f) => ({ title: `${f.tfm} (${q.supportEnds} ${f.endOfSupport})`, value: f.tfm })),
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
  // Every job gets its own kind, schedule, zone and policies; the previous job's answers are the defaults.
  const jobAnswers: JobAnswers[] = [];
  let previous: Required<JobAnswers> = { kind: d.kind, schedule: d.schedule, timeZone: d.timeZone, concurrencyPolicy: d.concurrencyPolicy, restartPolicy: d.restartPolicy };
  for (const [i, job] of a.jobs.entries()) {
    if (a.jobs.length > 1) print(q.jobHeader(job, i + 1, a.jobs.length));
    const fixed: JobAnswers = i === 0 ? { kind: a.kind, schedule: a.schedule, timeZone: a.timeZone, concurrencyPolicy: a.concurrencyPolicy, restartPolicy: a.restartPolicy } : { ...given.jobAnswers?.[i] };
    const answered = await askJob(fixed, previous, msgs, lang, print);
    jobAnswers.push(answered);
    previous = { ...previous, ...answered };
  }
  Object.assign(a, jobAnswers[0]);
  a.jobAnswers = [{}, ...jobAnswers.slice(1).map(dropJobDefaults)];
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

/** Asks how one job runs; `fixed` holds what flags already said, `previous` the defaults offered. */
async function askJob(fixed: JobAnswers, previous: Required<JobAnswers>, msgs: Messages, lang: Lang, print: (line: string) => void): Promise<JobAnswers> {
  const q = msgs.prompt;
  const j: JobAnswers = { ...fixed };
  j.kind ??= await select(q.kind, ['cronjob', 'job'] as const, previous.kind as 'cronjob', { cronjob: q.kindCronJob, job: q.kindJob });
  if (j.kind === 'cronjob') {
    j.timeZone ??= await one<string>({
      type: 'text',
      message: q.timeZone,
      initial: previous.timeZone,
      validate: validator(msgs, (v) => assertTimeZone('timeZone', v)),
    });
    j.concurrencyPolicy ??= await select(q.concurrencyPolicy, ['Forbid', 'Replace', 'Allow'] as const, previous.concurrencyPolicy as 'Forbid', {
      Forbid: q.concurrencyForbid,
      Replace: q.concurrencyReplace,
      Allow: q.concurrencyAllow,
    });
    while (j.schedule === undefined) {
      const schedule = await one<string>({
        type: 'text',
        message: q.schedule,
        initial: previous.schedule,
        validate: validator(msgs, (v) => assertSchedule('schedule', v)),
      });
      // Show what the schedule means before it is accepted: words, next runs, DST and overlap warnings.
      try {
        const preview = previewSchedule(schedule, j.timeZone, lang, { concurrencyPolicy: j.concurrencyPolicy as 'Allow' });
        for (const line of formatPreview(preview, lang)) print(line);
      } catch {
        // `@every` is accepted by Kubernetes but has no calendar to preview.
      }
      if (await one<boolean>({ type: 'confirm', message: q.scheduleConfirm, initial: true })) j.schedule = schedule;
    }
  }
  j.restartPolicy ??= await select(q.restartPolicy, ['Never', 'OnFailure'] as const, previous.restartPolicy as 'Never', {
    Never: q.restartNever,
    OnFailure: q.restartOnFailure,
  });
  return j;
}

/** A later job's answers that equal the policy default are left out of `.projenrc.ts`, like the first job's. */
function dropJobDefaults(job: JobAnswers): JobAnswers {
  const d = policy.jobDefaults;
  const out: JobAnswers = {};
  for (const key of ['kind', 'schedule', 'timeZone', 'concurrencyPolicy', 'restartPolicy'] as const) {
    if (job[key] !== undefined && job[key] !== d[key]) out[key] = job[key];
  }
  return out;
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

/** `batch-job adopt` on a terminal: which of several apps becomes the job (Ctrl+C or Esc cancels, exit 130). */
export async function askAdoptApp(message: string, choices: readonly { readonly title: string; readonly value: string }[], lang: Lang): Promise<string> {
  words = catalogs[lang].prompt.words;
  return one<string>({ type: 'select', message, choices: choices.map((c) => ({ ...c })), initial: 0 });
}

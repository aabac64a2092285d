import prompts from 'prompts';
import { CancelledError, InvalidInputError } from '../errors.js';
import { policy, type Framework } from '../policy/index.js';
import { assertFramework, assertName } from '../project/validate.js';
import { formatProblem } from './format.js';
import type { Messages } from './i18n.js';

/** What the interactive flow asks; each answer already has a flag, so only missing ones are asked. */
export interface Questions {
  readonly directory?: string;
  readonly name?: string;
  readonly framework?: string;
  readonly jobs?: readonly string[];
  readonly defaultName: string;
}

export interface PromptAnswers {
  readonly directory?: string;
  readonly name?: string;
  readonly framework?: Framework;
  readonly jobs?: readonly string[];
}

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

/**
 * Asks for every answer not given by a flag. The only module that talks to `prompts`, so the rest of the
 * CLI stays non-interactive and testable; tests drive it through a pseudo-terminal or `prompts.inject`.
 */
export async function ask(questions: Questions, msgs: Messages): Promise<PromptAnswers> {
  const frameworks = Object.values(policy.frameworks);
  const result = await prompts(
    [
      {
        type: questions.directory === undefined ? 'text' : null,
        name: 'directory',
        message: msgs.prompt.directory,
        initial: questions.defaultName,
        validate: (v: string) => (v.trim().length > 0 ? true : msgs.problem['directory-invalid']),
      },
      {
        type: questions.name === undefined ? 'text' : null,
        name: 'name',
        message: msgs.prompt.name,
        initial: (prev: string | undefined) => {
          const base = (prev ?? questions.directory ?? questions.defaultName).split('/').filter(Boolean).pop() ?? '';
          return base.toLowerCase();
        },
        validate: validator(msgs, (v) => assertName('name', v)),
      },
      {
        type: questions.framework === undefined ? 'select' : null,
        name: 'framework',
        message: msgs.prompt.framework,
        hint: msgs.prompt.frameworkHint,
        choices: frameworks.map((f) => ({
          title: f.tfm,
          value: f.tfm,
          description: `${f.runtimeImage}; support ends ${f.endOfSupport}`,
        })),
        initial: frameworks.findIndex((f) => f.tfm === policy.defaultFramework),
      },
      {
        type: questions.jobs === undefined ? 'text' : null,
        name: 'jobs',
        message: msgs.prompt.jobs,
        hint: msgs.prompt.jobsHint,
        initial: (_prev: unknown, values: { name?: string }) => values.name ?? questions.name ?? questions.defaultName,
        validate: validator(msgs, (v) => {
          const jobs = splitJobs(v);
          if (jobs.length === 0) assertName('jobs[0]', '');
          jobs.forEach((j, i) => assertName(`jobs[${i}]`, j));
        }),
        format: (v: string) => splitJobs(v),
      },
    ],
    {
      onCancel: () => {
        throw new CancelledError();
      },
    },
  );
  if (result.framework !== undefined) assertFramework('framework', result.framework);
  return result as PromptAnswers;
}

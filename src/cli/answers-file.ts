import { readFileSync } from 'node:fs';
import { InvalidInputError } from '../errors.js';
import { ANSWER_KEYS, JOB_ANSWER_KEYS, type Answers, type JobAnswers } from './answers.js';

const EXAMPLE = '{"name": "nightly-report", "jobs": ["nightly-report"]}';

/** Reads `--answers`: the same keys as the flags, in camelCase; `jobs` is a list of names. */
export function readAnswersFile(path: string): Answers {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new InvalidInputError('answers-unreadable', 'answers', path, '--answers answers.json');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidInputError('answers-invalid', 'answers', path, EXAMPLE);
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(ANSWER_KEYS as readonly string[]).includes(key)) {
      throw new InvalidInputError('option-unknown', `answers.${key}`, '', EXAMPLE);
    }
    if (key === 'jobs') {
      const names = Array.isArray(value) ? value.map((j) => (typeof j === 'object' && j !== null ? (j as { name?: unknown }).name : j)) : [];
      if (!Array.isArray(value) || names.some((n) => typeof n !== 'string')) {
        throw new InvalidInputError('answers-invalid', 'answers.jobs', JSON.stringify(value), '{"jobs": ["nightly-report"]}');
      }
      out.jobs = names;
      // A job given as an object may say how it runs: {"name": "cleanup", "schedule": "0 3 * * *", …}.
      out.jobAnswers = value.map((j, i) => {
        const settings: JobAnswers = {};
        if (typeof j !== 'object' || j === null) return settings;
        for (const [field, setting] of Object.entries(j as Record<string, unknown>)) {
          if (field === 'name') continue;
          if (!(JOB_ANSWER_KEYS as readonly string[]).includes(field) || typeof setting !== 'string') {
            throw new InvalidInputError('answers-invalid', `answers.jobs[${i}].${field}`, String(setting), '{"jobs": [{"name": "cleanup", "schedule": "0 3 * * *"}]}');
          }
          settings[field as keyof JobAnswers] = setting;
        }
        return settings;
      });
    } else if (key === 'instana' && typeof value === 'boolean') {
      out.instana = value;
    } else if (key === 'ingressPort' && typeof value === 'number') {
      out.ingressPort = String(value);
    } else if (typeof value !== 'string') {
      throw new InvalidInputError('answers-invalid', `answers.${key}`, String(value), EXAMPLE);
    } else {
      out[key] = value;
    }
  }
  return out as Answers;
}

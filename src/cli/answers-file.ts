import { readFileSync } from 'node:fs';
import { InvalidInputError } from '../errors.js';

/** Answers a file can give; the same keys as the flags. */
export interface AnswersFile {
  readonly directory?: string;
  readonly name?: string;
  readonly framework?: string;
  readonly jobs?: readonly string[];
}

const KEYS = new Set(['directory', 'name', 'framework', 'jobs']);

export function readAnswersFile(path: string): AnswersFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw new InvalidInputError('answers-unreadable', 'answers', path, '--answers answers.json');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new InvalidInputError('answers-invalid', 'answers', path, '{"name": "nightly-report"}');
  }
  const record = data as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.has(key)) throw new InvalidInputError('option-unknown', `answers.${key}`, '', '{"name": "nightly-report"}');
  }
  for (const key of ['directory', 'name', 'framework'] as const) {
    if (record[key] !== undefined && typeof record[key] !== 'string') {
      throw new InvalidInputError('answers-invalid', `answers.${key}`, String(record[key]), '{"name": "nightly-report"}');
    }
  }
  const jobs = record.jobs;
  if (jobs !== undefined) {
    const names = Array.isArray(jobs) ? jobs.map((j) => (typeof j === 'object' && j !== null ? (j as { name?: unknown }).name : j)) : [];
    if (!Array.isArray(jobs) || names.some((n) => typeof n !== 'string')) {
      throw new InvalidInputError('answers-invalid', 'answers.jobs', JSON.stringify(jobs), '{"jobs": ["nightly-report"]}');
    }
    return { ...(record as AnswersFile), jobs: names as string[] };
  }
  return record as AnswersFile;
}

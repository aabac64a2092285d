import { InvalidInputError } from '../errors.js';
import { policy, type Framework } from '../policy/index.js';
import { dnsLabelProblem } from '../util/names.js';
import type { BatchJobProjectOptions } from './options.js';

const EXAMPLE_NAME = 'nightly-report';

/** Throws {@link InvalidInputError} unless `value` is a lowercase DNS-1123 label of at most 52 characters. */
export function assertName(field: string, value: unknown): string {
  const text = typeof value === 'string' ? value : String(value ?? '');
  const problem = dnsLabelProblem(text);
  if (problem) throw new InvalidInputError(`name-${problem}`, field, text, EXAMPLE_NAME);
  return text;
}

export function isFramework(value: unknown): value is Framework {
  return typeof value === 'string' && Object.hasOwn(policy.frameworks, value);
}

export function assertFramework(field: string, value: unknown): Framework {
  if (!isFramework(value)) {
    throw new InvalidInputError('framework-unknown', field, String(value ?? ''), Object.keys(policy.frameworks).join('|'));
  }
  return value;
}

/** A fully resolved, validated set of project options (defaults applied). */
export interface ResolvedOptions {
  readonly name: string;
  readonly framework: Framework;
  readonly jobs: readonly { readonly name: string }[];
}

/** Validates options from any source (`.projenrc.ts`, flags, answers file) and applies the policy's defaults. */
export function resolveOptions(options: BatchJobProjectOptions): ResolvedOptions {
  const name = assertName('name', options.name);
  const framework = assertFramework('framework', options.framework ?? policy.defaultFramework);
  const jobs = (options.jobs && options.jobs.length > 0 ? options.jobs : [{ name }]).map((job, i) => ({
    name: assertName(`jobs[${i}].name`, job.name),
  }));
  const seen = new Set<string>();
  for (const [i, job] of jobs.entries()) {
    if (seen.has(job.name)) throw new InvalidInputError('name-duplicate', `jobs[${i}].name`, job.name, `${job.name}-2`);
    seen.add(job.name);
  }
  return { name, framework, jobs };
}

import { policy } from '../../policy/index.js';
import type { InstanaOptions } from '../../project/options.js';
import { assertNoKeyMaterial, parseEndpoint } from './resolve.js';

/** The Instana answers a user can give (flags, answers file, prompts). */
export interface InstanaAnswers {
  instanaZone?: string;
  instanaCluster?: string;
  instanaEndpoint?: string;
  instana?: boolean;
}

/** The `endpoint` answer that merely repeats the policy default (not recorded, so the policy can move it). */
export const defaultInstanaEndpoint = `${policy.instana.endpointHost}:${policy.instana.endpointPort}`;

/**
 * What `.projenrc.ts` records for Instana: `false` for `--no-instana`, the fields the user set, or nothing.
 * Key material is refused here first, before any other check could echo the value.
 */
export function instanaOptions(answers: InstanaAnswers): InstanaOptions | false | undefined {
  assertNoKeyMaterial('instana.zone', answers.instanaZone);
  assertNoKeyMaterial('instana.cluster', answers.instanaCluster);
  assertNoKeyMaterial('instanaEndpoint', answers.instanaEndpoint);
  if (answers.instana === false) return false;
  const out: { -readonly [K in keyof InstanaOptions]: InstanaOptions[K] } = {};
  if (answers.instanaZone !== undefined) out.zone = answers.instanaZone;
  if (answers.instanaCluster !== undefined) out.cluster = answers.instanaCluster;
  if (answers.instanaEndpoint !== undefined) Object.assign(out, parseEndpoint('instanaEndpoint', answers.instanaEndpoint));
  return Object.keys(out).length > 0 ? out : undefined;
}

import { validateBatchObject } from './apiserver/index.js';
import { validatePodSecurityRestricted } from './pod-security/index.js';
import { validatePractices } from './practice/index.js';
import { validateSchema } from './schema/index.js';
import type { Finding, KubeObject } from './types.js';

export type { Finding, FindingSource, KubeObject } from './types.js';

/**
 * Everything known about one object: (a) the Kubernetes schema, (b) the apiserver's batch/v1 rules,
 * (c) Pod Security "restricted", then good-practice warnings. Shared by the generator's tests and `check`.
 */
export function validateObject(obj: KubeObject): Finding[] {
  // A YAML document that is only `null`, a string or a list: the other layers read the fields of a mapping.
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return validateSchema(obj);
  return [...validateSchema(obj), ...validateBatchObject(obj), ...validatePodSecurityRestricted(obj), ...validatePractices(obj)];
}

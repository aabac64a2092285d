import { createHash } from 'node:crypto';
import {
  CRONJOB_NAME_MAX_LENGTH,
  DNS1123_LABEL_MAX_LENGTH,
  dns1123LabelProblems,
} from '../../validation/apiserver/names.js';

/**
 * Longest name each kind of object the repo writes may take. Every name is kept a DNS label: a Job's name also
 * becomes a pod label value (63), and a CronJob's leaves room for the controller's `-<timestamp>` suffix (52).
 */
export const OBJECT_NAME_MAX_LENGTH = {
  CronJob: CRONJOB_NAME_MAX_LENGTH,
  Job: DNS1123_LABEL_MAX_LENGTH,
  ConfigMap: DNS1123_LABEL_MAX_LENGTH,
  ServiceAccount: DNS1123_LABEL_MAX_LENGTH,
  Role: DNS1123_LABEL_MAX_LENGTH,
  Route: DNS1123_LABEL_MAX_LENGTH,
} as const;

export type NamedKind = keyof typeof OBJECT_NAME_MAX_LENGTH;

/** Hex characters of the hash that replaces the cut end of a name too long for its kind. */
const HASH_LENGTH = 6;

/**
 * The name of an object of `kind` for `parts` of repository `app`: `<app>-<part>-...`, so that two repositories
 * with a job of the same name can share a namespace without overwriting each other's objects. A part equal to the
 * app name is not repeated (`nightly-report` job of the `nightly-report` repo stays `nightly-report`). A name longer
 * than the kind allows is cut and ends in a hash of the full name: deterministic, and still distinct.
 */
export function qualifiedName(kind: NamedKind, app: string, ...parts: string[]): string {
  return qualifiedNameWithin(OBJECT_NAME_MAX_LENGTH[kind], kind, app, ...parts);
}

/** {@link qualifiedName} within `limit` characters, for a name that something is appended to later. */
export function qualifiedNameWithin(limit: number, kind: NamedKind, app: string, ...parts: string[]): string {
  const segments = [app, ...parts.filter((part, i) => !(i === 0 && part === app))];
  const full = segments.join('-');
  const name = full.length <= limit ? full : shorten(full, limit);
  const problems = dns1123LabelProblems(name);
  if (name.length > limit || problems.length > 0) {
    throw new Error(`${kind} name "${name}" is not valid: ${problems.join('; ') || `longer than ${limit}`}`);
  }
  return name;
}

function shorten(full: string, limit: number): string {
  const hash = createHash('sha256').update(full).digest('hex').slice(0, HASH_LENGTH);
  const head = full.slice(0, limit - HASH_LENGTH - 1).replace(/-+$/, '');
  return `${head}-${hash}`;
}

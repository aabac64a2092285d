import { dns1123LabelProblems } from '../validation/apiserver/names.js';

/** Longest CronJob name the apiserver accepts (52 = 63 minus the 11 characters the controller appends). */
export const MAX_NAME_LENGTH = 52;


/** Why `value` is not a lowercase DNS-1123 label of at most 52 characters, or `undefined` when it is. */
export function dnsLabelProblem(value: string): 'empty' | 'too-long' | 'invalid' | undefined {
  if (value.length === 0) return 'empty';
  if (value.length > MAX_NAME_LENGTH) return 'too-long';
  if (dns1123LabelProblems(value).length > 0) return 'invalid';
  return undefined;
}

/** `nightly-report` → `NightlyReport`; a leading digit gets a `Job` prefix so the result is a C# identifier. */
export function pascalCase(name: string): string {
  const pascal = name
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
  return /^[0-9]/.test(pascal) ? `Job${pascal}` : pascal;
}

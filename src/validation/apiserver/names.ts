/**
 * Name rules the apiserver applies to Jobs and CronJobs: `ValidateObjectMeta` with a DNS-1123 subdomain name
 * function, the CronJob 52-character limit (`ValidateCronJobCreate`: the controller appends an 11-character
 * `-<timestamp>` and Job names must stay within 63), and the Job-specific limits that follow from the labels and
 * hostnames the apiserver and Job controller derive from the name.
 */
import { asObj, asStr, child, type Issue } from './internal.js';

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const DNS1123_SUBDOMAIN = new RegExp(`^${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*$`);
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
export const LABEL_VALUE_MAX_LENGTH = 63;
/** 63 (a Job name) − 11 (`-` and the scheduled-time suffix the CronJob controller appends). */
export const CRONJOB_NAME_MAX_LENGTH = 52;
/** The name generator keeps at most this much of `generateName`, then appends 5 random characters. */
const MAX_GENERATE_NAME_PREFIX = 58;
const GENERATED_SUFFIX_LENGTH = 5;

const maxLen = (n: number): string => `must be no more than ${n} characters`;

/** apimachinery `IsDNS1123Label`: messages, empty when valid. */
export function dns1123LabelProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_LABEL_MAX_LENGTH) problems.push(maxLen(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL.test(value)) {
    problems.push(
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and " +
        "end with an alphanumeric character (e.g. 'my-name', or '123-abc')",
    );
  }
  return problems;
}

/** apimachinery `IsDNS1123Subdomain`: messages, empty when valid. */
export function dns1123SubdomainProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > DNS1123_SUBDOMAIN_MAX_LENGTH) problems.push(maxLen(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN.test(value)) {
    problems.push(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must " +
        "start and end with an alphanumeric character (e.g. 'example.com')",
    );
  }
  return problems;
}

/** apimachinery `IsQualifiedName` (label keys, condition types): `[prefix/]name`. */
export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const problems: string[] = [];
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const [prefix, rest] = parts as [string, string];
    name = rest;
    if (prefix.length === 0) problems.push('prefix part must be non-empty');
    else problems.push(...dns1123SubdomainProblems(prefix).map((p) => `prefix part ${p}`));
  } else {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an " +
        "alphanumeric character, with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) {
    problems.push('name part must be non-empty');
  } else {
    if (name.length > 63) problems.push(`name part ${maxLen(63)}`);
    if (!QUALIFIED_NAME_PART.test(name)) {
      problems.push(
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an " +
          "alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc')",
      );
    }
  }
  return problems;
}

/** apimachinery `IsValidLabelValue`. */
export function labelValueProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > LABEL_VALUE_MAX_LENGTH) problems.push(maxLen(LABEL_VALUE_MAX_LENGTH));
  if (!LABEL_VALUE.test(value)) {
    problems.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must " +
        'start and end with an alphanumeric character',
    );
  }
  return problems;
}

/**
 * Why a CronJob named `name` would be rejected on create, in one line, or `undefined`:
 * a DNS-1123 subdomain of at most 52 characters.
 */
export function cronJobNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'name is required';
  return dns1123SubdomainProblems(name)[0] ?? (name.length > CRONJOB_NAME_MAX_LENGTH ? maxLen(52) : undefined);
}

/**
 * Why a Job named `name` would be rejected on create, in one line, or `undefined`: a DNS-1123 subdomain, and at
 * most 63 characters because the apiserver copies the name into the pod template's `job-name` label, whose values
 * are limited to 63 (the generated-selector rules in `validateGeneratedSelector` require that label).
 */
export function jobNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'name is required';
  return dns1123SubdomainProblems(name)[0] ?? labelValueProblems(name)[0];
}

/** The name the apiserver will validate: `metadata.name`, or what it generates from `metadata.generateName`. */
export function effectiveName(metadata: unknown): string | undefined {
  const meta = asObj(metadata);
  const name = asStr(meta?.['name']);
  if (name) return name;
  const generateName = asStr(meta?.['generateName']);
  if (!generateName) return undefined;
  return generateName.slice(0, MAX_GENERATE_NAME_PREFIX) + 'x'.repeat(GENERATED_SUFFIX_LENGTH);
}

/** `maskTrailingDash`: a generateName may end in `-` because characters are appended to it. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? name.slice(0, -2) + 'a' : name;
}

/** `ValidateObjectMeta(meta, requiresNamespace=true, NameIsDNSSubdomain)` for the fields a manifest carries. */
export function validateObjectMetaNames(metadata: unknown, path = 'metadata'): Issue[] {
  const meta = asObj(metadata);
  const issues: Issue[] = [];
  const name = asStr(meta?.['name']) ?? '';
  const generateName = asStr(meta?.['generateName']) ?? '';
  if (generateName !== '') {
    for (const p of dns1123SubdomainProblems(maskTrailingDash(generateName))) {
      issues.push({ path: child(path, 'generateName'), rule: 'metadata-generate-name', message: p });
    }
  }
  if (name === '' && generateName === '') {
    issues.push({ path: child(path, 'name'), rule: 'metadata-name-required', message: 'name or generateName is required' });
  } else if (name !== '') {
    for (const p of dns1123SubdomainProblems(name)) {
      issues.push({ path: child(path, 'name'), rule: 'metadata-name', message: `Invalid value: ${JSON.stringify(name)}: ${p}` });
    }
  }
  // The namespace usually comes from the kubectl context; when the manifest names one, it must be a DNS label.
  const namespace = asStr(meta?.['namespace']);
  if (namespace !== undefined && namespace !== '') {
    for (const p of dns1123LabelProblems(namespace)) {
      issues.push({ path: child(path, 'namespace'), rule: 'metadata-namespace', message: p });
    }
  }
  issues.push(...validateLabels(meta?.['labels'], child(path, 'labels'), 'metadata-labels'));
  return issues;
}

/** `ValidateLabels`: keys are qualified names, values are label values. */
export function validateLabels(labels: unknown, path: string, rule: string): Issue[] {
  const map = asObj(labels);
  if (!map) return [];
  const issues: Issue[] = [];
  for (const [key, value] of Object.entries(map)) {
    for (const p of qualifiedNameProblems(key)) issues.push({ path, rule, message: `Invalid value: ${JSON.stringify(key)}: ${p}` });
    if (typeof value === 'string') {
      for (const p of labelValueProblems(value)) {
        issues.push({ path, rule, message: `Invalid value: ${JSON.stringify(value)}: ${p}` });
      }
    }
  }
  return issues;
}

/**
 * batch/v1 Job rules the apiserver applies on create (`ValidateJob`, `validateJobSpec`, `validatePodFailurePolicy`,
 * `validateSuccessPolicy`, `validatePodReplacementPolicy`, `validateGeneratedSelector` in
 * pkg/apis/batch/validation/validation.go), applied to a manifest as it looks after the apiserver's defaulting
 * (`SetDefaults_Job` for a standalone Job, `SetDefaults_PodSpec` for every pod template) and selector generation.
 * Update-only rules (immutability, status) are out of scope: a manifest is judged as a create.
 */
import { asArr, asBool, asInt, asObj, asStr, child, goAtoi, index, isSet, q, type Issue, type Obj } from './internal.js';
import { dns1123LabelProblems, dns1123SubdomainProblems, effectiveName, jobNameProblem, qualifiedNameProblems, validateObjectMetaNames } from './names.js';
import { hostNetworkIssues } from './pod-spec.js';
import { isUsableSelector, labelSet, selectorMatches, UNKNOWN_VALUE, validateLabelSelector } from './selector.js';

const MAX_PARALLELISM_FOR_INDEXED_JOB = 100_000;
const MAX_FAILED_INDEXES_FOR_INDEXED_JOB = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_ON_EXIT_CODES_VALUES = 255;
const MAX_ON_POD_CONDITIONS_PATTERNS = 20;
const MAX_MANAGED_BY_LENGTH = 63;
const MAX_SUCCEEDED_INDEXES_LENGTH = 64 * 1024;
const MAX_SUCCESS_POLICY_RULES = 20;

const POD_FAILURE_POLICY_ACTIONS = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const ON_EXIT_CODES_OPERATORS = ['In', 'NotIn'];
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const POD_REPLACEMENT_POLICIES = ['Failed', 'TerminatingOrFailed'];

/** The labels the apiserver puts on a generated Job's pod template (`generateSelector`). */
const JOB_NAME_LABELS = ['job-name', 'batch.kubernetes.io/job-name'];
const CONTROLLER_UID_LABELS = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

const HTTP_PATH = /^[A-Za-z0-9/\-._~%!$&'()*+,;=:]+$/;

export interface JobSpecOptions {
  /**
   * Apply batch/v1 `SetDefaults_Job`'s count defaults first (completions/parallelism default to 1). True for a
   * standalone Job; a CronJob's `jobTemplate.spec` is validated without them.
   */
  readonly jobDefaults: boolean;
}

const supported = (values: readonly string[]): string => values.map((v) => q(v)).join(', ');

/** `apivalidation.ValidateNonnegativeField` */
function nonNegative(value: number | undefined, path: string, rule = 'job-non-negative'): Issue[] {
  return value !== undefined && value < 0
    ? [{ path, rule, message: `Invalid value: ${value}: must be greater than or equal to 0` }]
    : [];
}

/** `apimachineryvalidation.IsDomainPrefixedPath` plus the 63-character limit. */
function validateManagedBy(value: string, path: string): Issue[] {
  const rule = 'job-managed-by';
  const issues: Issue[] = [];
  if (value.length === 0) {
    issues.push({ path, rule, message: 'Required value' });
  } else {
    const slash = value.indexOf('/');
    const host = slash === -1 ? '' : value.slice(0, slash);
    const rest = slash === -1 ? '' : value.slice(slash + 1);
    if (host === '' || rest === '') {
      issues.push({ path, rule, message: `Invalid value: ${q(value)}: must be a domain-prefixed path (such as "acme.io/foo")` });
    } else {
      for (const p of dns1123SubdomainProblems(host)) issues.push({ path, rule, message: `Invalid value: ${q(host)}: ${p}` });
      if (!HTTP_PATH.test(rest)) issues.push({ path, rule, message: `Invalid value: ${q(rest)}: Invalid path` });
    }
  }
  if (value.length > MAX_MANAGED_BY_LENGTH) {
    issues.push({ path, rule, message: `Too long: may not be more than ${MAX_MANAGED_BY_LENGTH} bytes` });
  }
  return issues;
}

/** `parseIndexInterval` + `validateIndexesFormat`: returns the number of indexes, or an error message. */
export function indexesFormat(indexes: string, completions: number): { total: number } | { error: string } {
  if (indexes.length === 0) return { total: 0 };
  let last: bigint | undefined;
  let total = 0;
  for (const interval of indexes.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) {
      return { error: `the fragment ${q(interval)} violates the requirement that an index interval can have at most two parts separated by '-'` };
    }
    const x = goAtoi(limits[0]!);
    if (x === undefined) return { error: `cannot convert string to integer for index: ${q(limits[0]!)}` };
    if (x >= BigInt(completions)) return { error: `too large index: ${q(limits[0]!)}` };
    let y = x;
    if (limits.length === 2) {
      const parsed = goAtoi(limits[1]!);
      if (parsed === undefined) return { error: `cannot convert string to integer for index: ${q(limits[1]!)}` };
      if (parsed >= BigInt(completions)) return { error: `too large index: ${q(limits[1]!)}` };
      if (x >= parsed) return { error: `non-increasing order, previous: ${x}, current: ${parsed}` };
      y = parsed;
    }
    if (last !== undefined && last >= x) return { error: `non-increasing order, previous: ${last}, current: ${x}` };
    total += Number(y - x) + 1;
    last = y;
  }
  return { total };
}

function containerNames(templateSpec: Obj | undefined): Set<string> {
  const names = new Set<string>();
  for (const key of ['containers', 'initContainers']) {
    for (const c of asArr(templateSpec?.[key]) ?? []) {
      const name = asStr(asObj(c)?.['name']);
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}

function validateOnExitCodes(onExitCodes: Obj, path: string, names: ReadonlySet<string>): Issue[] {
  const rule = 'job-pod-failure-policy';
  const issues: Issue[] = [];
  const operator = asStr(onExitCodes['operator']) ?? '';
  const operatorPath = child(path, 'operator');
  if (operator === '') {
    issues.push({ path: operatorPath, rule, message: 'Required value: valid values: ["In" "NotIn"]' });
  } else if (!ON_EXIT_CODES_OPERATORS.includes(operator)) {
    issues.push({ path: operatorPath, rule, message: `Unsupported value: ${q(operator)}: supported values: ${supported(ON_EXIT_CODES_OPERATORS)}` });
  }
  const containerName = asStr(onExitCodes['containerName']);
  if (containerName !== undefined && !names.has(containerName)) {
    issues.push({
      path: child(path, 'containerName'),
      rule,
      message: `Invalid value: ${q(containerName)}: must be one of the container or initContainer names in the pod template`,
    });
  }
  const valuesPath = child(path, 'values');
  const values = asArr(onExitCodes['values']) ?? [];
  if (values.length === 0) {
    issues.push({ path: valuesPath, rule, message: 'Invalid value: []: at least one value is required' });
  } else if (values.length > MAX_ON_EXIT_CODES_VALUES) {
    issues.push({ path: valuesPath, rule, message: `Too many: ${values.length}: must have at most ${MAX_ON_EXIT_CODES_VALUES} items` });
  }
  let ordered = true;
  const seen = new Set<number>();
  let previous: number | undefined;
  values.forEach((raw, j) => {
    const value = asInt(raw);
    if (value === undefined) return;
    const valuePath = index(valuesPath, j);
    if (operator === 'In' && value === 0) {
      issues.push({ path: valuePath, rule, message: 'Invalid value: 0: must not be 0 for the In operator' });
    }
    if (seen.has(value)) issues.push({ path: valuePath, rule, message: `Duplicate value: ${value}` });
    else seen.add(value);
    if (previous !== undefined && previous > value) ordered = false;
    previous = value;
  });
  if (!ordered) issues.push({ path: valuesPath, rule, message: `Invalid value: [${values.join(',')}]: must be ordered` });
  return issues;
}

function validateOnPodConditions(patterns: readonly unknown[], path: string): Issue[] {
  const rule = 'job-pod-failure-policy';
  const issues: Issue[] = [];
  if (patterns.length > MAX_ON_POD_CONDITIONS_PATTERNS) {
    issues.push({ path, rule, message: `Too many: ${patterns.length}: must have at most ${MAX_ON_POD_CONDITIONS_PATTERNS} items` });
  }
  patterns.forEach((raw, j) => {
    const pattern = asObj(raw) ?? {};
    const patternPath = index(path, j);
    const type = asStr(pattern['type']) ?? '';
    for (const p of qualifiedNameProblems(type)) {
      issues.push({ path: child(patternPath, 'type'), rule, message: `Invalid value: ${q(type)}: ${p}` });
    }
    // SetDefaults_Job, and since Kubernetes 1.34 SetDefaults_CronJob for the job template (kubernetes#131525),
    // turn an empty status into "True" before validation: validation's "Required value" is no longer reachable.
    const status = asStr(pattern['status']) || 'True';
    const statusPath = child(patternPath, 'status');
    if (!CONDITION_STATUSES.includes(status)) {
      issues.push({ path: statusPath, rule, message: `Unsupported value: ${q(status)}: supported values: ${supported(CONDITION_STATUSES)}` });
    }
  });
  return issues;
}

function validatePodFailurePolicy(spec: Obj, pfp: Obj, path: string): Issue[] {
  const rule = 'job-pod-failure-policy';
  const issues: Issue[] = [];
  const rulesPath = child(path, 'rules');
  const rules = asArr(pfp['rules']) ?? [];
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) {
    issues.push({ path: rulesPath, rule, message: `Too many: ${rules.length}: must have at most ${MAX_POD_FAILURE_POLICY_RULES} items` });
  }
  const names = containerNames(asObj(asObj(spec['template'])?.['spec']));
  rules.forEach((raw, i) => {
    const r = asObj(raw) ?? {};
    const rulePath = index(rulesPath, i);
    const actionPath = child(rulePath, 'action');
    const action = asStr(r['action']) ?? '';
    if (action === '') {
      issues.push({ path: actionPath, rule, message: 'Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]' });
    } else if (action === 'FailIndex') {
      if (!isSet(spec['backoffLimitPerIndex'])) {
        issues.push({ path: actionPath, rule, message: 'Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set' });
      }
    } else if (!POD_FAILURE_POLICY_ACTIONS.includes(action)) {
      issues.push({ path: actionPath, rule, message: `Unsupported value: ${q(action)}: supported values: ${supported(POD_FAILURE_POLICY_ACTIONS)}` });
    }
    const onExitCodes = isSet(r['onExitCodes']) ? asObj(r['onExitCodes']) : undefined;
    const onPodConditions = asArr(r['onPodConditions']) ?? [];
    if (onExitCodes) issues.push(...validateOnExitCodes(onExitCodes, child(rulePath, 'onExitCodes'), names));
    if (onPodConditions.length > 0) {
      issues.push(...validateOnPodConditions(onPodConditions, child(rulePath, 'onPodConditions')));
    }
    if (onExitCodes && onPodConditions.length > 0) {
      issues.push({ path: rulePath, rule, message: 'Invalid value: specifying both OnExitCodes and OnPodConditions is not supported' });
    }
    if (!onExitCodes && onPodConditions.length === 0) {
      issues.push({ path: rulePath, rule, message: 'Invalid value: specifying one of OnExitCodes and OnPodConditions is required' });
    }
  });
  return issues;
}

function validateSuccessPolicy(successPolicy: Obj, completions: number | undefined, path: string): Issue[] {
  const rule = 'job-success-policy';
  const issues: Issue[] = [];
  const rulesPath = child(path, 'rules');
  const rules = asArr(successPolicy['rules']) ?? [];
  if (rules.length === 0) {
    issues.push({ path: rulesPath, rule, message: 'Required value: at least one rules must be specified when the successPolicy is specified' });
  }
  if (rules.length > MAX_SUCCESS_POLICY_RULES) {
    issues.push({ path: rulesPath, rule, message: `Too many: ${rules.length}: must have at most ${MAX_SUCCESS_POLICY_RULES} items` });
  }
  rules.forEach((raw, i) => {
    const r = asObj(raw) ?? {};
    const rulePath = index(rulesPath, i);
    const count = asInt(r['succeededCount']);
    const indexes = asStr(r['succeededIndexes']);
    if (!isSet(r['succeededCount']) && !isSet(r['succeededIndexes'])) {
      issues.push({ path: rulePath, rule, message: 'Required value: at least one of succeededCount or succeededIndexes must be specified' });
    }
    let total = 0;
    if (indexes !== undefined) {
      const indexesPath = child(rulePath, 'succeededIndexes');
      if (indexes.length > MAX_SUCCEEDED_INDEXES_LENGTH) {
        issues.push({ path: indexesPath, rule, message: `Too long: may not be more than ${MAX_SUCCEEDED_INDEXES_LENGTH} bytes` });
      }
      // (Without completions the apiserver would dereference nil here; `completions` is reported as required.)
      if (completions !== undefined) {
        const parsed = indexesFormat(indexes, completions);
        if ('error' in parsed) {
          issues.push({ path: indexesPath, rule, message: `Invalid value: ${q(indexes.slice(0, 80))}: error parsing succeededIndexes: ${parsed.error}` });
        } else {
          total = parsed.total;
        }
      }
    }
    if (count !== undefined) {
      const countPath = child(rulePath, 'succeededCount');
      issues.push(...nonNegative(count, countPath, rule));
      if (completions !== undefined && count > completions) {
        issues.push({
          path: countPath,
          rule,
          message: `Invalid value: ${count}: must be less than or equal to ${completions} (the number of specified completions)`,
        });
      }
      if (indexes !== undefined && count > total) {
        issues.push({
          path: countPath,
          rule,
          message: `Invalid value: ${count}: must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`,
        });
      }
    }
  });
  return issues;
}

/** The spec's counts as the validator sees them, after `SetDefaults_Job` when it applies. */
export function effectiveCounts(spec: Obj, opts: JobSpecOptions): { completions?: number; parallelism?: number } {
  let completions = asInt(spec['completions']);
  let parallelism = asInt(spec['parallelism']);
  if (opts.jobDefaults) {
    if (!isSet(spec['completions']) && !isSet(spec['parallelism'])) completions = 1;
    if (!isSet(spec['parallelism'])) parallelism = 1;
  }
  return { ...(completions !== undefined && { completions }), ...(parallelism !== undefined && { parallelism }) };
}

/**
 * `validateJobSpec` for a manifest's Job spec at `path` (`spec` for a Job, `spec.jobTemplate.spec` for a CronJob).
 * The selector rules differ between the two and live in `validateJob` / the CronJob validator.
 */
export function validateJobSpec(rawSpec: unknown, path: string, opts: JobSpecOptions): Issue[] {
  const spec = asObj(rawSpec) ?? {};
  const issues: Issue[] = [];
  const { completions, parallelism } = effectiveCounts(spec, opts);
  const backoffLimitPerIndex = asInt(spec['backoffLimitPerIndex']);
  const hasBackoffLimitPerIndex = isSet(spec['backoffLimitPerIndex']);
  const maxFailedIndexes = asInt(spec['maxFailedIndexes']);
  const hasMaxFailedIndexes = isSet(spec['maxFailedIndexes']);
  const at = (name: string): string => child(path, name);

  issues.push(...nonNegative(parallelism, at('parallelism')));
  issues.push(...nonNegative(completions, at('completions')));
  issues.push(...nonNegative(asInt(spec['activeDeadlineSeconds']), at('activeDeadlineSeconds')));
  issues.push(...nonNegative(asInt(spec['backoffLimit']), at('backoffLimit')));
  issues.push(...nonNegative(asInt(spec['ttlSecondsAfterFinished']), at('ttlSecondsAfterFinished')));
  issues.push(...nonNegative(backoffLimitPerIndex, at('backoffLimitPerIndex')));
  if (hasMaxFailedIndexes) {
    issues.push(...nonNegative(maxFailedIndexes, at('maxFailedIndexes')));
    if (!hasBackoffLimitPerIndex) {
      issues.push({ path: at('backoffLimitPerIndex'), rule: 'job-backoff-limit-per-index', message: 'Required value: when maxFailedIndexes is specified' });
    }
  }
  const managedBy = asStr(spec['managedBy']);
  if (managedBy !== undefined) issues.push(...validateManagedBy(managedBy, at('managedBy')));

  const completionMode = isSet(spec['completionMode']) ? asStr(spec['completionMode']) : undefined;
  if (completionMode !== undefined) {
    if (completionMode !== 'NonIndexed' && completionMode !== 'Indexed') {
      issues.push({
        path: at('completionMode'),
        rule: 'job-completion-mode',
        message: `Unsupported value: ${q(completionMode)}: supported values: "NonIndexed", "Indexed"`,
      });
    }
    if (completionMode === 'Indexed') {
      if (!isSet(spec['completions']) && completions === undefined) {
        issues.push({ path: at('completions'), rule: 'job-indexed-completions', message: 'Required value: when completion mode is Indexed' });
      }
      if (parallelism !== undefined && parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
        issues.push({
          path: at('parallelism'),
          rule: 'job-indexed-parallelism',
          message: `Invalid value: ${parallelism}: must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`,
        });
      }
      if (completions !== undefined && maxFailedIndexes !== undefined && maxFailedIndexes > completions) {
        issues.push({ path: at('maxFailedIndexes'), rule: 'job-max-failed-indexes', message: `Invalid value: ${maxFailedIndexes}: must be less than or equal to completions` });
      }
      if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES_FOR_INDEXED_JOB) {
        issues.push({
          path: at('maxFailedIndexes'),
          rule: 'job-max-failed-indexes',
          message: `Invalid value: ${maxFailedIndexes}: must be less than or equal to ${MAX_FAILED_INDEXES_FOR_INDEXED_JOB}`,
        });
      }
      if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && hasBackoffLimitPerIndex) {
        const high = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
        if (!hasMaxFailedIndexes) {
          issues.push({
            path: at('maxFailedIndexes'),
            rule: 'job-max-failed-indexes',
            message: `Required value: must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`,
          });
        }
        if (parallelism !== undefined && parallelism > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS) {
          issues.push({
            path: at('parallelism'),
            rule: 'job-indexed-parallelism',
            message: `Invalid value: ${parallelism}: must be less than or equal to ${PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS} ${high}`,
          });
        }
        if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS) {
          issues.push({
            path: at('maxFailedIndexes'),
            rule: 'job-max-failed-indexes',
            message: `Invalid value: ${maxFailedIndexes}: must be less than or equal to ${MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS} ${high}`,
          });
        }
      }
    }
  }
  if (completionMode === undefined || completionMode === 'NonIndexed') {
    if (hasBackoffLimitPerIndex) {
      issues.push({
        path: at('backoffLimitPerIndex'),
        rule: 'job-backoff-limit-per-index',
        message: `Invalid value: ${String(spec['backoffLimitPerIndex'])}: requires indexed completion mode`,
      });
    }
    if (hasMaxFailedIndexes) {
      issues.push({
        path: at('maxFailedIndexes'),
        rule: 'job-max-failed-indexes',
        message: `Invalid value: ${String(spec['maxFailedIndexes'])}: requires indexed completion mode`,
      });
    }
  }

  const podFailurePolicy = isSet(spec['podFailurePolicy']) ? asObj(spec['podFailurePolicy']) : undefined;
  if (podFailurePolicy) issues.push(...validatePodFailurePolicy(spec, podFailurePolicy, at('podFailurePolicy')));

  const successPolicy = isSet(spec['successPolicy']) ? asObj(spec['successPolicy']) : undefined;
  if (successPolicy) {
    if (completionMode !== 'Indexed') {
      issues.push({ path: at('successPolicy'), rule: 'job-success-policy', message: 'Invalid value: requires indexed completion mode' });
    } else {
      issues.push(...validateSuccessPolicy(successPolicy, completions, at('successPolicy')));
    }
  }

  if (isSet(spec['podReplacementPolicy'])) {
    const policy = asStr(spec['podReplacementPolicy']);
    if (policy !== undefined) {
      const allowed = podFailurePolicy ? ['Failed'] : POD_REPLACEMENT_POLICIES;
      if (!allowed.includes(policy)) {
        issues.push({
          path: at('podReplacementPolicy'),
          rule: 'job-pod-replacement-policy',
          message: `Unsupported value: ${q(policy)}: supported values: ${supported(allowed)}`,
        });
      }
    }
  }

  // SetDefaults_PodSpec turns an empty restartPolicy into Always, so both are reported as "Required".
  const templateSpec = asObj(asObj(spec['template'])?.['spec']);
  const restartPolicy = asStr(templateSpec?.['restartPolicy']) ?? '';
  const restartPath = child(path, 'template', 'spec', 'restartPolicy');
  if (restartPolicy === '' || restartPolicy === 'Always') {
    issues.push({ path: restartPath, rule: 'job-restart-policy', message: 'Required value: valid values: "OnFailure", "Never"' });
  } else if (restartPolicy !== 'OnFailure' && restartPolicy !== 'Never') {
    issues.push({ path: restartPath, rule: 'job-restart-policy', message: `Unsupported value: ${q(restartPolicy)}: supported values: "OnFailure", "Never"` });
  } else if (podFailurePolicy && restartPolicy !== 'Never') {
    issues.push({
      path: restartPath,
      rule: 'job-restart-policy',
      message: `Invalid value: ${q(restartPolicy)}: only "Never" is supported when podFailurePolicy is specified`,
    });
  }
  issues.push(...hostNetworkIssues(templateSpec, child(path, 'template', 'spec')));
  return issues;
}

/**
 * The selector rules of a standalone Job as a manifest can be judged (the UID is assigned on create):
 * - without `manualSelector: true` the apiserver generates the selector and the pod template's `job-name` /
 *   `controller-uid` labels (`generateSelector`), so a user selector must still select them
 *   (`validateGeneratedSelector`: "`selector` not auto-generated"), and user-set values of those labels must
 *   equal the generated ones (a controller-uid value never can);
 * - with `manualSelector: true` the selector is required and must match the template's labels.
 */
function validateJobSelector(spec: Obj, name: string | undefined): Issue[] {
  const issues: Issue[] = [];
  const selector = isSet(spec['selector']) ? spec['selector'] : undefined;
  const templateLabels = labelSet(asObj(asObj(spec['template'])?.['metadata'])?.['labels']);
  if (asBool(spec['manualSelector']) === true) {
    if (selector === undefined) {
      issues.push({ path: 'spec.selector', rule: 'job-selector', message: 'Required value' });
      return issues;
    }
    issues.push(...validateLabelSelector(selector, 'spec.selector', 'job-selector'));
    if (isUsableSelector(selector) && !selectorMatches(selector, templateLabels)) {
      issues.push({ path: 'spec.template.metadata.labels', rule: 'job-selector', message: 'Invalid value: `selector` does not match template `labels`' });
    }
    return issues;
  }
  const expected = new Map<string, string | typeof UNKNOWN_VALUE>();
  for (const key of CONTROLLER_UID_LABELS) expected.set(key, UNKNOWN_VALUE);
  for (const key of JOB_NAME_LABELS) expected.set(key, name ?? UNKNOWN_VALUE);
  for (const [key, value] of templateLabels) {
    if (value === UNKNOWN_VALUE) continue;
    if (CONTROLLER_UID_LABELS.includes(key)) {
      issues.push({
        path: `spec.template.metadata.labels[${key}]`,
        rule: 'job-template-labels',
        message: `Invalid value: ${q(value)}: must be the Job's UID, which the apiserver assigns on create; leave this label out`,
      });
    } else if (JOB_NAME_LABELS.includes(key) && name !== undefined && value !== name) {
      issues.push({ path: `spec.template.metadata.labels[${key}]`, rule: 'job-template-labels', message: `Invalid value: ${q(value)}: must be '${name}'` });
    }
  }
  if (selector !== undefined) {
    issues.push(...validateLabelSelector(selector, 'spec.selector', 'job-selector'));
    if (isUsableSelector(selector) && !selectorMatches(selector, expected)) {
      issues.push({
        path: 'spec.selector',
        rule: 'job-selector',
        message: 'Invalid value: `selector` not auto-generated (set manualSelector: true to choose the selector yourself, or leave it out)',
      });
    }
  }
  return issues;
}

/** `ValidateJob` (create) for a batch/v1 Job manifest. */
export function validateJob(obj: Obj): Issue[] {
  const spec = asObj(obj['spec']) ?? {};
  const issues: Issue[] = [...validateObjectMetaNames(obj['metadata'])];
  const name = effectiveName(obj['metadata']);
  const explicitName = asStr(asObj(obj['metadata'])?.['name']);
  if (explicitName && issues.every((i) => i.path !== 'metadata.name')) {
    const problem = jobNameProblem(explicitName);
    if (problem) {
      issues.push({
        path: 'metadata.name',
        rule: 'job-name-length',
        message: `Invalid value: ${q(explicitName)}: ${problem} (the apiserver copies the name into the pod template's job-name label)`,
      });
    }
  }
  issues.push(...validateJobSelector(spec, name));
  const opts: JobSpecOptions = { jobDefaults: true };
  issues.push(...validateJobSpec(spec, 'spec', opts));
  const { completions } = effectiveCounts(spec, opts);
  if (asStr(spec['completionMode']) === 'Indexed' && completions !== undefined && completions > 0 && name !== undefined) {
    // The Job controller appends `-<index>` to the pod hostname; the largest must still be a DNS label.
    const hostname = `${name}-${completions - 1}`;
    if (dns1123LabelProblems(hostname).length > 0) {
      issues.push({
        path: 'metadata.name',
        rule: 'job-indexed-hostname',
        message: `Invalid value: ${q(name)}: will not able to create pod with invalid DNS label: ${hostname}`,
      });
    }
  }
  return issues;
}

/**
 * The apiserver's rules for UPDATING a batch/v1 Job (`ValidateJobUpdate` / `ValidateJobSpecUpdate`) that bear on
 * re-deploying one: what `kubectl apply` of a changed Job with the same name runs into. Immutable once created:
 * `spec.selector`, `spec.template` (the pod template; only a suspended Job that never started may change its
 * scheduling directives: node selector, tolerations, labels, annotations, scheduling gates), `spec.completionMode`,
 * `spec.podFailurePolicy`, `spec.backoffLimitPerIndex` and `spec.completions` (except an Indexed Job scaling
 * `completions` together with `parallelism`, "elastic Indexed Jobs").
 */
import { asInt, asObj, asStr, type Issue, type Obj } from './internal.js';

/** Canonical JSON (sorted keys), so that equal objects compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = asObj(value);
  if (obj) return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** Scheduling directives a suspended, never-started Job may still change in its pod template. */
const MUTABLE_WHILE_SUSPENDED = {
  metadata: ['labels', 'annotations'],
  spec: ['nodeSelector', 'tolerations', 'schedulingGates'],
} as const;

function withoutSchedulingDirectives(template: unknown): unknown {
  const t = asObj(template);
  if (!t) return template;
  const metadata = { ...(asObj(t.metadata) ?? {}) } as Record<string, unknown>;
  const spec = { ...(asObj(t.spec) ?? {}) } as Record<string, unknown>;
  for (const key of MUTABLE_WHILE_SUSPENDED.metadata) delete metadata[key];
  for (const key of MUTABLE_WHILE_SUSPENDED.spec) delete spec[key];
  return { ...t, metadata, spec };
}

const immutable = (path: string): Issue => ({ path, rule: 'field-immutable', message: 'field is immutable' });

/**
 * Issues an update from `oldJob` to `newJob` (same namespace and name) would get from the apiserver.
 * `neverStarted`: the old Job is suspended and has not started a pod (`status.startTime` unset); upstream then allows
 * its scheduling directives to change in the same update that resumes it.
 */
export function validateJobUpdate(oldJob: Obj, newJob: Obj, opts: { neverStarted?: boolean } = {}): Issue[] {
  const issues: Issue[] = [];
  const oldSpec = asObj(oldJob.spec) ?? {};
  const newSpec = asObj(newJob.spec) ?? {};
  const changed = (key: string) => canonical(oldSpec[key]) !== canonical(newSpec[key]);

  if (changed('selector') && oldSpec.selector !== undefined) issues.push(immutable('spec.selector'));
  const templatesDiffer = opts.neverStarted === true
    ? canonical(withoutSchedulingDirectives(oldSpec.template)) !== canonical(withoutSchedulingDirectives(newSpec.template))
    : changed('template');
  if (templatesDiffer) {
    issues.push({
      path: 'spec.template',
      rule: 'field-immutable',
      message: 'field is immutable: a Job cannot take a new pod template (new image, args, env); create a Job with a new name',
    });
  }
  for (const key of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex']) {
    if (changed(key)) issues.push(immutable(`spec.${key}`));
  }
  if (changed('completions')) {
    const elastic = asStr(newSpec.completionMode) === 'Indexed'
      && asInt(newSpec.completions) !== undefined
      && asInt(newSpec.completions) === asInt(newSpec.parallelism)
      && asInt(oldSpec.completions) === asInt(oldSpec.parallelism);
    if (!elastic) issues.push(immutable('spec.completions'));
  }
  return issues;
}

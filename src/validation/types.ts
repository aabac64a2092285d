/** A Kubernetes object as parsed from YAML: only `apiVersion`, `kind` and `metadata` are assumed. */
export interface KubeObject {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** Which validator produced a finding. */
export type FindingSource = 'schema' | 'apiserver' | 'pod-security' | 'practice';

/** One problem found in one object. */
export interface Finding {
  readonly source: FindingSource;
  /** Stable rule id, e.g. `cronjob-schedule`, `restricted-run-as-non-root`. */
  readonly rule: string;
  /** `error`: the apiserver or the profile rejects it; `warning`: a good-practice miss. */
  readonly severity: 'error' | 'warning';
  /** Field path in the object, apiserver style: `spec.jobTemplate.spec.template.spec.containers[0].image`. */
  readonly path: string;
  readonly message: string;
  /** The same message in Spanish, where the validator has one (`batch-job check --lang es` shows it). */
  readonly messageEs?: string;
  /** `Kind/name` of the object, for reports. */
  readonly object: string;
}

export function objectRef(obj: KubeObject): string {
  return `${obj.kind ?? '?'}/${obj.metadata?.name ?? '?'}`;
}

/**
 * Base manifests for porting Kubernetes' pkg/apis/batch/validation/validation_test.go cases.
 *
 * The Go tests validate internal objects after the apiserver has generated the selector (the
 * `validGeneratedSelector` / `controller-uid` labels); a manifest never carries those, because the apiserver adds
 * them on create from the UID it assigns. So "generated selector" cases translate to "no selector, no generated
 * labels", and `podtest.MakePodSpec(...)` translates to one container `ctr` (plus the init container `def` of
 * `getValidPodTemplateSpecForGenerated`).
 */
import { expect } from 'vitest';
import { validateBatchObject, validateBatchObjectUpdate } from '../../../src/validation/apiserver/index.js';
import type { Finding, KubeObject } from '../../../src/validation/types.js';

type Json = Record<string, unknown>;

export interface TemplateOptions {
  readonly restartPolicy?: string | null;
  readonly labels?: Record<string, string>;
  readonly initContainers?: boolean;
  readonly extraSpec?: Json;
  /** Ports of the container `ctr`. @default none */
  readonly ports?: Json[];
}

/** `getValidPodTemplateSpecForGenerated` without the generated labels; `restartPolicy: null` leaves it out. */
export function podTemplate(options: TemplateOptions = {}): Json {
  const restartPolicy = options.restartPolicy === undefined ? 'OnFailure' : options.restartPolicy;
  return {
    ...(options.labels && { metadata: { labels: options.labels } }),
    spec: {
      ...(restartPolicy !== null && { restartPolicy }),
      ...(options.initContainers !== false && { initContainers: [{ name: 'def', image: 'image' }] }),
      containers: [
        { name: 'ctr', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', ...(options.ports && { ports: options.ports }) },
      ],
      ...options.extraSpec,
    },
  };
}

/** `validHostNetPodTemplateSpec`: host network, and a container port 12345/TCP whose hostPort is left unset. */
export const HOSTNET_TEMPLATE = podTemplate({ extraSpec: { hostNetwork: true }, ports: [{ containerPort: 12345, protocol: 'TCP' }] });

/** `validPodTemplateSpecForGeneratedRestartPolicyNever` */
export const NEVER_TEMPLATE = podTemplate({ restartPolicy: 'Never' });

/** A batch/v1 Job named `myjob` (the Go tests' `validJobObjectMeta`) with the given spec fields. */
export function job(spec: Json = {}, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'myjob', namespace: 'default', ...metadata },
    spec: { template: podTemplate(), ...spec },
  };
}

/** A batch/v1 CronJob named `mycronjob` (schedule `* * * * ?`, `Allow`) with spec and job-spec overrides. */
export function cronJob(spec: Json = {}, jobSpec: Json = {}, metadata: Json = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'mycronjob', namespace: 'default', ...metadata },
    spec: {
      schedule: '* * * * ?',
      concurrencyPolicy: 'Allow',
      jobTemplate: { spec: { template: podTemplate(), ...jobSpec } },
      ...spec,
    },
  };
}

export function findings(obj: KubeObject): Finding[] {
  return validateBatchObject(obj);
}

/** Findings for replacing `old` with `updated` (`ValidateCronJobUpdate`). */
export function updateFindings(old: KubeObject, updated: KubeObject): Finding[] {
  return validateBatchObjectUpdate(old, updated);
}

/** The apiserver would accept the object. */
export function expectValid(obj: KubeObject): void {
  expect(findings(obj)).toEqual([]);
}

/** The apiserver would reject the object, with (at least) an error at `path`; returns the findings at `path`. */
export function expectErrorAt(obj: KubeObject, path: string): Finding[] {
  const all = findings(obj);
  for (const f of all) {
    expect(f.source).toBe('apiserver');
    expect(f.severity).toBe('error');
    expect(f.rule).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  }
  expect(all.map((f) => f.path)).toContain(path);
  return all.filter((f) => f.path === path);
}

/** The apiserver would reject the object only at `path` (no other findings). */
export function expectOnlyErrorAt(obj: KubeObject, path: string): Finding[] {
  const at = expectErrorAt(obj, path);
  expect(findings(obj).map((f) => f.path).filter((p) => p !== path)).toEqual([]);
  return at;
}

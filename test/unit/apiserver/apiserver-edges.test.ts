/**
 * Edges of the apiserver helpers and of the CronJob / Job-update rules: Go's `strconv.Atoi` limits, what counts as
 * an integer or a mapping, the canonical comparison of immutable fields, and the exact CronJob messages.
 */
import { describe, expect, it } from 'vitest';
import { validateBatchObject, validateBatchObjectUpdate, validateJobUpdate } from '../../../src/validation/apiserver/index.js';
import { asInt, asObj, child, goAtoi } from '../../../src/validation/apiserver/internal.js';
import { hostNetworkIssues } from '../../../src/validation/apiserver/pod-spec.js';
import { containersOf, podTemplates } from '../../../src/validation/pod-security/pod-template.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { cronJob, job, podTemplate } from './manifests.js';

const lines = (findings: { rule: string; path: string; message: string }[]) => findings.map((f) => `${f.rule} @ ${f.path}: ${f.message}`);

describe('internal helpers', () => {
  it.each([
    ['0', 0n],
    ['+7', 7n],
    ['-7', -7n],
    ['007', 7n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
    ['9223372036854775808', undefined],
    ['-9223372036854775809', undefined],
    ['', undefined],
    ['1.0', undefined],
    [' 1', undefined],
    ['1e3', undefined],
    ['0x1', undefined],
    ['--1', undefined],
  ])('goAtoi(%j) = %s', (s, want) => {
    expect(goAtoi(s)).toBe(want);
  });

  it('asInt: integers only', () => {
    expect(asInt(3)).toBe(3);
    expect(asInt(-0)).toBe(-0);
    expect(asInt(3.5)).toBeUndefined();
    expect(asInt('3')).toBeUndefined();
    expect(asInt(Number.NaN)).toBeUndefined();
    expect(asInt(null)).toBeUndefined();
  });

  it('asObj: plain mappings only', () => {
    expect(asObj({ a: 1 })).toEqual({ a: 1 });
    expect(asObj([])).toBeUndefined();
    expect(asObj(null)).toBeUndefined();
    expect(asObj('a')).toBeUndefined();
  });

  it('child skips empty segments', () => {
    expect(child('', 'spec')).toBe('spec');
    expect(child('spec', '', 'template')).toBe('spec.template');
    expect(child('spec')).toBe('spec');
  });
});

describe('hostNetworkIssues (validateHostNetwork)', () => {
  const spec = (ports: unknown[], hostNetwork: unknown = true) => ({ hostNetwork, containers: [{ name: 'c', ports }, 'odd', { name: 'd' }] });
  it('a hostPort must equal its containerPort; 0 or unset is fine', () => {
    expect(hostNetworkIssues(spec([{ containerPort: 80, hostPort: 81 }, { containerPort: 80, hostPort: 80 }, { containerPort: 80 }, { containerPort: 80, hostPort: 0 }, 'odd']), 'spec.template.spec')).toEqual([
      { path: 'spec.template.spec.containers[0].ports[0].containerPort', rule: 'pod-host-network-port', message: 'Invalid value: 80: must match `hostPort` when `hostNetwork` is true' },
    ]);
  });
  it('only with hostNetwork exactly true', () => {
    expect(hostNetworkIssues(spec([{ containerPort: 80, hostPort: 81 }], 'true'), 'spec')).toEqual([]);
    expect(hostNetworkIssues(undefined, 'spec')).toEqual([]);
    expect(hostNetworkIssues({ hostNetwork: true }, 'spec')).toEqual([]);
  });
});

describe('podTemplates / containersOf', () => {
  it.each([
    ['Pod', { spec: { containers: [] } }, 'metadata', 'spec'],
    ['PodTemplate', { template: { spec: {} } }, 'template.metadata', 'template.spec'],
    ['Deployment', { spec: { template: { spec: {} } } }, 'spec.template.metadata', 'spec.template.spec'],
    ['CronJob', { spec: { jobTemplate: { spec: { template: { spec: {} } } } } }, 'spec.jobTemplate.spec.template.metadata', 'spec.jobTemplate.spec.template.spec'],
  ])('%s', (kind, body, metadataPath, specPath) => {
    const [ref] = podTemplates({ kind, ...body } as KubeObject);
    expect({ metadataPath: ref!.metadataPath, specPath: ref!.specPath }).toEqual({ metadataPath, specPath });
  });
  it('no template, or a template that is not a mapping', () => {
    expect(podTemplates({ kind: 'Job', spec: { template: [] } })).toEqual([]);
    expect(podTemplates({ kind: 'Job', spec: { template: { spec: 'x' } } })).toEqual([]);
    expect(podTemplates({ kind: 'Job' })).toEqual([]);
    expect(podTemplates({ kind: 'ConfigMap', spec: { template: { spec: {} } } })).toEqual([]);
    expect(podTemplates({ spec: {} })).toEqual([]);
  });
  it('containers without a name are numbered; non-mappings are skipped', () => {
    const [ref] = podTemplates({ kind: 'Pod', spec: { initContainers: [{ image: 'a' }], containers: [null, { name: 'b' }] } });
    expect(containersOf(ref!).map((c) => `${c.list} ${c.name} ${c.path}`)).toEqual(['initContainers #0 spec.initContainers[0]', 'containers b spec.containers[1]']);
    expect(containersOf(ref!, ['containers']).map((c) => c.name)).toEqual(['b']);
  });
});

describe('CronJob messages', () => {
  const at = (obj: KubeObject) => lines(validateBatchObject(obj));
  it('name length: 52 is the limit on create, not on update', () => {
    expect(at(cronJob({}, {}, { name: 'a'.repeat(52) }))).toEqual([]);
    expect(at(cronJob({}, {}, { name: 'a'.repeat(53) }))).toEqual([
      `cronjob-name-length @ metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters (the CronJob controller appends an 11-character suffix to name each Job)`,
    ]);
    const long = cronJob({}, {}, { name: 'a'.repeat(53) });
    expect(validateBatchObjectUpdate(long, long)).toEqual([]);
  });
  it('schedule required, empty or null', () => {
    for (const schedule of [undefined, null, '']) {
      expect(at(cronJob({ schedule }))).toEqual(['cronjob-schedule-required @ spec.schedule: Required value']);
    }
    expect(at(cronJob({ schedule: 5 }))).toEqual([]);
  });
  it('non-negative fields: 0 is fine', () => {
    expect(at(cronJob({ startingDeadlineSeconds: 0, successfulJobsHistoryLimit: 0, failedJobsHistoryLimit: 0 }))).toEqual([]);
    expect(at(cronJob({ startingDeadlineSeconds: -1, successfulJobsHistoryLimit: -1, failedJobsHistoryLimit: -2 }))).toEqual([
      'cronjob-starting-deadline-seconds @ spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
      'cronjob-history-limit @ spec.successfulJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0',
      'cronjob-history-limit @ spec.failedJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
    ]);
  });
  it('concurrencyPolicy, selector and manualSelector in the job template', () => {
    expect(at(cronJob({ concurrencyPolicy: 'Sometimes' }))).toEqual(['cronjob-concurrency-policy @ spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"']);
    expect(at(cronJob({ concurrencyPolicy: '' }))).toEqual([]);
    expect(at(cronJob({}, { selector: { matchLabels: { a: 'b' } }, manualSelector: true }))).toEqual([
      'cronjob-job-template-selector @ spec.jobTemplate.spec.selector: Invalid value: `selector` will be auto-generated',
      'cronjob-job-template-manual-selector @ spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"',
    ]);
    expect(at(cronJob({}, { selector: null, manualSelector: false }))).toEqual([]);
  });
  it('time zone: checked on create and when it changes, with the message quoted', () => {
    expect(at(cronJob({ timeZone: 'Mars/Olympus' }))).toEqual(['cronjob-time-zone @ spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']);
    const old = cronJob({ timeZone: 'Mars/Olympus' });
    expect(lines(validateBatchObjectUpdate(old, old))).toEqual([]);
    expect(lines(validateBatchObjectUpdate(cronJob({ timeZone: 'UTC' }), old))).toEqual(['cronjob-time-zone @ spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus']);
    expect(at(cronJob({ timeZone: 5 }))).toEqual([]);
  });
  it('a schedule with TZ is grandfathered only when the old one had it', () => {
    const tz = cronJob({ schedule: 'TZ=UTC 0 * * * *' });
    const [problem] = at(tz);
    expect(problem).toMatch(/^cronjob-schedule-time-zone @ spec\.schedule: Invalid value: "TZ=UTC 0 \* \* \* \*": /);
    expect(validateBatchObjectUpdate(tz, tz)).toEqual([]);
    expect(validateBatchObjectUpdate(cronJob({ schedule: '0 * * * *' }), tz).map((f) => f.rule)).toEqual(['cronjob-schedule-time-zone']);
  });
  it('findings carry source, severity and object', () => {
    expect(validateBatchObject(cronJob({ concurrencyPolicy: 'X' }))[0]).toEqual({
      source: 'apiserver',
      severity: 'error',
      rule: 'cronjob-concurrency-policy',
      path: 'spec.concurrencyPolicy',
      message: 'Unsupported value: "X": supported values: "Allow", "Forbid", "Replace"',
      object: 'CronJob/mycronjob',
    });
  });
  it('other kinds and versions have no apiserver rules here', () => {
    expect(validateBatchObject({ ...cronJob({ concurrencyPolicy: 'X' }), apiVersion: 'batch/v1beta1' })).toEqual([]);
    expect(validateBatchObject({ apiVersion: 'batch/v1', kind: 'Pod', metadata: {} })).toEqual([]);
    expect(validateBatchObjectUpdate(job(), { ...cronJob({ concurrencyPolicy: 'X' }) }).map((f) => f.rule)).toEqual(['cronjob-concurrency-policy']);
    expect(validateBatchObjectUpdate({ ...job(), apiVersion: 'v1' }, job({ completions: -1 })).map((f) => f.rule)).toEqual(['job-non-negative']);
    expect(validateBatchObjectUpdate(job(), { apiVersion: 'batch/v1', kind: 'Pod' })).toEqual([]);
  });
});

describe('validateJobUpdate', () => {
  const base = job({ completions: 2, parallelism: 2 });
  const spec = (o: KubeObject) => o.spec as Record<string, unknown>;
  const edit = (patch: Record<string, unknown>) => ({ ...base, spec: { ...spec(base), ...patch } });
  const issues = (updated: KubeObject, neverStarted = false) => lines(validateJobUpdate(base, updated, { neverStarted }));
  const IMMUTABLE_TEMPLATE = 'field-immutable @ spec.template: field is immutable: a Job cannot take a new pod template (new image, args, env); create a Job with a new name';

  it('the same Job, with keys in another order, is no change', () => {
    const reordered = { ...base, spec: Object.fromEntries(Object.entries(spec(base)).reverse()) };
    expect(issues(reordered)).toEqual([]);
    const template = spec(base).template as Record<string, unknown>;
    expect(issues(edit({ template: Object.fromEntries(Object.entries(template).reverse()) }))).toEqual([]);
  });

  it('each immutable field', () => {
    expect(issues(edit({ selector: { matchLabels: { a: 'b' } } }))).toEqual([]);
    expect(lines(validateJobUpdate(edit({ selector: { matchLabels: { a: 'b' } } }), base))).toEqual(['field-immutable @ spec.selector: field is immutable']);
    expect(issues(edit({ completionMode: 'Indexed' }))).toEqual(['field-immutable @ spec.completionMode: field is immutable']);
    expect(issues(edit({ podFailurePolicy: { rules: [] } }))).toEqual(['field-immutable @ spec.podFailurePolicy: field is immutable']);
    expect(issues(edit({ backoffLimitPerIndex: 1 }))).toEqual(['field-immutable @ spec.backoffLimitPerIndex: field is immutable']);
    expect(issues(edit({ completions: 3 }))).toEqual(['field-immutable @ spec.completions: field is immutable']);
    expect(issues(edit({ template: podTemplate({ restartPolicy: 'Never' }) }))).toEqual([IMMUTABLE_TEMPLATE]);
    expect(issues(edit({ backoffLimit: 9, parallelism: 1, activeDeadlineSeconds: 5 }))).toEqual([]);
  });

  it('lists compare by order and content', () => {
    const withArgs = (args: unknown) => edit({ template: { ...(spec(base).template as object), spec: { containers: [{ name: 'c', args }] } } });
    const a = withArgs(['1', '2']);
    expect(lines(validateJobUpdate(a, withArgs(['2', '1'])))).toEqual([IMMUTABLE_TEMPLATE]);
    expect(lines(validateJobUpdate(a, withArgs(['1', '2'])))).toEqual([]);
    expect(lines(validateJobUpdate(withArgs(null), withArgs(undefined)))).toEqual([]);
  });

  it('a suspended Job that never started may change scheduling directives only', () => {
    const t = spec(base).template as { metadata?: object; spec: object };
    const scheduling = edit({ template: { ...t, metadata: { labels: { a: 'b' }, annotations: { c: 'd' } }, spec: { ...t.spec, nodeSelector: { z: 'a' }, tolerations: [{ key: 'k' }], schedulingGates: [{ name: 'g' }] } } });
    expect(issues(scheduling, true)).toEqual([]);
    expect(issues(scheduling, false)).toEqual([IMMUTABLE_TEMPLATE]);
    const image = edit({ template: { ...t, spec: { ...t.spec, containers: [{ name: 'c', image: 'new:2' }] } } });
    expect(issues(image, true)).toEqual([IMMUTABLE_TEMPLATE]);
    expect(lines(validateJobUpdate({ ...base, spec: { ...spec(base), template: 'odd' } }, { ...base, spec: { ...spec(base), template: 'odd' } }, { neverStarted: true }))).toEqual([]);
    expect(lines(validateJobUpdate({ ...base, spec: { ...spec(base), template: 'odd' } }, base, { neverStarted: true }))).toEqual([IMMUTABLE_TEMPLATE]);
  });

  it('elastic Indexed Jobs may scale completions together with parallelism', () => {
    const indexed = job({ completionMode: 'Indexed', completions: 2, parallelism: 2 });
    const scaled = (completions: unknown, parallelism: unknown, mode = 'Indexed') => ({ ...indexed, spec: { ...(indexed.spec as object), completionMode: mode, completions, parallelism } });
    const check = (updated: KubeObject, old: KubeObject = indexed) => lines(validateJobUpdate(old, updated));
    expect(check(scaled(4, 4))).toEqual([]);
    expect(check(scaled(4, 3))).toEqual(['field-immutable @ spec.completions: field is immutable']);
    expect(check(scaled(4, 4), scaled(2, 1))).toEqual(['field-immutable @ spec.completions: field is immutable']);
    expect(check(scaled(undefined, undefined))).toEqual(['field-immutable @ spec.completions: field is immutable']);
    expect(check(scaled(4, 4, 'NonIndexed')).sort()).toEqual(['field-immutable @ spec.completionMode: field is immutable', 'field-immutable @ spec.completions: field is immutable']);
  });

  it('through validateBatchObjectUpdate: neverStarted needs suspend true and no startTime', () => {
    const old = { ...job({ suspend: true }), status: {} };
    const t = spec(old).template as { metadata?: object; spec: object };
    const updated = { ...old, spec: { ...spec(old), suspend: false, template: { ...t, spec: { ...t.spec, nodeSelector: { a: 'b' } } } } };
    expect(validateBatchObjectUpdate(old, updated)).toEqual([]);
    expect(validateBatchObjectUpdate({ ...old, status: { startTime: null } }, updated)).toEqual([]);
    expect(validateBatchObjectUpdate({ ...old, status: { startTime: '2026-01-01T00:00:00Z' } }, updated).map((f) => f.path)).toEqual(['spec.template']);
    expect(validateBatchObjectUpdate({ ...old, spec: { ...spec(old), suspend: 'true' } }, updated).map((f) => f.path)).toEqual(['spec.template']);
    expect(validateBatchObjectUpdate({ ...old, status: undefined }, updated)).toEqual([]);
  });
});

/**
 * Cases ported from Kubernetes' pkg/apis/batch/validation/validation_test.go, `TestValidateJob`.
 * Each test name is `TestValidateJob/<case key>`; error-case keys begin with the field path the Go test expects
 * on the first error, which is the path asserted here.
 */
import { describe, expect, it } from 'vitest';
import { indexesFormat, validateJobSpec } from '../../../src/validation/apiserver/job.js';
import { cronJob, expectErrorAt, HOSTNET_TEMPLATE, expectOnlyErrorAt, expectValid, findings, job, NEVER_TEMPLATE, podTemplate } from './manifests.js';

/** `getValidGeneratedSelector().MatchLabels`, used by the Go case that sets it by hand with manualSelector. */
const GENERATED_LABELS = {
  'batch.kubernetes.io/controller-uid': '1a2b3c',
  'controller-uid': '1a2b3c',
  'batch.kubernetes.io/job-name': 'myjob',
  'job-name': 'myjob',
};
const MANUAL = { selector: { matchLabels: { a: 'b' } }, manualSelector: true };
const INDEXED = { completionMode: 'Indexed' };

function pfp(...rules: unknown[]): Record<string, unknown> {
  return { template: NEVER_TEMPLATE, podFailurePolicy: { rules } };
}
const exitCodes = (operator: string, values: number[], extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  onExitCodes: { operator, values, ...extra },
});

describe('TestValidateJob success cases', () => {
  it('TestValidateJob/"valid success policy"', () => {
    expectValid(
      job({
        ...INDEXED,
        completions: 10,
        template: NEVER_TEMPLATE,
        successPolicy: { rules: [{ succeededCount: 1, succeededIndexes: '0,2,4' }, { succeededIndexes: '1,3,5-9' }] },
      }),
    );
  });
  it('TestValidateJob/"valid pod failure policy with negative exitCodes - need for Windows support"', () => {
    expectValid(job(pfp({ action: 'FailJob', ...exitCodes('NotIn', [-1073741819, -1073741676, -1073741510]) })));
  });
  it('TestValidateJob/"valid pod failure policy"', () => {
    expectValid(
      job(
        pfp(
          { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
          { action: 'FailJob', onPodConditions: [{ type: 'CustomConditionType', status: 'False' }] },
          { action: 'Count', ...exitCodes('In', [1, 2, 3], { containerName: 'ctr' }) },
          { action: 'Ignore', ...exitCodes('In', [4], { containerName: 'def' }) },
          { action: 'FailJob', ...exitCodes('NotIn', [5, 6, 7]) },
        ),
      ),
    );
  });
  it('TestValidateJob/"valid pod failure policy with FailIndex"', () => {
    expectValid(
      job({
        ...INDEXED,
        completions: 2,
        backoffLimitPerIndex: 1,
        selector: { matchLabels: GENERATED_LABELS },
        manualSelector: true,
        template: podTemplate({ restartPolicy: 'Never', labels: GENERATED_LABELS }),
        podFailurePolicy: { rules: [{ action: 'FailIndex', ...exitCodes('In', [10]) }] },
      }),
    );
  });
  it('TestValidateJob/"valid manual selector"', () => {
    expectValid(job({ ...MANUAL, template: podTemplate({ labels: { a: 'b' } }) }, { annotations: { foo: 'bar' } }));
  });
  // Upstream, "valid generated selector", "valid job tracking annotation" and "valid batch labels" have the same
  // body (a generated selector and the matching template); they differ only by name, so the port runs one
  // body under each name, as written there.
  for (const name of ['valid generated selector', 'valid job tracking annotation', 'valid batch labels']) {
    it(`TestValidateJob/"${name}" (manifest: selector left to the apiserver; same body as upstream's two others)`, () => {
      expectValid(job());
      // The Go object carries the generated selector and labels; a manifest cannot (controller-uid is the UID
      // assigned on create), so writing them by hand is what the apiserver refuses.
      expectErrorAt(job({ selector: { matchLabels: GENERATED_LABELS }, template: podTemplate({ labels: GENERATED_LABELS }) }), 'spec.selector');
    });
  }
  it('TestValidateJob/"valid pod replacement"', () => {
    expectValid(job({ podReplacementPolicy: 'TerminatingOrFailed' }));
  });
  it('TestValidateJob/"valid pod replacement with failed"', () => {
    expectValid(job({ podReplacementPolicy: 'Failed' }));
  });
  it('TestValidateJob/"valid hostnet"', () => {
    expectValid(job({ template: HOSTNET_TEMPLATE }));
  });
  it('TestValidateJob/"valid NonIndexed completion mode"', () => {
    expectValid(job({ completionMode: 'NonIndexed' }));
  });
  it('TestValidateJob/"valid Indexed completion mode"', () => {
    expectValid(job({ ...INDEXED, completions: 2, parallelism: 100000 }));
  });
  it('TestValidateJob/"valid parallelism and maxFailedIndexes for high completions when backoffLimitPerIndex is used"', () => {
    expectValid(job({ ...INDEXED, completions: 100_000, parallelism: 100_000, maxFailedIndexes: 100_000, backoffLimitPerIndex: 1 }));
  });
  it('TestValidateJob/"valid parallelism and maxFailedIndexes for unlimited completions when backoffLimitPerIndex is used"', () => {
    expectValid(job({ ...INDEXED, completions: 1_000_000_000, parallelism: 10_000, maxFailedIndexes: 10_000, backoffLimitPerIndex: 1 }));
  });
  it('TestValidateJob/"valid managedBy field"', () => {
    expectValid(job({ managedBy: 'example.com/foo' }));
  });
});

describe('TestValidateJob error cases: managedBy, successPolicy', () => {
  it('TestValidateJob/`spec.managedBy: Too long: may not be more than 63 bytes`', () => {
    expectOnlyErrorAt(job({ managedBy: 'example.com/' + 'x'.repeat(60) }), 'spec.managedBy');
  });
  it('TestValidateJob/`spec.managedBy: Invalid value: "invalid custom controller name": must be a domain-prefixed path`', () => {
    expectOnlyErrorAt(job({ managedBy: 'invalid custom controller name' }), 'spec.managedBy');
  });
  it('TestValidateJob/`spec.successPolicy: Invalid value: {"Rules":[]}: requires indexed completion mode`', () => {
    expectOnlyErrorAt(job({ template: NEVER_TEMPLATE, successPolicy: { rules: [] } }), 'spec.successPolicy');
  });
  const indexed5 = { ...INDEXED, completions: 5, template: NEVER_TEMPLATE };
  it('TestValidateJob/`spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified`', () => {
    expectOnlyErrorAt(job({ ...indexed5, successPolicy: {} }), 'spec.successPolicy.rules');
  });
  it('TestValidateJob/`spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified`', () => {
    expectOnlyErrorAt(job({ ...indexed5, successPolicy: { rules: [{ succeededCount: null, succeededIndexes: null }] } }), 'spec.successPolicy.rules[0]');
  });
  it('TestValidateJob/`spec.successPolicy.rules[0].succeededIndexes: Invalid value: "invalid-format": error parsing succeededIndexes: cannot convert string to integer for index: "invalid"`', () => {
    const [f] = expectOnlyErrorAt(
      job({ ...indexed5, successPolicy: { rules: [{ succeededIndexes: 'invalid-format' }] } }),
      'spec.successPolicy.rules[0].succeededIndexes',
    );
    expect(f!.message).toContain('cannot convert string to integer for index: "invalid"');
  });
  it('TestValidateJob/`spec.successPolicy.rules[0].succeededIndexes: Too long: may not be more than 65536 bytes`', () => {
    const at = expectOnlyErrorAt(
      job({ ...indexed5, successPolicy: { rules: [{ succeededIndexes: '1'.repeat(64 * 1024 + 1) }] } }),
      'spec.successPolicy.rules[0].succeededIndexes',
    );
    expect(at.some((f) => f.message.includes('Too long: may not be more than 65536 bytes'))).toBe(true);
  });
  it('TestValidateJob/`spec.successPolicy.rules[0].succeededCount: must be greater than or equal to 0`', () => {
    expectOnlyErrorAt(job({ ...indexed5, successPolicy: { rules: [{ succeededCount: -1 }] } }), 'spec.successPolicy.rules[0].succeededCount');
  });
  it('TestValidateJob/`spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)`', () => {
    const [f] = expectOnlyErrorAt(job({ ...indexed5, successPolicy: { rules: [{ succeededCount: 6 }] } }), 'spec.successPolicy.rules[0].succeededCount');
    expect(f!.message).toContain('must be less than or equal to 5 (the number of specified completions)');
  });
  it('TestValidateJob/`spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of indexes in the specified succeededIndexes field)`', () => {
    const [f] = expectOnlyErrorAt(
      job({ ...indexed5, successPolicy: { rules: [{ succeededCount: 4, succeededIndexes: '0-2' }] } }),
      'spec.successPolicy.rules[0].succeededCount',
    );
    expect(f!.message).toContain('must be less than or equal to 3 (the number of indexes');
  });
  it('TestValidateJob/`spec.successPolicy.rules: Too many: 21: must have at most 20 items`', () => {
    const rules = Array.from({ length: 21 }, () => ({ succeededCount: 5 }));
    expectOnlyErrorAt(job({ ...indexed5, successPolicy: { rules } }), 'spec.successPolicy.rules');
  });
});

describe('TestValidateJob error cases: podFailurePolicy', () => {
  it('TestValidateJob/`spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required`', () => {
    expectOnlyErrorAt(job(pfp({ action: 'FailJob' })), 'spec.podFailurePolicy.rules[0]');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Duplicate value: 11`', () => {
    const [f] = expectOnlyErrorAt(job(pfp({ action: 'FailJob', ...exitCodes('In', [11, 11]) })), 'spec.podFailurePolicy.rules[0].onExitCodes.values[1]');
    expect(f!.message).toBe('Duplicate value: 11');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items`', () => {
    const values = Array.from({ length: 256 }, (_, i) => i);
    const at = expectErrorAt(job(pfp({ action: 'FailJob', ...exitCodes('In', values) })), 'spec.podFailurePolicy.rules[0].onExitCodes.values');
    expect(at[0]!.message).toContain('Too many: 256: must have at most 255 items');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items`', () => {
    const rules = Array.from({ length: 21 }, (_, i) => ({ action: 'FailJob', ...exitCodes('In', [i + 1]) }));
    expectOnlyErrorAt(job(pfp(...rules)), 'spec.podFailurePolicy.rules');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onPodConditions: Too many: 21: must have at most 20 items`', () => {
    const onPodConditions = Array.from({ length: 21 }, (_, i) => ({ type: `CustomType_${i}`, status: 'True' }));
    expectOnlyErrorAt(job(pfp({ action: 'FailJob', onPodConditions })), 'spec.podFailurePolicy.rules[0].onPodConditions');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 13`', () => {
    const obj = job(pfp({ action: 'FailJob', ...exitCodes('In', [12, 13, 13, 13]) }));
    expectErrorAt(obj, 'spec.podFailurePolicy.rules[0].onExitCodes.values[2]');
    expect(findings(obj).map((f) => f.path)).toEqual([
      'spec.podFailurePolicy.rules[0].onExitCodes.values[2]',
      'spec.podFailurePolicy.rules[0].onExitCodes.values[3]',
    ]);
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [19,11]: must be ordered`', () => {
    const [f] = expectOnlyErrorAt(job(pfp({ action: 'FailJob', ...exitCodes('In', [19, 11]) })), 'spec.podFailurePolicy.rules[0].onExitCodes.values');
    expect(f!.message).toBe('Invalid value: [19,11]: must be ordered');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []: at least one value is required`', () => {
    expectOnlyErrorAt(job(pfp({ action: 'FailJob', ...exitCodes('In', []) })), 'spec.podFailurePolicy.rules[0].onExitCodes.values');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]`', () => {
    expectOnlyErrorAt(job(pfp({ action: '', ...exitCodes('In', [1, 2, 3]) })), 'spec.podFailurePolicy.rules[0].action');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]`', () => {
    expectOnlyErrorAt(job(pfp({ action: 'FailJob', ...exitCodes('', [1, 2, 3]) })), 'spec.podFailurePolicy.rules[0].onExitCodes.operator');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported`', () => {
    const rule = {
      action: 'FailJob',
      ...exitCodes('In', [1, 2, 3], { containerName: 'ctr' }),
      onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }],
    };
    expectOnlyErrorAt(job(pfp(rule)), 'spec.podFailurePolicy.rules[0]');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onExitCodes.values[1]: Invalid value: 0: must not be 0 for the In operator`', () => {
    const obj = job(pfp({ action: 'Ignore', ...exitCodes('In', [1, 0, 2]) }));
    expectErrorAt(obj, 'spec.podFailurePolicy.rules[0].onExitCodes.values[1]');
    // [1, 0, 2] is also out of order, which the apiserver reports after the value error.
    expect(findings(obj).map((f) => f.path)).toEqual([
      'spec.podFailurePolicy.rules[0].onExitCodes.values[1]',
      'spec.podFailurePolicy.rules[0].onExitCodes.values',
    ]);
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[1].onExitCodes.containerName: Invalid value: "xyz": must be one of the container or initContainer names in the pod template`', () => {
    const obj = job(
      pfp(
        { action: 'Ignore', ...exitCodes('In', [1, 2, 3], { containerName: 'ctr' }) },
        { action: 'FailJob', ...exitCodes('In', [5, 6, 7], { containerName: 'xyz' }) },
      ),
    );
    expectOnlyErrorAt(obj, 'spec.podFailurePolicy.rules[1].onExitCodes.containerName');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].action: Unsupported value: "UnknownAction": supported values: "Count", "FailIndex", "FailJob", "Ignore"`', () => {
    const [f] = expectOnlyErrorAt(
      job(pfp({ action: 'UnknownAction', ...exitCodes('In', [1, 2, 3], { containerName: 'ctr' }) })),
      'spec.podFailurePolicy.rules[0].action',
    );
    expect(f!.message).toBe('Unsupported value: "UnknownAction": supported values: "Count", "FailIndex", "FailJob", "Ignore"');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "UnknownOperator": supported values: "In", "NotIn"`', () => {
    expectOnlyErrorAt(job(pfp({ action: 'Ignore', ...exitCodes('UnknownOperator', [1, 2, 3]) })), 'spec.podFailurePolicy.rules[0].onExitCodes.operator');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onPodConditions[0].status: Required value: valid values: ["False" "True" "Unknown"]`', () => {
    // Diverges from the Go case on purpose: validation_test.go validates an undefaulted object, while kubectl apply
    // defaults first. SetDefaults_Job sets an empty status to "True", and since Kubernetes 1.34 (kubernetes#131525)
    // SetDefaults_CronJob does the same in the job template, so a manifest without it (or with "") is accepted.
    for (const pattern of [{ type: 'DisruptionTarget' }, { type: 'DisruptionTarget', status: '' }]) {
      const rule = { action: 'Ignore', onPodConditions: [pattern] };
      expectValid(job(pfp(rule)));
      expectValid(cronJob({}, pfp(rule)));
    }
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "UnknownStatus": supported values: "False", "True", "Unknown"`', () => {
    const rule = { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'UnknownStatus' }] };
    expectOnlyErrorAt(job(pfp(rule)), 'spec.podFailurePolicy.rules[0].onPodConditions[0].status');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: "": name part must be non-empty`', () => {
    const [f] = expectOnlyErrorAt(
      job(pfp({ action: 'Ignore', onPodConditions: [{ status: 'True' }] })),
      'spec.podFailurePolicy.rules[0].onPodConditions[0].type',
    );
    expect(f!.message).toContain('name part must be non-empty');
  });
  it('TestValidateJob/`spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: "Invalid Condition Type": name part must consist of alphanumeric characters, ...`', () => {
    const rule = { action: 'Ignore', onPodConditions: [{ type: 'Invalid Condition Type', status: 'True' }] };
    const [f] = expectOnlyErrorAt(job(pfp(rule)), 'spec.podFailurePolicy.rules[0].onPodConditions[0].type');
    expect(f!.message).toContain("name part must consist of alphanumeric characters, '-', '_' or '.'");
  });
  it('TestValidateJob/`spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"`', () => {
    const obj = job({
      podReplacementPolicy: 'TerminatingOrFailed',
      ...pfp({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }),
    });
    expectOnlyErrorAt(obj, 'spec.podReplacementPolicy');
  });
  it('TestValidateJob/`spec.podReplacementPolicy: Unsupported value: "": supported values: "Failed", "TerminatingOrFailed"`', () => {
    expectOnlyErrorAt(job({ podReplacementPolicy: '', template: NEVER_TEMPLATE }), 'spec.podReplacementPolicy');
  });
  it('TestValidateJob/`spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified`', () => {
    const [f] = expectOnlyErrorAt(job({ template: podTemplate({ restartPolicy: 'OnFailure' }), podFailurePolicy: { rules: [] } }), 'spec.template.spec.restartPolicy');
    expect(f!.message).toBe('Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified');
  });
});

describe('TestValidateJob error cases: counts and Indexed mode', () => {
  it('TestValidateJob/"spec.parallelism:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(job({ parallelism: -1 }), 'spec.parallelism');
  });
  it('TestValidateJob/"spec.backoffLimit:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(job({ backoffLimit: -1 }), 'spec.backoffLimit');
  });
  it('TestValidateJob/"spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode"', () => {
    expectOnlyErrorAt(job({ backoffLimitPerIndex: 1 }), 'spec.backoffLimitPerIndex');
  });
  it('TestValidateJob/"spec.backoffLimitPerIndex:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(job({ backoffLimitPerIndex: -1, ...INDEXED }), 'spec.backoffLimitPerIndex');
  });
  it('TestValidateJob/"spec.maxFailedIndexes: Invalid value: 11: must be less than or equal to completions"', () => {
    expectOnlyErrorAt(job({ completions: 10, maxFailedIndexes: 11, backoffLimitPerIndex: 1, ...INDEXED }), 'spec.maxFailedIndexes');
  });
  it('TestValidateJob/"spec.maxFailedIndexes: Required value: must be specified when completions is above 100000"', () => {
    const [f] = expectOnlyErrorAt(job({ completions: 100_001, backoffLimitPerIndex: 1, ...INDEXED }), 'spec.maxFailedIndexes');
    expect(f!.message).toBe('Required value: must be specified when completions is above 100000');
  });
  it('TestValidateJob/"spec.parallelism: Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index"', () => {
    const obj = job({ completions: 100_001, parallelism: 50_000, backoffLimitPerIndex: 1, maxFailedIndexes: 1, ...INDEXED });
    expectOnlyErrorAt(obj, 'spec.parallelism');
  });
  it('TestValidateJob/"spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 100000"', () => {
    const at = expectOnlyErrorAt(job({ completions: 100_001, backoffLimitPerIndex: 1, maxFailedIndexes: 100_001, ...INDEXED }), 'spec.maxFailedIndexes');
    expect(at.map((f) => f.message)).toContain('Invalid value: 100001: must be less than or equal to 100000');
  });
  it('TestValidateJob/"spec.maxFailedIndexes: Invalid value: 50000: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index"', () => {
    expectOnlyErrorAt(job({ completions: 100_001, backoffLimitPerIndex: 1, maxFailedIndexes: 50_000, ...INDEXED }), 'spec.maxFailedIndexes');
  });
  it('TestValidateJob/"spec.maxFailedIndexes:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(job({ backoffLimitPerIndex: 1, maxFailedIndexes: -1, ...INDEXED }), 'spec.maxFailedIndexes');
  });
  it('TestValidateJob/"spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified"', () => {
    expectOnlyErrorAt(job({ maxFailedIndexes: 1, ...INDEXED }), 'spec.backoffLimitPerIndex');
  });
  it('TestValidateJob/"spec.completions:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(job({ completions: -1 }), 'spec.completions');
  });
  it('TestValidateJob/"spec.activeDeadlineSeconds:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(job({ activeDeadlineSeconds: -1 }), 'spec.activeDeadlineSeconds');
  });
  it('TestValidateJob/"spec.ttlSecondsAfterFinished: must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(job({ ttlSecondsAfterFinished: -1 }), 'spec.ttlSecondsAfterFinished');
  });
  it('TestValidateJob/"spec.completions: Required value: when completion mode is Indexed"', () => {
    // The Go test validates the undefaulted spec: that is `validateJobSpec` without Job defaults.
    expect(validateJobSpec({ ...INDEXED, template: podTemplate() }, 'spec', { jobDefaults: false }).map((i) => i.path)).toEqual(['spec.completions']);
    // A CronJob's job template is validated that way too.
    expectOnlyErrorAt(cronJob({}, INDEXED), 'spec.jobTemplate.spec.completions');
    // A Job manifest with parallelism but no completions keeps completions unset through defaulting.
    expectOnlyErrorAt(job({ ...INDEXED, parallelism: 2 }), 'spec.completions');
    // With neither set, SetDefaults_Job makes both 1 before validation, so kubectl apply accepts it.
    expectValid(job(INDEXED));
  });
  it('TestValidateJob/"spec.parallelism: must be less than or equal to 100000 when completion mode is Indexed"', () => {
    expectOnlyErrorAt(job({ ...INDEXED, completions: 2, parallelism: 100_001 }), 'spec.parallelism');
  });
});

describe('TestValidateJob error cases: restartPolicy and selectors', () => {
  const manualTemplate = (restartPolicy: string | null): Record<string, unknown> => podTemplate({ restartPolicy, labels: { a: 'b' } });
  it('TestValidateJob/"spec.template.spec.restartPolicy: Required value"', () => {
    // podtest.MakePodSpec() leaves the policy to the defaults (Always); absent and "Always" are both rejected.
    expectOnlyErrorAt(job({ ...MANUAL, template: manualTemplate(null) }), 'spec.template.spec.restartPolicy');
    const [f] = expectOnlyErrorAt(job({ ...MANUAL, template: manualTemplate('Always') }), 'spec.template.spec.restartPolicy');
    expect(f!.message).toContain('Required value');
  });
  it('TestValidateJob/"spec.template.spec.restartPolicy: Unsupported value"', () => {
    const [f] = expectOnlyErrorAt(job({ ...MANUAL, template: manualTemplate('Invalid') }), 'spec.template.spec.restartPolicy');
    expect(f!.message).toContain('Unsupported value');
  });
  it('TestValidateJob/"spec.selector:Required value" (manifest: manualSelector: true without a selector)', () => {
    // Without manualSelector the apiserver generates the selector, so only a manual selector can be missing.
    expectOnlyErrorAt(job({ manualSelector: true, template: podTemplate({ labels: { a: 'b' } }) }), 'spec.selector');
  });
  it('TestValidateJob/"spec.template.metadata.labels: Invalid value: {\\"y\\":\\"z\\"}: `selector` does not match template `labels`"', () => {
    expectOnlyErrorAt(job({ ...MANUAL, template: podTemplate({ labels: { y: 'z' } }) }), 'spec.template.metadata.labels');
  });
  it('TestValidateJob/"spec.template.metadata.labels: Invalid value: {\\"controller-uid\\":\\"4d5e6f\\"}: `selector` does not match template `labels`"', () => {
    expectOnlyErrorAt(job({ ...MANUAL, template: podTemplate({ labels: { 'controller-uid': '4d5e6f' } }) }), 'spec.template.metadata.labels');
  });
  it('TestValidateJob/"spec.selector: Invalid value: {\\"matchLabels\\":{\\"a\\":\\"b\\"}}: `selector` not auto-generated"', () => {
    expectOnlyErrorAt(job({ selector: { matchLabels: { a: 'b' } } }), 'spec.selector');
  });
});

describe('Job rules beyond the Go cases', () => {
  it('FailIndex needs backoffLimitPerIndex', () => {
    const obj = job({ ...INDEXED, completions: 2, ...pfp({ action: 'FailIndex', ...exitCodes('In', [10]) }) });
    const [f] = expectOnlyErrorAt(obj, 'spec.podFailurePolicy.rules[0].action');
    expect(f!.message).toContain('requires the backoffLimitPerIndex to be set');
  });
  it('completionMode is an enum', () => {
    expectOnlyErrorAt(job({ completionMode: 'Sequential' }), 'spec.completionMode');
  });
  it('an Indexed Job name must leave room for the largest pod hostname', () => {
    const name = 'a'.repeat(60);
    expectValid(job({ ...INDEXED, completions: 10 }, { name }));
    const [f] = expectOnlyErrorAt(job({ ...INDEXED, completions: 1000 }, { name }), 'metadata.name');
    expect(f!.rule).toBe('job-indexed-hostname');
  });
  it('a Job name is a DNS-1123 subdomain of at most 63 characters (it becomes the job-name label)', () => {
    expectOnlyErrorAt(job({}, { name: 'My_Job' }), 'metadata.name');
    expectOnlyErrorAt(job({}, { name: 'a'.repeat(64) }), 'metadata.name');
    expectValid(job({}, { name: 'a'.repeat(63) }));
    expectOnlyErrorAt(job({}, { name: undefined }), 'metadata.name');
  });
  it('a generated-selector Job must not set the controller-uid label or another job-name', () => {
    expectOnlyErrorAt(job({ template: podTemplate({ labels: { 'controller-uid': 'x' } }) }), 'spec.template.metadata.labels[controller-uid]');
    expectOnlyErrorAt(job({ template: podTemplate({ labels: { 'job-name': 'other' } }) }), 'spec.template.metadata.labels[job-name]');
    expectValid(job({ template: podTemplate({ labels: { 'job-name': 'myjob', app: 'x' } }) }));
    // A user selector that selects only what the apiserver generates is accepted.
    expectValid(job({ selector: { matchLabels: { 'batch.kubernetes.io/job-name': 'myjob' } } }));
  });
  it('manual selectors are validated as label selectors', () => {
    const obj = job({
      manualSelector: true,
      selector: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] },
      template: podTemplate({ labels: { a: 'b' } }),
    });
    expectOnlyErrorAt(obj, 'spec.selector.matchExpressions[0].values');
  });
  it('validateHostNetwork: with hostNetwork, a set hostPort must equal its containerPort', () => {
    const hostNet = (ports: Record<string, unknown>[]): Record<string, unknown> => podTemplate({ extraSpec: { hostNetwork: true }, ports });
    const [f] = expectOnlyErrorAt(job({ template: hostNet([{ containerPort: 12345, hostPort: 8080 }]) }), 'spec.template.spec.containers[0].ports[0].containerPort');
    expect(f!.message).toBe('Invalid value: 12345: must match `hostPort` when `hostNetwork` is true');
    expectValid(job({ template: hostNet([{ containerPort: 12345, hostPort: 12345 }]) }));
    // Without host networking, a different hostPort is a plain port mapping.
    expectValid(job({ template: podTemplate({ ports: [{ containerPort: 12345, hostPort: 8080 }] }) }));
    expectOnlyErrorAt(cronJob({}, { template: hostNet([{ containerPort: 1, hostPort: 2 }]) }), 'spec.jobTemplate.spec.template.spec.containers[0].ports[0].containerPort');
  });
  it('zero counts are allowed', () => {
    expectValid(job({ parallelism: 0, completions: 0, activeDeadlineSeconds: 0, backoffLimit: 0, ttlSecondsAfterFinished: 0 }));
  });
});

describe('TestValidateIndexesString (the succeededIndexes parser)', () => {
  const cases: [string, string, number, number | string][] = [
    ['empty is valid', '', 6, 0],
    ['single number is valid', '1', 6, 1],
    ['single interval is valid', '1-3', 6, 3],
    ['mixed intervals valid', '0,1-3,5,7-10', 12, 9],
    ['invalid due to extra space', '0,1-3, 5', 6, 'cannot convert string to integer for index: " 5"'],
    ['invalid due to too large index', '0,1-3,5', 5, 'too large index: "5"'],
    ['invalid due to non-increasing order of intervals', '1-3,0,5', 6, 'non-increasing order, previous: 3, current: 0'],
    ['invalid due to non-increasing order between intervals', '0,0,5', 6, 'non-increasing order, previous: 0, current: 0'],
    ['invalid due to non-increasing order within interval', '0,1-1,5', 6, 'non-increasing order, previous: 1, current: 1'],
    ["invalid due to starting with '-'", '-1,0', 6, 'cannot convert string to integer for index: ""'],
    ["invalid due to ending with '-'", '0,1-', 6, 'cannot convert string to integer for index: ""'],
    [
      "invalid due to repeated '-'",
      '0,1--3',
      6,
      `the fragment "1--3" violates the requirement that an index interval can have at most two parts separated by '-'`,
    ],
    ["invalid due to repeated ','", '0,,1,3', 6, 'cannot convert string to integer for index: ""'],
  ];
  for (const [name, indexes, completions, want] of cases) {
    it(`TestValidateIndexesString/"${name}"`, () => {
      expect(indexesFormat(indexes, completions)).toEqual(typeof want === 'number' ? { total: want } : { error: want });
    });
  }
});

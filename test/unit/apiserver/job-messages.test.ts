/**
 * The exact messages and paths of the Job rules (pkg/apis/batch/validation/validation.go wording), one case per
 * rule and per edge, as `rule @ path: message` lines. The TestValidateJob ports in job.test.ts assert where the
 * errors are; this file pins what they say and the limits (at the limit valid, one past it not).
 */
import { describe, expect, it } from 'vitest';
import { cronJob, findings, job, NEVER_TEMPLATE, podTemplate } from './manifests.js';
import type { KubeObject } from '../../../src/validation/types.js';

const lines = (obj: KubeObject) => findings(obj).map((f) => `${f.rule} @ ${f.path}: ${f.message}`);
const INDEXED = { completionMode: 'Indexed' };
const exitRule = (onExitCodes: Record<string, unknown>, action = 'FailJob') => ({ action, onExitCodes });
const pfp = (...rules: unknown[]) => ({ template: NEVER_TEMPLATE, podFailurePolicy: { rules } });

describe('Job messages', () => {
  it('managedBy', () => {
    const at = (managedBy: string) => lines(job({ managedBy }));
    expect({
      empty: at(''),
      noSlash: at('acme'),
      noHost: at('/foo'),
      noPath: at('acme.io/'),
      badHost: at('Acme.io/foo'),
      badPath: at('acme.io/a b'),
      at63: at(`acme.io/${'x'.repeat(55)}`),
      at64: at(`acme.io/${'x'.repeat(56)}`),
      nested: at('acme.io/a/b'),
    }).toMatchInlineSnapshot(`
      {
        "at63": [],
        "at64": [
          "job-managed-by @ spec.managedBy: Too long: may not be more than 63 bytes",
        ],
        "badHost": [
          "job-managed-by @ spec.managedBy: Invalid value: "Acme.io": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')",
        ],
        "badPath": [
          "job-managed-by @ spec.managedBy: Invalid value: "a b": Invalid path",
        ],
        "empty": [
          "job-managed-by @ spec.managedBy: Required value",
        ],
        "nested": [],
        "noHost": [
          "job-managed-by @ spec.managedBy: Invalid value: "/foo": must be a domain-prefixed path (such as "acme.io/foo")",
        ],
        "noPath": [
          "job-managed-by @ spec.managedBy: Invalid value: "acme.io/": must be a domain-prefixed path (such as "acme.io/foo")",
        ],
        "noSlash": [
          "job-managed-by @ spec.managedBy: Invalid value: "acme": must be a domain-prefixed path (such as "acme.io/foo")",
        ],
      }
    `);
  });

  it('counts, deadlines and the per-index limits', () => {
    expect({
      negatives: lines(job({ parallelism: -1, completions: -1, activeDeadlineSeconds: -1, backoffLimit: -1, ttlSecondsAfterFinished: -1 })),
      zeroes: lines(job({ parallelism: 0, completions: 0, activeDeadlineSeconds: 0, backoffLimit: 0, ttlSecondsAfterFinished: 0 })),
      perIndexNegative: lines(job({ ...INDEXED, completions: 2, backoffLimitPerIndex: -1, maxFailedIndexes: -1 })),
      maxFailedWithoutPerIndex: lines(job({ maxFailedIndexes: 1 })),
      perIndexNonIndexed: lines(job({ completionMode: 'NonIndexed', backoffLimitPerIndex: 1 })),
      badMode: lines(job({ completionMode: 'Sometimes' })),
      indexedWithoutCompletions: lines(job({ ...INDEXED, parallelism: 2 })),
      indexedDefaultsCompletions: lines(job({ ...INDEXED })),
      parallelismAtLimit: lines(job({ ...INDEXED, completions: 1, parallelism: 100_000 })),
      parallelismPastLimit: lines(job({ ...INDEXED, completions: 1, parallelism: 100_001 })),
      maxFailedAboveCompletions: lines(job({ ...INDEXED, completions: 2, backoffLimitPerIndex: 1, maxFailedIndexes: 3 })),
      maxFailedAtCompletions: lines(job({ ...INDEXED, completions: 2, backoffLimitPerIndex: 1, maxFailedIndexes: 2 })),
      maxFailedPastLimit: lines(job({ ...INDEXED, completions: 100_001, parallelism: 1, backoffLimitPerIndex: 1, maxFailedIndexes: 100_001 })),
      highCompletionsNoMaxFailed: lines(job({ ...INDEXED, completions: 100_001, parallelism: 10_001, backoffLimitPerIndex: 1 })),
      highCompletionsAtLimits: lines(job({ ...INDEXED, completions: 100_001, parallelism: 10_000, backoffLimitPerIndex: 1, maxFailedIndexes: 10_000 })),
      highCompletionsPastLimits: lines(job({ ...INDEXED, completions: 100_001, parallelism: 10_000, backoffLimitPerIndex: 1, maxFailedIndexes: 10_001 })),
      completionsAtSoftLimit: lines(job({ ...INDEXED, completions: 100_000, parallelism: 10_001, backoffLimitPerIndex: 1 })),
    }).toMatchInlineSnapshot(`
      {
        "badMode": [
          "job-completion-mode @ spec.completionMode: Unsupported value: "Sometimes": supported values: "NonIndexed", "Indexed"",
        ],
        "completionsAtSoftLimit": [],
        "highCompletionsAtLimits": [],
        "highCompletionsNoMaxFailed": [
          "job-max-failed-indexes @ spec.maxFailedIndexes: Required value: must be specified when completions is above 100000",
          "job-indexed-parallelism @ spec.parallelism: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
        ],
        "highCompletionsPastLimits": [
          "job-max-failed-indexes @ spec.maxFailedIndexes: Invalid value: 10001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
        ],
        "indexedDefaultsCompletions": [],
        "indexedWithoutCompletions": [
          "job-indexed-completions @ spec.completions: Required value: when completion mode is Indexed",
        ],
        "maxFailedAboveCompletions": [
          "job-max-failed-indexes @ spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions",
        ],
        "maxFailedAtCompletions": [],
        "maxFailedPastLimit": [
          "job-max-failed-indexes @ spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 100000",
          "job-max-failed-indexes @ spec.maxFailedIndexes: Invalid value: 100001: must be less than or equal to 10000 when completions are above 100000 and used with backoff limit per index",
        ],
        "maxFailedWithoutPerIndex": [
          "job-backoff-limit-per-index @ spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified",
          "job-max-failed-indexes @ spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode",
        ],
        "negatives": [
          "job-non-negative @ spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
          "job-non-negative @ spec.completions: Invalid value: -1: must be greater than or equal to 0",
          "job-non-negative @ spec.activeDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
          "job-non-negative @ spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
          "job-non-negative @ spec.ttlSecondsAfterFinished: Invalid value: -1: must be greater than or equal to 0",
        ],
        "parallelismAtLimit": [],
        "parallelismPastLimit": [
          "job-indexed-parallelism @ spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when completion mode is Indexed",
        ],
        "perIndexNegative": [
          "job-non-negative @ spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0",
          "job-non-negative @ spec.maxFailedIndexes: Invalid value: -1: must be greater than or equal to 0",
        ],
        "perIndexNonIndexed": [
          "job-backoff-limit-per-index @ spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode",
        ],
        "zeroes": [],
      }
    `);
  });

  it('pod failure policy', () => {
    const rule = (r: unknown) => lines(job(pfp(r)));
    expect({
      noAction: rule({ onExitCodes: { operator: 'In', values: [1] } }),
      failIndexWithoutPerIndex: rule(exitRule({ operator: 'In', values: [1] }, 'FailIndex')),
      badAction: rule(exitRule({ operator: 'In', values: [1] }, 'Stop')),
      noOperator: rule(exitRule({ values: [1] })),
      badOperator: rule(exitRule({ operator: 'Equals', values: [1] })),
      unknownContainer: rule(exitRule({ operator: 'In', values: [1], containerName: 'nope' })),
      knownInitContainer: rule(exitRule({ operator: 'In', values: [1], containerName: 'def' })),
      noValues: rule(exitRule({ operator: 'NotIn', values: [] })),
      zeroForIn: rule(exitRule({ operator: 'In', values: [0, 1] })),
      zeroForNotIn: rule(exitRule({ operator: 'NotIn', values: [0, 1] })),
      duplicateAndUnordered: rule(exitRule({ operator: 'In', values: [3, 1, 3] })),
      values255: rule(exitRule({ operator: 'NotIn', values: Array.from({ length: 255 }, (_, i) => i) })),
      values256: rule(exitRule({ operator: 'NotIn', values: Array.from({ length: 256 }, (_, i) => i) })),
      both: rule({ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }),
      neither: rule({ action: 'Ignore' }),
      badConditionType: rule({ action: 'Ignore', onPodConditions: [{ type: 'bad type' }, { status: 'True' }] }),
      badConditionStatus: rule({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'Maybe' }] }),
      patterns20: rule({ action: 'Ignore', onPodConditions: Array.from({ length: 20 }, () => ({ type: 'DisruptionTarget' })) }),
      patterns21: rule({ action: 'Ignore', onPodConditions: Array.from({ length: 21 }, () => ({ type: 'DisruptionTarget' })) }),
      rules20: lines(job(pfp(...Array.from({ length: 20 }, () => exitRule({ operator: 'In', values: [1] }))))),
      rules21: lines(job(pfp(...Array.from({ length: 21 }, () => exitRule({ operator: 'In', values: [1] }))))),
      onFailure: lines(job({ template: podTemplate({ restartPolicy: 'OnFailure' }), podFailurePolicy: { rules: [exitRule({ operator: 'In', values: [1] })] } })),
      cronJobConditionWithoutStatus: lines(cronJob({}, pfp({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }))),
    }).toMatchInlineSnapshot(`
      {
        "badAction": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].action: Unsupported value: "Stop": supported values: "Count", "FailIndex", "FailJob", "Ignore"",
        ],
        "badConditionStatus": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onPodConditions[0].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"",
        ],
        "badConditionType": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onPodConditions[0].type: Invalid value: "bad type": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc')",
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onPodConditions[1].type: Invalid value: "": name part must be non-empty",
        ],
        "badOperator": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "Equals": supported values: "In", "NotIn"",
        ],
        "both": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported",
        ],
        "cronJobConditionWithoutStatus": [],
        "duplicateAndUnordered": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3",
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: [3,1,3]: must be ordered",
        ],
        "failIndexWithoutPerIndex": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set",
        ],
        "knownInitContainer": [],
        "neither": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required",
        ],
        "noAction": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]",
        ],
        "noOperator": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]",
        ],
        "noValues": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []: at least one value is required",
        ],
        "onFailure": [
          "job-restart-policy @ spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified",
        ],
        "patterns20": [],
        "patterns21": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onPodConditions: Too many: 21: must have at most 20 items",
        ],
        "rules20": [],
        "rules21": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items",
        ],
        "unknownContainer": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template",
        ],
        "values255": [],
        "values256": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onExitCodes.values: Too many: 256: must have at most 255 items",
        ],
        "zeroForIn": [
          "job-pod-failure-policy @ spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator",
        ],
        "zeroForNotIn": [],
      }
    `);
  });

  it('success policy', () => {
    const sp = (rules: unknown[], extra: Record<string, unknown> = {}) => lines(job({ ...INDEXED, completions: 5, ...extra, successPolicy: { rules } }));
    expect({
      nonIndexed: lines(job({ successPolicy: { rules: [{ succeededCount: 1 }] } })),
      noRules: sp([]),
      rules20: sp(Array.from({ length: 20 }, () => ({ succeededCount: 1 }))),
      rules21: sp(Array.from({ length: 21 }, () => ({ succeededCount: 1 }))),
      emptyRule: sp([{}]),
      badIndexes: sp([{ succeededIndexes: '1-0' }]),
      indexTooLarge: sp([{ succeededIndexes: '0,5' }]),
      negativeCount: sp([{ succeededCount: -1 }]),
      countAboveCompletions: sp([{ succeededCount: 6 }]),
      countAtCompletions: sp([{ succeededCount: 5 }]),
      countAboveIndexes: sp([{ succeededCount: 3, succeededIndexes: '0-1' }]),
      countAtIndexes: sp([{ succeededCount: 2, succeededIndexes: '0-1' }]),
      longIndexes: sp([{ succeededIndexes: `0,${'1'.repeat(64 * 1024)}` }]).map((l) => l.slice(0, 160)),
      indexesAtLimit: sp([{ succeededIndexes: '0'.repeat(64 * 1024) }]),
    }).toMatchInlineSnapshot(`
      {
        "badIndexes": [
          "job-success-policy @ spec.successPolicy.rules[0].succeededIndexes: Invalid value: "1-0": error parsing succeededIndexes: non-increasing order, previous: 1, current: 0",
        ],
        "countAboveCompletions": [
          "job-success-policy @ spec.successPolicy.rules[0].succeededCount: Invalid value: 6: must be less than or equal to 5 (the number of specified completions)",
        ],
        "countAboveIndexes": [
          "job-success-policy @ spec.successPolicy.rules[0].succeededCount: Invalid value: 3: must be less than or equal to 2 (the number of indexes in the specified succeededIndexes field)",
        ],
        "countAtCompletions": [],
        "countAtIndexes": [],
        "emptyRule": [
          "job-success-policy @ spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified",
        ],
        "indexTooLarge": [
          "job-success-policy @ spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0,5": error parsing succeededIndexes: too large index: "5"",
        ],
        "indexesAtLimit": [],
        "longIndexes": [
          "job-success-policy @ spec.successPolicy.rules[0].succeededIndexes: Too long: may not be more than 65536 bytes",
          "job-success-policy @ spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0,111111111111111111111111111111111111111111111111111111111111111111111111111",
        ],
        "negativeCount": [
          "job-success-policy @ spec.successPolicy.rules[0].succeededCount: Invalid value: -1: must be greater than or equal to 0",
        ],
        "noRules": [
          "job-success-policy @ spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified",
        ],
        "nonIndexed": [
          "job-success-policy @ spec.successPolicy: Invalid value: requires indexed completion mode",
        ],
        "rules20": [],
        "rules21": [
          "job-success-policy @ spec.successPolicy.rules: Too many: 21: must have at most 20 items",
        ],
      }
    `);
  });

  it('podReplacementPolicy and restartPolicy', () => {
    expect({
      badReplacement: lines(job({ podReplacementPolicy: 'Sometimes' })),
      terminatingWithPfp: lines(job({ ...pfp(exitRule({ operator: 'In', values: [1] })), podReplacementPolicy: 'TerminatingOrFailed' })),
      failedWithPfp: lines(job({ ...pfp(exitRule({ operator: 'In', values: [1] })), podReplacementPolicy: 'Failed' })),
      always: lines(job({ template: podTemplate({ restartPolicy: 'Always' }) })),
      missing: lines(job({ template: podTemplate({ restartPolicy: null }) })),
      unsupported: lines(job({ template: podTemplate({ restartPolicy: 'Sometimes' }) })),
    }).toMatchInlineSnapshot(`
      {
        "always": [
          "job-restart-policy @ spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"",
        ],
        "badReplacement": [
          "job-pod-replacement-policy @ spec.podReplacementPolicy: Unsupported value: "Sometimes": supported values: "Failed", "TerminatingOrFailed"",
        ],
        "failedWithPfp": [],
        "missing": [
          "job-restart-policy @ spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"",
        ],
        "terminatingWithPfp": [
          "job-pod-replacement-policy @ spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"",
        ],
        "unsupported": [
          "job-restart-policy @ spec.template.spec.restartPolicy: Unsupported value: "Sometimes": supported values: "OnFailure", "Never"",
        ],
      }
    `);
  });

  it('selectors, template labels and names', () => {
    expect({
      manualWithoutSelector: lines(job({ manualSelector: true })),
      manualNotMatching: lines(job({ manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: podTemplate({ labels: { a: 'c' } }) })),
      manualMatching: lines(job({ manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: podTemplate({ labels: { a: 'b' } }) })),
      notGenerated: lines(job({ selector: { matchLabels: { a: 'b' } } })),
      generatedByName: lines(job({ selector: { matchLabels: { 'job-name': 'myjob' } } })),
      uidLabel: lines(job({ template: podTemplate({ labels: { 'controller-uid': 'x', 'batch.kubernetes.io/controller-uid': 'y' } }) })),
      wrongJobName: lines(job({ template: podTemplate({ labels: { 'job-name': 'other', 'batch.kubernetes.io/job-name': 'myjob' } }) })),
      generateNameJobLabel: lines(job({ template: podTemplate({ labels: { 'job-name': 'other' } }) }, { name: undefined, generateName: 'gen-' })),
      name64: lines(job({}, { name: 'a'.repeat(64) })),
      name63: lines(job({}, { name: 'a'.repeat(63) })),
      badName: lines(job({}, { name: 'My_Job' })),
      hostname63: lines(job({ ...INDEXED, completions: 10 }, { name: 'a'.repeat(61) })),
      hostname64: lines(job({ ...INDEXED, completions: 11 }, { name: 'a'.repeat(61) })),
      hostnameZeroCompletions: lines(job({ ...INDEXED, completions: 0 }, { name: 'a'.repeat(63) })),
      hostnameDotted: lines(job({ ...INDEXED, completions: 1 }, { name: 'a.b' })),
    }).toMatchInlineSnapshot(`
      {
        "badName": [
          "metadata-name @ metadata.name: Invalid value: "My_Job": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com')",
        ],
        "generateNameJobLabel": [
          "job-template-labels @ spec.template.metadata.labels[job-name]: Invalid value: "other": must be 'gen-xxxxx'",
        ],
        "generatedByName": [],
        "hostname63": [],
        "hostname64": [
          "job-indexed-hostname @ metadata.name: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": will not able to create pod with invalid DNS label: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-10",
        ],
        "hostnameDotted": [
          "job-indexed-hostname @ metadata.name: Invalid value: "a.b": will not able to create pod with invalid DNS label: a.b-0",
        ],
        "hostnameZeroCompletions": [],
        "manualMatching": [],
        "manualNotMatching": [
          "job-selector @ spec.template.metadata.labels: Invalid value: \`selector\` does not match template \`labels\`",
        ],
        "manualWithoutSelector": [
          "job-selector @ spec.selector: Required value",
        ],
        "name63": [],
        "name64": [
          "job-name-length @ metadata.name: Invalid value: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa": must be no more than 63 characters (the apiserver copies the name into the pod template's job-name label)",
        ],
        "notGenerated": [
          "job-selector @ spec.selector: Invalid value: \`selector\` not auto-generated (set manualSelector: true to choose the selector yourself, or leave it out)",
        ],
        "uidLabel": [
          "job-template-labels @ spec.template.metadata.labels[controller-uid]: Invalid value: "x": must be the Job's UID, which the apiserver assigns on create; leave this label out",
          "job-template-labels @ spec.template.metadata.labels[batch.kubernetes.io/controller-uid]: Invalid value: "y": must be the Job's UID, which the apiserver assigns on create; leave this label out",
        ],
        "wrongJobName": [
          "job-template-labels @ spec.template.metadata.labels[job-name]: Invalid value: "other": must be 'myjob'",
        ],
      }
    `);
  });
});

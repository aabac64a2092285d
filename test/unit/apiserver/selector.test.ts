/**
 * `metav1.LabelSelector` rules. Cases follow apimachinery pkg/labels/selector_test.go (`TestRequirementConstructor`:
 * In/NotIn need values, Exists/DoesNotExist forbid them, unknown operators fail; `TestSetSelectorParser` /
 * `TestRequirementSelectorMatching`: each operator against present, absent and different labels) and
 * pkg/apis/meta/v1/validation/validation_test.go (`TestValidateLabelSelector`: key, value and matchLabels errors and
 * their field paths). Messages and paths are asserted exactly.
 */
import { describe, expect, it } from 'vitest';
import { isUsableSelector, labelSet, selectorMatches, UNKNOWN_VALUE, validateLabelSelector, type LabelSet } from '../../../src/validation/apiserver/selector.js';

const P = 'spec.selector';
const R = 'job-selector';
const expr = (operator: unknown, values?: unknown, key: unknown = 'k') => ({ matchExpressions: [{ key, operator, ...(values !== undefined ? { values } : {}) }] });
const VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const NAME_PART_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc')";

describe('validateLabelSelector (TestRequirementConstructor / TestValidateLabelSelector)', () => {
  it('not a mapping: nothing to report', () => {
    expect(validateLabelSelector(undefined, P, R)).toEqual([]);
    expect(validateLabelSelector(['x'], P, R)).toEqual([]);
  });

  it.each([
    ['In', ['a']],
    ['NotIn', ['a', 'b']],
    ['Exists', undefined],
    ['DoesNotExist', []],
  ])('%s with %j is valid', (op, values) => {
    expect(validateLabelSelector(expr(op, values), P, R)).toEqual([]);
  });

  it.each(['In', 'NotIn'])('%s without values: Required', (op) => {
    const want = [{ path: 'spec.selector.matchExpressions[0].values', rule: R, message: "Required value: must be specified when `operator` is 'In' or 'NotIn'" }];
    expect(validateLabelSelector(expr(op), P, R)).toEqual(want);
    expect(validateLabelSelector(expr(op, []), P, R)).toEqual(want);
    // Values that are not a list count as none.
    expect(validateLabelSelector(expr(op, 'a'), P, R)).toEqual(want);
  });

  it.each(['Exists', 'DoesNotExist'])('%s with values: Forbidden', (op) => {
    expect(validateLabelSelector(expr(op, ['a']), P, R)).toEqual([
      { path: 'spec.selector.matchExpressions[0].values', rule: R, message: "Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'" },
    ]);
  });

  it.each([
    ['in', '"in"'],
    ['', '""'],
    [undefined, '""'],
    ['Equals', '"Equals"'],
  ])('operator %j is not an operator', (op, quoted) => {
    expect(validateLabelSelector(expr(op), P, R)).toEqual([
      { path: 'spec.selector.matchExpressions[0].operator', rule: R, message: `Invalid value: ${quoted}: not a valid selector operator` },
    ]);
  });

  it('bad key and bad values are reported on their own paths, after the operator check', () => {
    expect(validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: ['ok'] }, { key: '-k', operator: 'NotIn', values: ['ok', '-v', 3] }] }, P, R)).toEqual([
      { path: 'spec.selector.matchExpressions[1].key', rule: R, message: NAME_PART_MSG },
      { path: 'spec.selector.matchExpressions[1].values[1]', rule: R, message: VALUE_MSG },
    ]);
  });

  it('a missing key is an empty name', () => {
    expect(validateLabelSelector(expr('Exists', undefined, null), P, R)).toEqual([
      { path: 'spec.selector.matchExpressions[0].key', rule: R, message: 'name part must be non-empty' },
    ]);
  });

  it('values that are not strings are the schema validator’s business', () => {
    expect(validateLabelSelector(expr('In', [{}, 3, null]), P, R)).toEqual([]);
  });

  it('entries that are not mappings are skipped', () => {
    expect(validateLabelSelector({ matchExpressions: ['x', null] }, P, R)).toEqual([]);
  });

  it('matchLabels are validated under matchLabels', () => {
    expect(validateLabelSelector({ matchLabels: { a: '-b' } }, P, R)).toEqual([
      { path: 'spec.selector.matchLabels', rule: R, message: `Invalid value: "-b": ${VALUE_MSG}` },
    ]);
  });
});

describe('isUsableSelector (LabelSelectorAsSelector has no error)', () => {
  it.each([
    [{}, true],
    [{ matchLabels: { a: 'b' } }, true],
    [expr('In', ['a']), true],
    [expr('NotIn', ['a']), true],
    [expr('Exists'), true],
    [expr('DoesNotExist', []), true],
    [expr('In'), false],
    [expr('NotIn', []), false],
    [expr('Exists', ['a']), false],
    [expr('DoesNotExist', ['a']), false],
    [expr('Equals', ['a']), false],
    [expr('Equals'), false],
    [expr(undefined), false],
    [{ matchExpressions: ['x'] }, false],
    [undefined, false],
    ['a=b', false],
  ])('%j → %s', (sel, usable) => {
    expect(isUsableSelector(sel)).toBe(usable);
  });
});

describe('selectorMatches (TestRequirementSelectorMatching)', () => {
  const labels: LabelSet = new Map<string, string | typeof UNKNOWN_VALUE>([
    ['app', 'web'],
    ['tier', 'front'],
    ['uid', UNKNOWN_VALUE],
  ]);

  it.each([
    ['no selector', undefined, false],
    ['empty selector matches everything', {}, true],
    ['matchLabels equal', { matchLabels: { app: 'web' } }, true],
    ['matchLabels different value', { matchLabels: { app: 'db' } }, false],
    ['matchLabels absent label', { matchLabels: { zone: 'a' } }, false],
    ['matchLabels on an unknown value', { matchLabels: { uid: 'abc' } }, false],
    ['In: present and listed', expr('In', ['db', 'web'], 'app'), true],
    ['In: present, not listed', expr('In', ['db'], 'app'), false],
    ['In: absent', expr('In', ['web'], 'zone'), false],
    ['In: unknown value', expr('In', ['web'], 'uid'), false],
    ['In: non-string values are ignored', expr('In', [1, 'web'], 'app'), true],
    ['NotIn: present and listed', expr('NotIn', ['web'], 'app'), false],
    ['NotIn: present, not listed', expr('NotIn', ['db'], 'app'), true],
    ['NotIn: absent', expr('NotIn', ['web'], 'zone'), true],
    ['NotIn: unknown value', expr('NotIn', ['web'], 'uid'), true],
    ['Exists: present', expr('Exists', undefined, 'app'), true],
    ['Exists: unknown value exists', expr('Exists', undefined, 'uid'), true],
    ['Exists: absent', expr('Exists', undefined, 'zone'), false],
    ['DoesNotExist: absent', expr('DoesNotExist', undefined, 'zone'), true],
    ['DoesNotExist: present', expr('DoesNotExist', undefined, 'tier'), false],
    ['DoesNotExist: unknown value exists', expr('DoesNotExist', undefined, 'uid'), false],
    ['unknown operator', expr('Equals', ['web'], 'app'), false],
    ['missing key reads as the empty key', expr('DoesNotExist', undefined, null), true],
    ['missing key: Exists fails', expr('Exists', undefined, null), false],
    ['requirements are ANDed', { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['back'] }] }, false],
    ['all requirements hold', { matchLabels: { app: 'web', tier: 'front' }, matchExpressions: [{ key: 'zone', operator: 'DoesNotExist' }, { key: 'tier', operator: 'NotIn', values: ['back'] }] }, true],
  ])('%s', (_name, sel, want) => {
    expect(selectorMatches(sel, labels)).toBe(want);
  });

  it('an expression that is not a mapping never matches', () => {
    expect(selectorMatches({ matchExpressions: ['x'] }, labels)).toBe(false);
  });

  it('a missing key is the empty key, not some other key', () => {
    const withEmpty: LabelSet = new Map([['', 'v']]);
    expect(selectorMatches(expr('DoesNotExist', undefined, null), withEmpty)).toBe(false);
    expect(selectorMatches(expr('Exists', undefined, null), withEmpty)).toBe(true);
  });

  it('an In on an unknown value whose listed value is the symbol’s description still fails', () => {
    expect(selectorMatches(expr('In', ['unknown label value'], 'uid'), labels)).toBe(false);
  });
});

describe('labelSet', () => {
  it('keeps string values only', () => {
    expect([...labelSet({ a: 'b', n: 1, z: null })]).toEqual([['a', 'b']]);
    expect(labelSet(undefined).size).toBe(0);
    expect(labelSet(['a']).size).toBe(0);
  });
});

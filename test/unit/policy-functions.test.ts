import { describe, expect, it } from 'vitest';
import { changesSince, compareVersions, findRule, matchesBanned, policy, ruleForValidatorFinding, rules, type Policy } from '../../src/policy/index.js';

describe('compareVersions', () => {
  it.each([
    ['1.10.0', '1.9.2', 1],
    ['1.9.2', '1.10.0', -1],
    ['2.0.0', '1.99.99', 1],
    ['1.0.0', '1.0.0', 0],
    ['1.0', '1.0.0', 0],
    ['1.0.0.1', '1.0', 1],
    ['1.0', '1.0.0.1', -1],
    ['0.0.9', '0.1', -1],
  ])('%s vs %s is %i (a sign, not a distance)', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });
});

describe('changesSince', () => {
  const fake = { changelog: [
    { version: '1.10.0', changes: ['ten'] },
    { version: '1.2.0', changes: ['two'] },
    { version: '1.1.0', changes: ['one'] },
    { version: '1.0.0', changes: ['first'] },
  ] } as unknown as Policy;

  it('lists every entry, newest first, for a repo without a record', () => {
    expect(changesSince(fake, undefined).map((e) => e.version)).toEqual(['1.10.0', '1.2.0', '1.1.0', '1.0.0']);
  });

  it('lists only the entries newer than the recorded version (numeric, not string, order)', () => {
    expect(changesSince(fake, '1.1.0').map((e) => e.version)).toEqual(['1.10.0', '1.2.0']);
    expect(changesSince(fake, '1.9.0').map((e) => e.version)).toEqual(['1.10.0']);
    expect(changesSince(fake, '1.10.0')).toEqual([]);
  });

  it('the current policy has an entry for its own version', () => {
    expect(changesSince(policy, undefined)[0]!.version).toBe(policy.version);
  });
});

describe('rule lookup', () => {
  it('finds every catalogue rule by id and nothing else', () => {
    for (const rule of rules) expect(findRule(rule.id)).toBe(rule);
    expect(findRule('no-such-rule')).toBeUndefined();
  });

  it('files schema, apiserver and pod-security findings under their layer rule whatever their own id', () => {
    expect(ruleForValidatorFinding('schema', 'image-pinned').id).toBe('k8s-schema');
    expect(ruleForValidatorFinding('apiserver', 'image-pinned').id).toBe('k8s-apiserver');
    expect(ruleForValidatorFinding('pod-security', 'image-pinned').id).toBe('k8s-pod-security');
  });

  it('files practice findings under the rule that lists them, else under k8s-job-settings', () => {
    for (const rule of rules) {
      for (const validatorRule of rule.validatorRules ?? []) expect(ruleForValidatorFinding('practice', validatorRule).id).toBe(rule.id);
    }
    expect(rules.some((rule) => (rule.validatorRules ?? []).length > 0 && rule.id !== 'k8s-job-settings')).toBe(true);
    expect(ruleForValidatorFinding('practice', 'never-heard-of-it').id).toBe('k8s-job-settings');
  });
});

describe('matchesBanned', () => {
  const prefix = { pattern: 'Hangfire*' } as Parameters<typeof matchesBanned>[1];
  const exact = { pattern: 'Cronos' } as Parameters<typeof matchesBanned>[1];
  it.each([
    ['Hangfire', prefix, true],
    ['Hangfire.Core', prefix, true],
    ['hangfire.aspnetcore', prefix, true],
    ['HANGFIRE', prefix, true],
    ['MyHangfire', prefix, false],
    ['Hangfir', prefix, false],
    ['Cronos', exact, true],
    ['cronos', exact, true],
    ['Cronos.Extensions', exact, false],
    ['NCronos', exact, false],
    // The `*` is a wildcard only at the end; elsewhere it is a character.
    ['Cron*', { pattern: 'Cron*' }, true],
  ])('%s against %j: %s', (id, banned, expected) => {
    expect(matchesBanned(id, banned as Parameters<typeof matchesBanned>[1])).toBe(expected);
  });

  it('matches the policy\'s own examples: every banned pattern bans itself, none bans the packages the policy pins', () => {
    for (const banned of policy.bannedPackages) expect(matchesBanned(banned.pattern.replace(/\*$/, '.Sub'), banned), banned.pattern).toBe(true);
    for (const pinned of Object.values(policy.frameworks).flatMap((f) => Object.keys(f.packages))) expect(policy.bannedPackages.some((b) => matchesBanned(pinned, b)), pinned).toBe(false);
  });
});

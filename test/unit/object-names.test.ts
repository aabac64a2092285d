import { describe, expect, it } from 'vitest';
import { OBJECT_NAME_MAX_LENGTH, qualifiedName, type NamedKind } from '../../src/components/kubernetes/object-names.js';
import { dns1123LabelProblems } from '../../src/validation/apiserver/names.js';

describe('qualifiedName', () => {
  it('prefixes the repository name, without repeating it when the job is named like the repo', () => {
    expect(qualifiedName('CronJob', 'billing', 'cleanup')).toBe('billing-cleanup');
    expect(qualifiedName('CronJob', 'billing', 'billing')).toBe('billing');
    expect(qualifiedName('ConfigMap', 'billing', 'billing', 'config')).toBe('billing-config');
    expect(qualifiedName('ConfigMap', 'billing', 'cleanup', 'config')).toBe('billing-cleanup-config');
  });

  it.each(Object.keys(OBJECT_NAME_MAX_LENGTH) as NamedKind[])('keeps a %s name within its limit, as a distinct DNS label', (kind) => {
    const app = 'a'.repeat(40);
    const one = qualifiedName(kind, app, 'b'.repeat(40));
    const two = qualifiedName(kind, app, `${'b'.repeat(39)}c`);
    for (const name of [one, two]) {
      expect(name.length).toBeLessThanOrEqual(OBJECT_NAME_MAX_LENGTH[kind]);
      expect(dns1123LabelProblems(name)).toEqual([]);
    }
    expect(one).not.toBe(two);
  });

  it('a CronJob name stays within 52 characters even when cut next to a dash', () => {
    const name = qualifiedName('CronJob', 'x'.repeat(44), 'y'.repeat(20));
    expect(name.length).toBeLessThanOrEqual(52);
    expect(name).toMatch(/^x+-[0-9a-f]{6}$/);
  });
});

import { describe, expect, it } from 'vitest';
import { dnsLabelProblem, pascalCase } from '../../src/util/names.js';

describe('dnsLabelProblem', () => {
  it.each(['a', 'nightly-report', 'job1', '0abc', 'a'.repeat(52)])('accepts %s', (name) => {
    expect(dnsLabelProblem(name)).toBeUndefined();
  });
  it.each([
    ['', 'empty'],
    ['a'.repeat(53), 'too-long'],
    ['Foo', 'invalid'],
    ['../x', 'invalid'],
    ['-a', 'invalid'],
    ['a-', 'invalid'],
    ['a_b', 'invalid'],
    ['a.b', 'invalid'],
  ])('rejects %j as %s', (name, problem) => {
    expect(dnsLabelProblem(name)).toBe(problem);
  });
});

describe('C# names', () => {
  it('derives PascalCase project names', () => {
    expect(pascalCase('nightly-report')).toBe('NightlyReport');
    expect(pascalCase('a')).toBe('A');
    expect(pascalCase('2fa-cleanup')).toBe('Job2faCleanup');
  });
});

import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { policy } from '../../src/policy/index.js';
import { resolveOptions } from '../../src/project/validate.js';

function problem(fn: () => unknown): InvalidInputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InvalidInputError) return error;
    throw error;
  }
  throw new Error('expected an InvalidInputError');
}

describe('resolveOptions', () => {
  it('applies the policy defaults', () => {
    expect(resolveOptions({ name: 'nightly-report' })).toEqual({
      name: 'nightly-report',
      framework: policy.defaultFramework,
      jobs: [{ name: 'nightly-report' }],
    });
  });
  it('keeps explicit jobs and framework', () => {
    const resolved = resolveOptions({ name: 'x', framework: 'net10.0', jobs: [{ name: 'a' }, { name: 'b' }] });
    expect(resolved.framework).toBe('net10.0');
    expect(resolved.jobs.map((j) => j.name)).toEqual(['a', 'b']);
  });
  it('names the field of a bad job', () => {
    const error = problem(() => resolveOptions({ name: 'x', jobs: [{ name: 'ok' }, { name: 'Bad' }] }));
    expect(error.field).toBe('jobs[1].name');
    expect(error.code).toBe('name-invalid');
  });
  it('rejects duplicate jobs', () => {
    expect(problem(() => resolveOptions({ name: 'x', jobs: [{ name: 'a' }, { name: 'a' }] })).code).toBe('name-duplicate');
  });
  it('rejects an unknown framework with the valid ones as example', () => {
    const error = problem(() => resolveOptions({ name: 'x', framework: 'net6.0' as never }));
    expect(error.field).toBe('framework');
    expect(error.example).toContain('net8.0');
    expect(error.example).toContain('net10.0');
  });
});

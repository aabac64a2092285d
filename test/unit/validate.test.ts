import { describe, expect, it } from 'vitest';
import { policy } from '../../src/policy/index.js';
import { resolveOptions } from '../../src/project/validate.js';
import { refusal as problem } from '../support/refusal.js';

describe('resolveOptions', () => {
  it('applies the policy defaults', () => {
    const resolved = resolveOptions({ name: 'nightly-report' });
    expect(resolved).toMatchObject({
      name: 'nightly-report',
      framework: policy.defaultFramework,
      namespace: 'nightly-report',
      registry: policy.jobDefaults.registry,
      imageTag: policy.jobDefaults.imageTag,
    });
    expect(resolved.jobs).toHaveLength(1);
    const { requests, limits, tmpSizeLimit: _t, imageTag: _i, registry: _r, ...scalars } = policy.jobDefaults;
    expect(resolved.jobs[0]).toMatchObject({ name: 'nightly-report', ...scalars, requests, limits, env: {}, secretEnv: [] });
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
  it.each([
    [{ kind: 'job', schedule: '0 1 * * *' }, 'jobs[0].schedule', 'option-conflict'],
    [{ schedule: 'TZ=UTC 0 0 * * *' }, 'jobs[0].schedule', 'schedule-invalid'],
    [{ timeZone: 'Local' }, 'jobs[0].timeZone', 'time-zone-invalid'],
    [{ startingDeadlineSeconds: 5 }, 'jobs[0].startingDeadlineSeconds', 'number-invalid'],
    [{ restartPolicy: 'OnFailure', indexed: { completions: 2, backoffLimitPerIndex: 1 } }, 'jobs[0].indexed.backoffLimitPerIndex', 'option-conflict'],
    [{ env: { Api__Token: 'abc' } }, 'jobs[0].env.Api__Token', 'secret-literal'],
    [{ env: { Agent__Endpoint: 'x9Fq2LmZ7vB4nR8tK1wY5cH3' } }, 'jobs[0].env.Agent__Endpoint', 'secret-literal'],
  ])('rejects job options %j at %s', (job, field, code) => {
    const error = problem(() => resolveOptions({ name: 'x', jobs: [{ name: 'x', ...(job as object) }] }));
    expect(error.field).toBe(field);
    expect(error.code).toBe(code);
  });

  it('never echoes a refused secret value', () => {
    const error = problem(() => resolveOptions({ name: 'x', jobs: [{ name: 'x', env: { Db__Password: 'hunter2-very-secret' } }] }));
    expect(error.message).not.toContain('hunter2');
  });

  it('rejects an unknown framework with the valid ones as example', () => {
    const error = problem(() => resolveOptions({ name: 'x', framework: 'net6.0' as never }));
    expect(error.field).toBe('framework');
    expect(error.example).toContain('net8.0');
    expect(error.example).toContain('net10.0');
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, it } from 'vitest';
import { policy } from '../../../src/policy/index.js';
import { builtJobHost } from '../../support/built-job-host.js';
import { jsonLines, startApp, waitForOutput } from '../../support/dotnet.js';

const JOB = 'nightly-report';
const { success, failure, invalidConfiguration, terminated } = policy.exitCodes;

/**
 * The job contract's exit codes, observed on the generated host itself: the app of a two-job repository (plus the
 * probe jobs of test/fixtures/job-host) is built once per distinct template (cached under .cache/job-host, keyed by
 * a hash of the generated files) and every case is one process start. A host that maps any path to the wrong code
 * fails here, in the fast layer. Cases run concurrently: each is a process that mostly waits on its own start-up.
 */
describe.concurrent('generated job host: exit codes', () => {
  let dll = '';
  let cwd = '';
  let output = '';

  const run = (args: string[], env: Record<string, string> = {}) =>
    startApp(dll, args, cwd, { NightlyReportJob__OutputDirectory: output, ...env });
  const log = (result: { stdout?: unknown; stderr?: unknown }) => `${String(result.stdout)}\n${String(result.stderr)}`;
  /** Every stdout line parses as JSON (the contract's logging) and one carries `text` in its message. */
  const logged = (stdout: unknown, text: string) =>
    jsonLines(String(stdout)).some((line) => JSON.stringify(line).includes(text));

  beforeAll(async () => {
    const host = await builtJobHost({ name: JOB, framework: 'net10.0', jobs: [{ name: JOB }, { name: 'cleanup' }] });
    dll = host.dll;
    cwd = host.dir;
    output = mkdtempSync(join(tmpdir(), 'cbj-host-out-'));
  }, 600_000);

  it(`a job that completes exits ${success}`, async ({ expect }) => {
    const result = await run([JOB, '--NightlyReportJob:ItemCount=10']);
    expect(result.exitCode, log(result)).toBe(success);
    expect(logged(result.stdout, 'succeeded')).toBe(true);
  });

  it(`a job that throws exits ${failure} (retried by Kubernetes)`, async ({ expect }) => {
    const result = await run(['throws'], { PROBE: 'throws' });
    expect(result.exitCode, log(result)).toBe(failure);
    expect(logged(result.stdout, 'probe failure on purpose')).toBe(true);
  });

  it.for<[string, string[], Record<string, string>, string]>([
    ['an unknown job', ['no-such-job'], {}, 'no-such-job'],
    ['no job selected while two are registered', [], {}, 'cleanup'],
    ['--job without a name', ['--job'], {}, '--job'],
    ['two different job names', [JOB, '--job', 'cleanup'], {}, 'cleanup'],
    ['a stray positional argument', [JOB, 'cleanup'], {}, 'cleanup'],
    ['a flag without a value', [JOB, '--NightlyReportJob:ItemCount'], {}, '--NightlyReportJob:ItemCount'],
    ['an option that breaks its validation rule', [JOB], { NightlyReportJob__ItemCount: '0' }, 'ItemCount'],
    ['an option value that does not convert', [JOB, '--NightlyReportJob:ItemCount=many'], {}, 'ItemCount'],
    ['an unknown option key', [JOB, '--NightlyReportJob:ItemCont=5'], {}, 'ItemCont'],
    ['an unknown log level', [JOB], { Logging__LogLevel__Default: 'Verbose' }, 'Logging:LogLevel:Default'],
    ['a JOB_COMPLETION_INDEX that is not a number', [JOB], { JOB_COMPLETION_INDEX: 'x1' }, 'x1'],
    ['a missing DI registration', ['missing-registration'], { PROBE: 'missing-registration' }, 'IUnregistered'],
    ['an InvalidJobConfigurationException from the job', ['throws-invalid-configuration'], { PROBE: 'throws-invalid-configuration' }, 'probe input can never work'],
  ])(`%s exits ${invalidConfiguration} (not retried) and names the culprit`, async ([, args, env, named], { expect }) => {
    const result = await run(args, env);
    expect(result.exitCode, log(result)).toBe(invalidConfiguration);
    expect(logged(result.stdout, named), log(result)).toBe(true);
  });

  it('passes JOB_COMPLETION_INDEX to the job as its completion index', async ({ expect }) => {
    const result = await run(['reports-context'], { PROBE: 'reports-context', JOB_COMPLETION_INDEX: '7' });
    expect(result.exitCode, log(result)).toBe(success);
    expect(logged(result.stdout, 'Probe context: job reports-context, index 7'), log(result)).toBe(true);
  });

  it.for(['SIGTERM', 'SIGINT'] as const)(`%s while the job runs exits ${terminated}`, async (signal, { expect }) => {
    const child = run(['waits-for-token'], { PROBE: 'waits-for-token' });
    await waitForOutput(child, 'Probe waiting');
    child.kill(signal);
    const result = await child;
    expect(result.exitCode, log(result)).toBe(terminated);
    expect(logged(result.stdout, signal)).toBe(true);
  });

  it(`disposing a service that throws keeps exit ${success}`, async ({ expect }) => {
    const result = await run(['dispose-throws'], { PROBE: 'dispose-throws' });
    expect(result.exitCode, log(result)).toBe(success);
    expect(logged(result.stdout, 'dispose failed on purpose')).toBe(true);
  });
});

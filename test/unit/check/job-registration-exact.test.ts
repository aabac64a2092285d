import { describe, expect, it } from 'vitest';
import { checkMemory } from '../../../src/check/run.js';

const exact = async (files: Map<string, string>) =>
  (await checkMemory(files)).findings.filter((f) => f.rule === 'job-not-registered').map((f) => ({ file: f.file, line: f.line, column: f.column, severity: f.severity, en: f.message, es: f.messageEs }));

const cronJob = (args: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: x\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: app\n              image: app:1.0\n              args: ${args}\n`;
const job = (args: string) =>
  `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: app\n          image: app:1.0\n          args:\n            - ${args}\n`;
const host = (registrations: string) => `using Acme.Jobs;\n\nawait JobHost . RunAsync(args, jobs =>\n{\n${registrations}\n});\n`;

describe('check: job-not-registered, exact findings', () => {
  const registered = host('    jobs.Add<AlphaJob>("alpha");\n    jobs.Add<BetaJob, BetaOptions>("beta");');

  it('names the job at the args line of CronJobs and Jobs (.yaml and .yml), with the registered names sorted, in both languages', async () => {
    const files = new Map([
      ['src/App/Main.cs', registered],
      // A test host registering more jobs says nothing about the app.
      ['tests/App.Tests/Host.cs', 'jobs.Add<GammaJob>("gamma");\njobs.Add<DeltaJob>("delta");\n'],
      ['src/App.Test/Host.cs', 'jobs.Add<GammaJob>("gamma");\n'],
      ['deploy/gamma.yaml', cronJob('["gamma", "--verbose"]')],
      ['deploy/alpha.yaml', cronJob('[alpha]')],
      ['deploy/delta.YML', job('delta')],
      ['deploy/flag.yaml', job('--help')],
      ['deploy/number.yaml', job('42')],
      ['deploy/web.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          args: [omega]\n'],
      ['.github/workflows/job.yml', job('epsilon')],
    ]);
    const gamma = { en: 'job \'gamma\' is not registered in the app (jobs.Add<…>("gamma")); registered: alpha, beta', es: 'el job \'gamma\' no está registrado en la aplicación (jobs.Add<…>("gamma")); registrados: alpha, beta' };
    expect(await exact(files)).toEqual([
      { file: 'deploy/delta.YML', line: 13, column: undefined, severity: 'error', en: gamma.en.replaceAll('gamma', 'delta'), es: gamma.es.replaceAll('gamma', 'delta') },
      { file: 'deploy/gamma.yaml', line: 15, column: undefined, severity: 'error', ...gamma },
    ]);
  });

  it('an app that registers nothing says so; a bare Add<T>(name) (the host\'s own collection) is not a registration', async () => {
    const files = new Map([
      ['src/App/Program.cs', host('    // no jobs yet')],
      ['src/App/JobCollection.cs', 'public sealed class JobCollection\n{\n    public void Register<TJob>(string name) => Add<TJob>(name);\n    public void Other() => jobs.Add("zeta");\n}\n'],
      ['deploy/a.yaml', job('alpha')],
    ]);
    expect(await exact(files)).toEqual([
      { file: 'deploy/a.yaml', line: 13, column: undefined, severity: 'error', en: 'job \'alpha\' is not registered in the app (jobs.Add<…>("alpha")); registered: none', es: 'el job \'alpha\' no está registrado en la aplicación (jobs.Add<…>("alpha")); registrados: ninguno' },
    ]);
  });

  it('an interpolated name makes the list unknown (nothing reported); without the job host call nothing is checked', async () => {
    const manifests: [string, string][] = [['deploy/a.yaml', job('other')]];
    expect(await exact(new Map([['src/App/Program.cs', host('    jobs.Add<AlphaJob>($"alpha");')], ...manifests]))).toEqual([]);
    expect(await exact(new Map([['src/App/Program.cs', host('    jobs.Add<AlphaJob>();')], ...manifests]))).toEqual([]);
    expect(await exact(new Map([['src/App/Program.cs', registered.replace('RunAsync', 'Run')], ...manifests]))).toEqual([]);
    expect(await exact(new Map([['tests/App.Tests/Program.cs', registered], ...manifests]))).toEqual([]);
  });

  it('manifests missing the spec, the containers or the args are skipped, not failed on; a job whose name holds a dash is a job', async () => {
    const files = new Map([
      ['src/App/Program.cs', registered],
      ['deploy/bare.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: bare\n'],
      ['deploy/nopod.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nopod\nspec:\n  jobTemplate: {}\n'],
      ['deploy/nocontainers.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: n\nspec:\n  template:\n    spec:\n      containers: []\n'],
      ['deploy/noargs.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: n\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n'],
      ['deploy/emptyargs.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: n\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          args: []\n'],
      ['deploy/scalar.yaml', 'kind: Job\n---\njust text\n---\n'],
      ['deploy/dash.yaml', job('re-index-')],
    ]);
    expect((await exact(files)).map((f) => `${f.file}:${f.line}:${f.en.slice(0, 22)}`)).toEqual(['deploy/dash.yaml:13:job \'re-index-\' is not']);
  });

  it('finds CronJobs and Jobs written in JSON or flow style, with a quoted kind or a trailing comment', async () => {
    const pod = '"template": {"spec": {"restartPolicy": "Never", "containers": [{"name": "app", "image": "app:1.0", "args": ["gamma"]}]}}';
    const files = new Map([
      ['src/App/Main.cs', registered],
      ['deploy/json.yaml', `{"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "x"},\n "spec": {${pod}}}\n`],
      ['deploy/flow.yaml', `{apiVersion: batch/v1, kind: CronJob, metadata: {name: x},\n spec: {schedule: "0 3 * * *", jobTemplate: {spec: {${pod}}}}}\n`],
      ['deploy/quoted.yaml', job('gamma').replace('kind: Job', "kind: 'Job'")],
      ['deploy/comment.yaml', job('gamma').replace('kind: Job', 'kind: Job  # one run per release')],
      // Not a batch kind, whatever the quoting: not read.
      ['deploy/jobs.yaml', job('gamma').replace('kind: Job', 'kind: "JobSet"')],
    ]);
    const gamma = { severity: 'error', column: undefined, en: 'job \'gamma\' is not registered in the app (jobs.Add<…>("gamma")); registered: alpha, beta', es: 'el job \'gamma\' no está registrado en la aplicación (jobs.Add<…>("gamma")); registrados: alpha, beta' };
    expect(await exact(files)).toEqual([
      { file: 'deploy/comment.yaml', line: 13, ...gamma },
      { file: 'deploy/flow.yaml', line: 2, ...gamma },
      { file: 'deploy/json.yaml', line: 2, ...gamma },
      { file: 'deploy/quoted.yaml', line: 13, ...gamma },
    ]);
  });
});

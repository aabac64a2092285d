import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { claims, isSharded, Shard } from '../../../src/check/shard.js';
import { fakeAgentKey } from '../../support/fake-key.js';
import { tempTree } from '../../support/temp-tree.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function tree(files: Record<string, string>): string {
  return tempTree(join(tmpdir(), 'cbj-shard-'), files, roots);
}

const counter = () => new Int32Array(new SharedArrayBuffer(4));
const JOB = 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: a\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: app\n          image: app:1.0\n';

/**
 * The facts a worker sends for each file (the pool test only compares whole reports, which stay equal when a shard
 * sends too much: these pin what each file is said to be).
 */
describe('check shards', () => {
  it.each([
    ['src/App/Program.cs', [], true],
    ['charts/app/templates/x.cs', ['charts/app/'], true],
    ['charts/app/templates/job.yaml', ['charts/app/'], false],
    ['deploy/job.yaml', ['charts/app/'], true],
    ['deploy/job.YML', [], true],
    ['scripts/deploy.sh', [], true],
    ['src/App/appsettings.Production.json', [], true],
    ['.gitlab-ci.yml', [], true],
    ['src/App/App.csproj', [], false],
    ['README.md', [], false],
    ['deploy/job.yaml.bak', [], false],
  ])('isSharded(%s, %j) is %s', (path, helmRoots, expected) => {
    expect(isSharded(path, helmRoots)).toBe(expected);
  });

  it('claims: every index once, in chunks of 64 taken from the shared counter', () => {
    const shared = counter();
    expect([...claims(shared, 130)]).toEqual(Array.from({ length: 130 }, (_, i) => i));
    // Three chunks, then one more claim that finds the list done.
    expect(Atomics.load(shared, 0)).toBe(256);
    // A second thread arriving after the first took one chunk gets the rest.
    const second = counter();
    Atomics.store(second, 0, 64);
    expect([...claims(second, 130)]).toEqual(Array.from({ length: 66 }, (_, i) => 64 + i));
    expect([...claims(counter(), 0)]).toEqual([]);
    expect([...claims(counter(), 64)]).toHaveLength(64);
  });

  it('facts: C# selection and job-host calls, batch kinds, manifests and kustomizations, secrets; files with nothing to say are left out', () => {
    const key = fakeAgentKey(7);
    const files: Record<string, string> = {
      'src/App/Program.cs': 'await JobHost.RunAsync(args, jobs => { jobs.Add<A>("a"); });\n',
      'src/App/Timer.cs': 'global using T = System.Timers.Timer;\nclass C { }\n',
      'src/App/Plain.cs': 'class D { }\n',
      'deploy/job.yaml': JOB,
      'deploy/kustomization.yaml': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - job.yaml\n',
      'deploy/notes.yaml': 'title: notes\n',
      'charts/app/templates/job.yaml': JOB,
      '.github/workflows/job.yml': JOB,
      'deploy/secret.sh': `helm install x --set agent.key=${key}\n`,
      'README.md': 'kind: Job\n',
    };
    const root = tree(files);
    const shard = new Shard(root, 64 * 1024, ['charts/app/']);
    const paths = Object.keys(files).sort();
    const facts = new Map(shard.facts(paths, counter()));
    expect([...facts.keys()].sort()).toEqual(['charts/app/templates/job.yaml', 'deploy/job.yaml', 'deploy/kustomization.yaml', 'deploy/secret.sh', 'src/App/Program.cs', 'src/App/Timer.cs']);
    expect(facts.get('src/App/Program.cs')).toEqual({ csharp: { aliases: [], callsJobHost: true, mayRegisterJobs: true } });
    expect(facts.get('src/App/Timer.cs')).toEqual({ csharp: { selected: files['src/App/Timer.cs'], aliases: ['T'], callsJobHost: false, mayRegisterJobs: false } });
    expect(facts.get('deploy/job.yaml')).toEqual({ mayHoldBatchJob: true, manifest: {} });
    const kustomization = facts.get('deploy/kustomization.yaml')!;
    expect(kustomization.mayHoldBatchJob).toBeUndefined();
    expect(kustomization.manifest?.kustomization?.text).toBe(files['deploy/kustomization.yaml']);
    expect(kustomization.manifest?.kustomization?.objects.map((o) => [o.doc, o.obj.kind])).toEqual([[0, 'Kustomization']]);
    // Under a Helm chart a Job is no manifest to validate, but job registrations still read it; a CI file is only a
    // secret candidate (none here), so it is left out.
    expect(facts.get('charts/app/templates/job.yaml')).toEqual({ mayHoldBatchJob: true });
    expect(facts.has('.github/workflows/job.yml')).toBe(false);
    expect(facts.get('deploy/secret.sh')?.secrets?.map((s) => s.line)).toEqual([1]);
    expect(Object.keys(facts.get('deploy/secret.sh')!)).toEqual(['secrets']);
  });

  it('facts: a file too large to read is its note; nothing else is said of it', () => {
    const root = tree({ 'deploy/big.yaml': `${JOB}# ${'x'.repeat(200)}\n` });
    const [[path, facts]] = new Shard(root, 100, []).facts(['deploy/big.yaml'], counter());
    expect(path).toBe('deploy/big.yaml');
    expect(Object.keys(facts)).toEqual(['note']);
    expect(facts.note?.kind).toBe('too-large');
  });

  it('validate: only manifests with findings, a parse error or Ingress objects are sent; each manifest is taken once', () => {
    const files: Record<string, string> = {
      'deploy/clean.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: c\nautomountServiceAccountToken: false\n',
      'deploy/bad.yaml': 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: b\n',
      'deploy/broken.yaml': 'kind: Job\nmetadata: [\n',
      'deploy/ingress.yaml': 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules: []\n',
    };
    const root = tree(files);
    const paths = Object.keys(files).sort();
    const shard = new Shard(root, 64 * 1024, []);
    shard.facts(paths, counter());
    const claimed = new Int32Array(new SharedArrayBuffer(4 * paths.length));
    const results = new Map(shard.validate(paths, claimed, new Map()));
    expect([...results.keys()].sort()).toEqual(['deploy/bad.yaml', 'deploy/broken.yaml', 'deploy/ingress.yaml']);
    expect(results.get('deploy/bad.yaml')!.findings.length).toBeGreaterThan(0);
    expect(results.get('deploy/bad.yaml')!.parseError).toBeUndefined();
    expect(results.get('deploy/broken.yaml')!.parseError?.line).toBeGreaterThan(0);
    expect(results.get('deploy/ingress.yaml')!.ingress?.objects.map((o) => [o.doc, o.obj.kind])).toEqual([[0, 'Ingress']]);
    expect(results.get('deploy/ingress.yaml')!.ingress?.text).toBe(files['deploy/ingress.yaml']);
    expect([...claimed]).toEqual([1, 1, 1, 1]);
    // Another thread that read nothing finds every manifest taken; a fresh claim list is read again from disk.
    const other = new Shard(root, 64 * 1024, []);
    expect(other.validate(paths, claimed, new Map())).toEqual([]);
    expect(new Map(other.validate(paths, new Int32Array(new SharedArrayBuffer(4 * paths.length)), new Map())).size).toBe(3);
  });
});

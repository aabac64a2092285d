import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KustomizeTree, renderedName } from '../../../src/check/kustomize.js';
import { checkDirectory } from '../../../src/check/run.js';
import { GRACE_PERIOD_ENV } from '../../../src/components/dotnet/templates.js';
import { policy } from '../../../src/policy/index.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

describe('KustomizeTree', () => {
  const k = (file: string, obj: Record<string, unknown>) => ({ file, obj });
  it('composes nested prefixes, suffixes and namespaces the way kustomize does; bases are not roots', () => {
    const base = k('deploy/base/kustomization.yaml', { resources: ['cronjob.yaml', 'ns.yaml', 'https://example.com/x.yaml'], namePrefix: 'base-', nameSuffix: '-b' });
    const mid = k('deploy/mid/kustomization.yaml', { bases: ['../base'], namespace: 'inner' });
    const overlay = k('deploy/prod/kustomization.yaml', { resources: ['../mid', 'ingress.yaml'], namePrefix: 'prod-', nameSuffix: '-v2', namespace: 'prod' });
    const loop = k('loop/kustomization.yaml', { resources: ['../loop'] });
    const files = new Set(['deploy/base/cronjob.yaml', 'deploy/base/ns.yaml', 'deploy/prod/ingress.yaml']);
    const tree = new KustomizeTree([base, mid, overlay, loop], files);
    expect(tree.filesOf(overlay)).toEqual([
      { file: 'deploy/base/cronjob.yaml', transform: { prefix: 'prod-base-', suffix: '-b-v2', namespace: 'prod' } },
      { file: 'deploy/base/ns.yaml', transform: { prefix: 'prod-base-', suffix: '-b-v2', namespace: 'prod' } },
      { file: 'deploy/prod/ingress.yaml', transform: { prefix: 'prod-', suffix: '-v2', namespace: 'prod' } },
    ]);
    expect([base, mid, overlay].map((x) => tree.isRoot(x))).toEqual([false, false, true]);
    const [t] = tree.transformsOf('deploy/base/cronjob.yaml');
    expect(renderedName('CronJob', 'report', t!)).toBe('prod-base-report-b-v2');
    expect(renderedName('Namespace', 'team', t!)).toBe('team');
    expect(tree.filesOf(loop)).toEqual([]);
  });
});

/** An overlay (namePrefix, nameSuffix, namespace, a patch) over a base with its own namePrefix. */
function overlayRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cbj-kustomize-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const cronJob = (name: string) =>
    `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ${name}\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: app\n              image: app:1.0\n              env:\n                - name: ${GRACE_PERIOD_ENV}\n                  value: "30"\n`;
  write('deploy/base/kustomization.yaml', 'resources:\n  - cleanup.yaml\n  - report.yaml\n  - headers.yaml\nnamePrefix: base-\n');
  write('deploy/base/cleanup.yaml', cronJob('cleanup'));
  write('deploy/base/report.yaml', cronJob('report'));
  const headers = Object.entries(policy.securityHeaders).map(([name, value]) => `  ${name}: ${JSON.stringify(String(value))}`).join('\n');
  write('deploy/base/headers.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: headers\ndata:\n${headers}\n`);
  write(
    'deploy/prod/kustomization.yaml',
    [
      'resources:\n  - ../base\n  - ingress.yaml',
      'namePrefix: prod-\nnameSuffix: -v2\nnamespace: prod',
      // Only the report CronJob's pod gets a longer grace period: its host variable still says 30.
      'patches:\n  - target: { kind: CronJob, name: base-report }\n    patch: |\n      - op: add\n        path: /spec/jobTemplate/spec/template/spec/terminationGracePeriodSeconds\n        value: 300',
    ].join('\n') + '\n',
  );
  // The Ingress names the ConfigMap as the cluster will know it.
  write('deploy/prod/ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/custom-headers: prod/prod-base-headers-v2\nspec:\n  rules: []\n');
  return dir;
}

describe('check: kustomize namePrefix/nameSuffix', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('read raw (no kubectl): an Ingress finds the ConfigMap by its prefixed and suffixed name', async () => {
    const dir = overlayRepo();
    dirs.push(dir);
    const report = await checkDirectory(dir, 'raw', { kubectl: false });
    expect(report.notes.map((n) => n.kind)).toContain('kustomize-raw');
    expect(report.findings.filter((f) => f.rule === 'ingress-headers-missing')).toEqual([]);
    // Raw files do not show what the overlay's patch does.
    expect(report.findings.filter((f) => f.rule === 'k8s-grace-period-env')).toEqual([]);
  });

  it.skipIf(!hasKubectl)('rendered (kubectl kustomize): a finding in a patched, renamed object points at its base file and line', async () => {
    const dir = overlayRepo();
    dirs.push(dir);
    const report = await checkDirectory(dir, 'rendered', { kubectl: true });
    expect(report.notes.map((n) => n.kind)).not.toContain('kustomize-raw');
    expect(report.notes.map((n) => n.kind)).not.toContain('kustomize-failed');
    const grace = report.findings.filter((f) => f.rule === 'k8s-grace-period-env');
    // Line 17 is the report CronJob's `value: "30"`; the cleanup CronJob (same labels, none) is not patched.
    expect(grace.map((f) => `${f.file}:${f.line}`)).toEqual(['deploy/base/report.yaml:17']);
    expect(grace[0]!.message).toContain('CronJob/prod-base-report-v2');
    expect(report.findings.filter((f) => f.rule === 'ingress-headers-missing')).toEqual([]);
  });
});

describe('KustomizeTree paths and transforms', () => {
  const k = (file: string, obj: Record<string, unknown>) => ({ file, obj });

  it('resolves ./ and ../ entries, refuses absolute paths, URLs of any scheme and climbs above the repository', () => {
    const root = k('kustomization.yaml', {
      resources: ['./a.yaml', 'x/../b.yaml', '/etc/c.yaml', '../d.yaml', 'git+ssh://host/e.yaml', 'HTTP://host/f.yaml', 'sub//g.yaml', 7, null],
      bases: 'not-a-list',
    });
    // Also present: the paths a URL would resolve to were it taken for a path. Only a leading scheme is a URL.
    root.obj.resources = [...(root.obj.resources as unknown[]), 'sub/http://x.yaml', '1a://y.yaml'];
    const files = new Set(['a.yaml', 'b.yaml', 'etc/c.yaml', 'd.yaml', 'e.yaml', 'host/e.yaml', 'host/f.yaml', 'sub/g.yaml', 'git+ssh:/host/e.yaml', 'HTTP:/host/f.yaml', 'sub/http:/x.yaml', '1a:/y.yaml']);
    const tree = new KustomizeTree([root], files);
    expect(tree.filesOf(root).map((f) => f.file)).toEqual(['a.yaml', 'b.yaml', 'sub/g.yaml', 'sub/http:/x.yaml', '1a:/y.yaml']);
    expect(tree.filesOf(root)[0]!.transform).toStrictEqual({ prefix: '', suffix: '' });
  });

  it('keeps an inner namespace when the outer level sets none; non-text prefixes count as none', () => {
    const base = k('base/kustomization.yaml', { resources: ['job.yaml'], namespace: 'inner', namePrefix: 3 });
    const overlay = k('prod/kustomization.yaml', { resources: ['../base', '../missing', 'absent.yaml'], namePrefix: 'p-', nameSuffix: ['x'], namespace: '' });
    const plain = k('plain/kustomization.yaml', { resources: ['../base'] });
    const tree = new KustomizeTree([base, overlay, plain], new Set(['base/job.yaml']));
    expect(tree.filesOf(overlay)).toStrictEqual([{ file: 'base/job.yaml', transform: { prefix: 'p-', suffix: '', namespace: 'inner' } }]);
    expect(tree.filesOf(base)).toStrictEqual([{ file: 'base/job.yaml', transform: { prefix: '', suffix: '', namespace: 'inner' } }]);
    // Neither level sets one: the transform has no namespace key at all.
    const inner = k('b/kustomization.yaml', { resources: ['j.yaml'] });
    const outer = k('o/kustomization.yaml', { resources: ['../b'] });
    expect(new KustomizeTree([inner, outer], new Set(['b/j.yaml'])).filesOf(outer)).toStrictEqual([{ file: 'b/j.yaml', transform: { prefix: '', suffix: '' } }]);
    // Both roots render the base's file: one transform each, in root order.
    expect(tree.transformsOf('base/job.yaml')).toStrictEqual([
      { prefix: 'p-', suffix: '', namespace: 'inner' },
      { prefix: '', suffix: '', namespace: 'inner' },
    ]);
    expect(tree.transformsOf('elsewhere.yaml')).toEqual([]);
    expect(tree.isRoot(base)).toBe(false);
    expect(tree.filesOf(k('unknown/kustomization.yaml', {}))).toEqual([]);
  });

  it('an object without a kind is renamed; CRDs, APIServices and Namespaces keep their names', () => {
    const t = { prefix: 'a-', suffix: '-z' };
    expect(renderedName(undefined, 'n', t)).toBe('a-n-z');
    expect(renderedName('CustomResourceDefinition', 'n', t)).toBe('n');
    expect(renderedName('APIService', 'n', t)).toBe('n');
    expect(renderedName('ConfigMap', 'n', t)).toBe('a-n-z');
  });
});

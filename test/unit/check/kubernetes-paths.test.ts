import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/check/context.js';
import { checkKubernetes, isIngressInput, isKustomizationObject, isManifestCandidate, lazyDoc, locate, mayHoldObjects, pinsAbove } from '../../../src/check/rules/kubernetes.js';
import { checkDirectory, checkMemory } from '../../../src/check/run.js';
import { memoryRepository, walkRepository } from '../../../src/check/walk.js';
import { type YamlDoc } from '../../../src/check/yaml-source.js';
import { GRACE_PERIOD_ENV } from '../../../src/components/dotnet/templates.js';
import { policy } from '../../../src/policy/index.js';
import { tempTree } from '../../support/temp-tree.js';

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;

// The paths of `src/check/rules/kubernetes.ts` the other check tests do not reach: the helpers at their edges,
// the streamed (no kubectl) and the prepared (worker) passes, and rendering with `kubectl kustomize`.

type Report = Awaited<ReturnType<typeof checkMemory>>;
const exact = (report: Report, rule: string) =>
  report.findings.filter((f) => f.rule === rule).map((f) => ({ file: f.file, line: f.line, en: f.message, es: f.messageEs }));
const notes = (report: { notes: readonly { kind: string; file?: string; message: string; messageEs?: string }[] }) =>
  report.notes.map((n) => ({ kind: n.kind, file: n.file, en: n.message, es: n.messageEs }));
const graceMessage = (object: string, value: string, grace: number) => ({
  en: `${object} ${GRACE_PERIOD_ENV} is "${value}" but the pod's terminationGracePeriodSeconds is ${grace}`,
  es: `${object}: ${GRACE_PERIOD_ENV} vale "${value}" pero terminationGracePeriodSeconds del pod es ${grace}`,
});
const RAW_NOTE = {
  kind: 'kustomize-raw',
  file: undefined,
  en: 'kubectl not found: kustomize folders were read raw (images pinned in kustomization.yaml are honoured)',
  es: 'no se encontró kubectl: las carpetas de kustomize se leyeron sin renderizar (se respetan las imágenes fijadas en kustomization.yaml)',
};

/** A batch/v1 CronJob whose host variable says `env` while its pod's grace period is `grace` (unset when empty). */
const cronJob = (name: string, grace: string, env: string, extra = '') =>
  [
    'apiVersion: batch/v1',
    'kind: CronJob',
    'metadata:',
    `  name: ${name}`,
    extra,
    'spec:',
    '  schedule: "0 3 * * *"',
    '  jobTemplate:',
    '    spec:',
    '      template:',
    '        spec:',
    '          restartPolicy: Never',
    ...(grace ? [`          terminationGracePeriodSeconds: ${grace}`] : []),
    '          containers:',
    '            - name: app',
    '              image: app:1.0',
    '              env:',
    `                - name: ${GRACE_PERIOD_ENV}`,
    `                  value: "${env}"`,
  ]
    .filter((l) => l !== '')
    .join('\n') + '\n';

/** Every header the policy requires, as ConfigMap data. */
const headersData = Object.entries(policy.securityHeaders).map(([name, value]) => `  ${name}: ${JSON.stringify(String(value))}`).join('\n');

const doc = (value: unknown): YamlDoc => ({ value, line: 1, lineOf: () => 1 });

describe('locate: which documents of a file are objects', () => {
  it('a plain file keeps only documents with a text apiVersion and kind', () => {
    const job = { apiVersion: 'batch/v1', kind: 'Job' };
    const docs = [doc(null), doc('kind: Job'), doc({ kind: 'Job' }), doc({ apiVersion: 'v1' }), doc({ apiVersion: 1, kind: 'Job' }), doc({ apiVersion: 'v1', kind: 2 }), doc(job)];
    const located = locate('deploy/a.yaml', docs);
    expect(located).toHaveLength(1);
    expect(located[0]!.file).toBe('deploy/a.yaml');
    expect(located[0]!.doc).toBe(docs[6]);
    expect(located[0]!.obj).toBe(job);
  });

  it('a kustomization file also keeps objects without apiVersion or kind, as kustomize.config.k8s.io Kustomizations', () => {
    const docs = [doc(null), doc('resources'), doc({ resources: ['job.yaml'] }), doc({ kind: 'Component', resources: [] }), doc({ apiVersion: 'v1', kind: 'ConfigMap' })];
    const located = locate('k/kustomization.yml', docs);
    expect(located.map((o) => o.obj)).toStrictEqual([
      { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['job.yaml'] },
      { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Component', resources: [] },
      { apiVersion: 'v1', kind: 'ConfigMap' },
    ]);
    expect(located.map((o) => o.doc)).toEqual([docs[2], docs[3], docs[4]]);
    expect(located.map((o) => o.file)).toEqual(['k/kustomization.yml', 'k/kustomization.yml', 'k/kustomization.yml']);
  });

  it('a kustomization is a Kustomization kind anywhere, or any object of a kustomization file; Ingress inputs are three kinds', () => {
    const at = (file: string, kind: string) => ({ file, doc: doc({}), obj: { apiVersion: 'v1', kind } });
    expect(isKustomizationObject(at('flux/apps.yaml', 'Kustomization'))).toBe(true);
    expect(isKustomizationObject(at('k/kustomization.yaml', 'ConfigMap'))).toBe(true);
    expect(isKustomizationObject(at('k/job.yaml', 'ConfigMap'))).toBe(false);
    expect(isKustomizationObject(at('k/job.yaml', ''))).toBe(false);
    expect(isKustomizationObject(at('k/job.yaml', 'kustomization'))).toBe(false);
    expect(['ConfigMap', 'Ingress', 'HTTPRoute', 'Job', 'Service'].map((kind) => isIngressInput(at('a.yaml', kind)))).toEqual([true, true, true, false, false]);
  });

  it('a file name must end in .yaml or .yml; a kind key counts only at the start of a line', () => {
    expect(isManifestCandidate('deploy/a.yaml.bak', [])).toBe(false);
    expect(isManifestCandidate('deploy/a.yml', [])).toBe(true);
    expect(mayHoldObjects('a.yaml', 'metadata:\n  subkind: x\n')).toBe(false);
    expect(mayHoldObjects('a.yaml', 'metadata: {}\nkind: x\n')).toBe(true);
  });

  it('pins are looked up by folder, from the file\'s own folder upwards, never by the file\'s own path', () => {
    expect(pinsAbove(new Map([['a/b/', ['b']], ['a/', ['a']]]), 'a/b/job.yaml')).toEqual(['b']);
    expect(pinsAbove(new Map([['a/', ['a']]]), 'a/b/job.yaml')).toEqual(['a']);
    expect(pinsAbove(new Map([['a/job.yaml', ['file']]]), 'a/job.yaml')).toEqual([]);
    expect(pinsAbove(new Map([['', ['root']]]), 'job.yaml')).toEqual(['root']);
  });

  it('a lazy document parses its text only when asked, and answers for document `index`', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\ndata:\n  k: v\n';
    const second = lazyDoc(text, 1);
    expect(second.value).toStrictEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' }, data: { k: 'v' } });
    expect(second.line).toBe(6);
    expect(second.lineOf('data.k')).toBe(11);
    expect(lazyDoc(text, 0).lineOf('metadata.name')).toBe(4);
  });
});

describe('check: manifests read in this thread (no kubectl)', () => {
  it('a manifest written in JSON or flow style is read like a block-style one', async () => {
    expect(mayHoldObjects('a.yaml', '{"apiVersion": "v1", "kind": "ConfigMap"}')).toBe(true);
    expect(mayHoldObjects('a.yaml', '{\n  "kind": "ConfigMap"\n}')).toBe(true);
    expect(mayHoldObjects('a.yaml', '{apiVersion: v1, kind: ConfigMap}')).toBe(true);
    expect(mayHoldObjects('a.yaml', '{apiVersion: v1,kind: ConfigMap}')).toBe(true);
    expect(mayHoldObjects('a.yaml', '{"apiVersion": "v1", "subkind": "x", "kinds": []}')).toBe(false);
    const report = await checkMemory(new Map([
      ['deploy/json.yaml', '{\n  "apiVersion": "batch/v1beta1",\n  "kind": "CronJob",\n  "metadata": {"name": "x"}\n}\n'],
      ['deploy/flow.yaml', '{apiVersion: batch/v1beta1, kind: CronJob, metadata: {name: y}}\n'],
    ]));
    expect(exact(report, 'k8s-deprecated-api')).toEqual([
      { file: 'deploy/flow.yaml', line: 1, en: 'CronJob batch/v1beta1 was removed in Kubernetes 1.25: use batch/v1', es: 'CronJob batch/v1beta1 se eliminó en Kubernetes 1.25: usa batch/v1' },
      { file: 'deploy/json.yaml', line: 2, en: 'CronJob batch/v1beta1 was removed in Kubernetes 1.25: use batch/v1', es: 'CronJob batch/v1beta1 se eliminó en Kubernetes 1.25: usa batch/v1' },
    ]);
  });

  it('Helm templates, CI files and exemptions are not manifests; a Helm note only for a chart that has templates', async () => {
    const bad = cronJob('bad', '60', '30');
    const report = await checkMemory(new Map([
      ['chart/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n'],
      ['chart/templates/cronjob.yaml', bad],
      ['empty/Chart.yaml', 'apiVersion: v2\nname: empty\nversion: 1.0.0\n'],
      ['.github/workflows/ci.yaml', bad],
      ['deploy/batch-job.exemptions.yaml', bad],
      ['deploy/cronjob.yaml', bad],
    ]));
    expect(exact(report, 'k8s-grace-period-env').map((f) => f.file)).toEqual(['deploy/cronjob.yaml']);
    expect(notes(report)).toEqual([
      {
        kind: 'helm-templates',
        file: 'chart/templates/',
        en: 'Helm chart templates are Go templates: skipped (values files are still checked for secrets)',
        es: 'las plantillas de un chart de Helm son plantillas de Go: se omiten (los archivos de values se siguen revisando en busca de secretos)',
      },
    ]);
  });

  it('objects beside a Flux Kustomization are validated in full; only kustomization.yaml names rename objects', async () => {
    const flux = 'apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: apps\nnamePrefix: flux-\nresources:\n  - headers.yaml\n';
    const report = await checkMemory(new Map([
      ['deploy/flux.yaml', `${flux}---\n${cronJob('beside', '60', '30')}`],
      ['deploy/job.yaml', cronJob('plain', '', '30')],
      ['deploy/ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/custom-headers: default/flux-headers\nspec:\n  rules: []\n'],
      ['deploy/headers.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: headers\ndata:\n${headersData}\n`],
    ]));
    expect(exact(report, 'k8s-grace-period-env')).toEqual([{ file: 'deploy/flux.yaml', line: 26, ...graceMessage('CronJob/beside', '30', 60) }]);
    // Validated as a CronJob, not as a kustomization (schema only): the practice layer reports its container.
    expect(report.findings.filter((f) => f.file === 'deploy/flux.yaml' && f.rule === 'k8s-container-resources').map((f) => f.line)).toEqual([22, 22, 22, 22, 22, 22]);
    expect(report.findings.filter((f) => f.rule === 'ingress-headers-missing').map((f) => `${f.file}:${f.line}`)).toEqual(['deploy/ingress.yaml:5']);
    expect(notes(report)).toEqual([RAW_NOTE]);
  });

  it('an Ingress finds a ConfigMap by the name its kustomization gives it; a ConfigMap without metadata names nothing', async () => {
    const headers = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  X-Frame-Options: DENY\n`;
    const ingress = (ref: string) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/custom-headers: ${ref}\nspec:\n  rules: []\n`;
    const report = await checkMemory(new Map([
      ['base/kustomization.yaml', 'resources:\n  - headers.yaml\n  - nameless.yaml\nnamePrefix: p-\n'],
      ['base/headers.yaml', headers('headers')],
      ['base/nameless.yaml', 'apiVersion: v1\nkind: ConfigMap\ndata:\n  X-Frame-Options: DENY\n'],
      ['web/ingress.yaml', ingress('default/p-headers')],
      ['web/missing.yaml', ingress('default/p-other')],
    ]));
    const missing = report.findings.filter((f) => f.rule === 'ingress-headers-missing');
    expect(missing.map((f) => `${f.file}:${f.line}`)).toEqual(['web/ingress.yaml:5', 'web/missing.yaml:5']);
    expect(missing[0]!.message).toContain('custom-headers ConfigMap default/p-headers');
    expect(missing[0]!.message).not.toContain('X-Frame-Options');
    expect(missing[1]!.message).toContain('custom-headers ConfigMap default/p-other');
    expect(missing[1]!.message).toContain('X-Frame-Options');
  });

  it('only a removed batch API is validated as its replacement; another removed API is validated as written', async () => {
    const ingress = `apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: web\nspec:\n  rules:\n    - http:\n        paths:\n          - path: /\n            backend:\n              serviceName: web\n              servicePort: 80\n`;
    const report = await checkMemory(new Map([['deploy/ingress.yaml', ingress]]));
    expect(report.findings.filter((f) => f.rule === 'k8s-schema').map((f) => ({ line: f.line, detail: f.detail, en: f.message }))).toEqual([
      { line: 2, detail: 'schema-unknown-kind', en: 'Ingress/web kind: no schema for apiVersion networking.k8s.io/v1beta1 kind Ingress; Ingress is known as apiVersion networking.k8s.io/v1' },
    ]);
  });

  it('the grace-period rule: only batch/v1 Jobs and CronJobs, a missing pod or name, an unset value', async () => {
    const podSpec = `spec:\n  template:\n    spec:\n      terminationGracePeriodSeconds: 60\n      containers:\n        - name: app\n          image: app:1.0\n          env:\n            - name: ${GRACE_PERIOD_ENV}\n              value: "30"\n`;
    const report = await checkMemory(new Map([
      ['a/other-kind.yaml', `apiVersion: batch/v1\nkind: Workload\nmetadata:\n  name: w\n${podSpec}`],
      ['b/empty-cronjob.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: empty\n'],
      ['c/nameless.yaml', `apiVersion: batch/v1\nkind: Job\n${podSpec}`],
      ['d/unset.yaml', `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: unset\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: app:1.0\n          env:\n            - name: ${GRACE_PERIOD_ENV}\n`],
    ]));
    expect(exact(report, 'k8s-grace-period-env')).toEqual([
      { file: 'c/nameless.yaml', line: 12, ...graceMessage('Job/?', '30', 60) },
      { file: 'd/unset.yaml', line: 12, ...graceMessage('Job/unset', '', 30) },
    ]);
  });
});

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
function repo(files: Record<string, string>): string {
  return tempTree(join(tmpdir(), 'cbj-k8s-paths-'), files, dirs);
}

const imageJob = (image: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: b\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: ${image}\n`;
const ingress = (ref: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/custom-headers: ${ref}\nspec:\n  rules: []\n`;

describe('check: manifests on disk without kubectl, in this thread and prepared by the shared pool', () => {
  const limits = { maxFileBytes: 2000 };
  const tree = () =>
    repo({
      'a/broken.yaml': 'kind: ConfigMap\nmetadata: [\n',
      // Too large to read: no text, only its read note.
      'b/kustomization.yaml': `resources: []\n# ${'x'.repeat(3000)}\n`,
      'c/kustomization.yaml': 'resources: [\n',
      'd/kustomization.yaml': 'images:\n  - name: reports\n    newTag: "1.2.3"\n',
      'd/sub/job.yaml': imageJob('reports'),
      'e/ingress.yaml': ingress('default/headers'),
      'e/headers.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: headers\ndata:\n  X-Frame-Options: DENY\n',
      'f/plain.yaml': 'name: not-an-object\n',
      'z/job.yaml': imageJob('reports'),
    });

  it.each([
    ['in this thread', { threads: 1 }],
    ['prepared', { threads: 2, poolMinFiles: 0 }],
  ])('%s: parse notes sit in path order around read notes; pins, Ingress inputs and findings are the same', async (_how, options) => {
    const report = await checkDirectory(tree(), 'paths', { kubectl: false, limits, ...options });
    const seen = notes(report);
    expect(seen.map((n) => `${n.kind}:${n.file ?? '-'}`)).toEqual(['yaml-invalid:a/broken.yaml', 'too-large:b/kustomization.yaml', 'yaml-invalid:c/kustomization.yaml', 'kustomize-raw:-']);
    expect(seen[0]!.en).toMatch(/^not valid YAML at line 3: \S/);
    expect(seen[0]!.es).toMatch(/^YAML no válido en la línea 3: \S/);
    expect(seen[2]!.en).toMatch(/^not valid YAML at line 2: \S/);
    expect(seen[3]).toEqual(RAW_NOTE);
    expect(report.findings.filter((f) => f.detail === 'image-pinned').map((f) => `${f.file}:${f.line}`)).toEqual(['z/job.yaml:14']);
    expect(report.findings.filter((f) => f.rule === 'ingress-headers-missing').map((f) => `${f.file}:${f.line}`)).toEqual(['e/ingress.yaml:5']);
    expect([...new Set(report.findings.filter((f) => f.rule === 'k8s-container-resources').map((f) => f.file))]).toEqual(['d/sub/job.yaml', 'z/job.yaml']);
    expect(report.findings.filter((f) => f.file.startsWith('f/') || f.file.startsWith('a/') || f.file.startsWith('c/'))).toEqual([]);
  });
});

/** `kind/name` with recommended labels, a pod whose host variable says 30 and whose grace period is left unset. */
const labelled = (name: string, labels: Record<string, string>) =>
  cronJob(name, '', '30', Object.keys(labels).length === 0 ? '' : `  labels:\n${Object.entries(labels).map(([k, v]) => `    app.kubernetes.io/${k}: ${v}`).join('\n')}`);
const patch = (kind: string, name: string, ops: string[]) => `  - target: { kind: ${kind}, name: ${name} }\n    patch: |\n${ops.map((op) => `      ${op}`).join('\n')}\n`;
const rename = (to: string) => `- { op: replace, path: /metadata/name, value: ${to} }`;
const grace = (seconds: number) => `- { op: add, path: /spec/jobTemplate/spec/template/spec/terminationGracePeriodSeconds, value: ${seconds} }`;

describe.skipIf(!hasKubectl)('check: manifests rendered with kubectl kustomize', () => {
  const rendered = () =>
    repo({
      'base/kustomization.yaml': 'resources:\n  - report.yaml\n  - pair.yaml\n',
      'base/report.yaml': cronJob('report', '', '30'),
      // kubectl prints namespace `one` first: the rendered object must still find its own source by namespace.
      'base/pair.yaml': `${cronJob('pair', '', '30', '  namespace: two')}---\n${cronJob('pair', '60', '30', '  namespace: one')}`,
      // Two overlays render the same base: the first in path order wins.
      'overlays/a/kustomization.yaml': `resources:\n  - ../../base\nnamePrefix: a-\npatches:\n${patch('CronJob', 'report', [grace(300)])}`,
      'overlays/b/kustomization.yaml': `resources:\n  - ../../base\nnamePrefix: b-\npatches:\n${patch('CronJob', 'report', [grace(400)])}`,
      'broken/x.yaml': 'kind: ConfigMap\nmetadata: [\n',
      // Renamed objects are matched by kind and recommended labels, when exactly one source fits.
      'ren/kustomization.yaml': [
        'resources:\n  - cron.yaml\n  - cfg.yaml\n  - ingress.yaml\n  - empty.yaml\npatches:\n',
        patch('CronJob', 'first', [rename('first-v9'), grace(300)]),
        patch('CronJob', 'third', [rename('third-v9')]),
        patch('CronJob', 'nolabel', [rename('nolabel-v9'), grace(300)]),
        patch('CronJob', 'twin-a', [rename('twin-a-v9'), grace(300)]),
        patch('CronJob', 'twin-b', [rename('twin-b-v9'), grace(300)]),
        patch('ConfigMap', 'cfg', [rename('cfg-v9')]),
      ].join(''),
      'ren/cron.yaml': [
        labelled('first', { name: 'app', component: 'first' }),
        labelled('second', { name: 'app', component: 'second' }),
        labelled('third', { name: 'app', component: 'third' }),
        labelled('nolabel', {}),
        labelled('twin-a', { name: 'twins', component: 'x' }),
        labelled('twin-b', { name: 'twins', component: 'x' }),
      ].join('---\n'),
      // A resource with no object in it.
      'ren/empty.yaml': '# nothing here\n',
      'ren/cfg.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  labels:\n    app.kubernetes.io/name: app\n    app.kubernetes.io/component: first\ndata:\n${headersData}\n`,
      'ren/ingress.yaml': `${ingress('default/cfg-v9')}---\n${ingress('default/absent').replace('name: web', 'name: web2')}`,
    });

  it('each rendered object finds its source (name, namespace, path order, labels); Ingress and parse notes still apply', async () => {
    const report = await checkDirectory(rendered(), 'rendered', { kubectl: true });
    expect(notes(report).map((n) => `${n.kind}:${n.file ?? '-'}`)).toEqual(['yaml-invalid:broken/x.yaml']);
    expect(exact(report, 'k8s-grace-period-env')).toEqual([
      { file: 'base/pair.yaml', line: 38, ...graceMessage('CronJob/a-pair', '30', 60) },
      { file: 'base/report.yaml', line: 17, ...graceMessage('CronJob/a-report', '30', 300) },
      { file: 'ren/cron.yaml', line: 20, ...graceMessage('CronJob/first-v9', '30', 300) },
    ]);
    expect(report.findings.filter((f) => f.rule === 'ingress-headers-missing').map((f) => `${f.file}:${f.line}`)).toEqual(['ren/ingress.yaml:14']);
  });

  it('a kustomization kubectl cannot render is noted with the first line of its error, and read raw', async () => {
    const dir = repo({ 'k/kustomization.yaml': 'resources:\n  - missing.yaml\n', 'k/job.yaml': cronJob('raw', '60', '30') });
    const report = await checkDirectory(dir, 'failed', { kubectl: true });
    const [note, ...rest] = notes(report);
    expect(rest).toEqual([]);
    expect(note!.kind).toBe('kustomize-failed');
    expect(note!.file).toBe('k/kustomization.yaml');
    expect(note!.en).toMatch(/^kubectl kustomize failed; files read raw: \S.*missing\.yaml[^\n]*$/);
    expect(note!.es).toMatch(/^kubectl kustomize falló; archivos leídos sin renderizar: \S.*missing\.yaml[^\n]*$/);
    expect(exact(report, 'k8s-grace-period-env')).toEqual([{ file: 'k/job.yaml', line: 18, ...graceMessage('CronJob/raw', '30', 60) }]);
  });

  it('a kubectl that cannot be started is noted with the spawn error', async () => {
    const dir = repo({ 'k/kustomization.yaml': 'resources: []\n' });
    const { context } = createContext(walkRepository(dir), { kubectl: true, root: dir });
    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-bin');
    try {
      await checkKubernetes(context);
    } finally {
      process.env.PATH = path;
    }
    expect(notes(context.files)).toEqual([
      { kind: 'kustomize-failed', file: 'k/kustomization.yaml', en: 'kubectl kustomize failed; files read raw: Error: spawnSync kubectl ENOENT', es: 'kubectl kustomize falló; archivos leídos sin renderizar: Error: spawnSync kubectl ENOENT' },
    ]);
  });
});

describe('check: kubectl allowed but no folder on disk', () => {
  it('files in memory are read raw, with the raw note', async () => {
    const { context, findings } = createContext(memoryRepository(new Map([['k/kustomization.yaml', 'resources:\n  - job.yaml\n'], ['k/job.yaml', cronJob('mem', '60', '30')]])), { kubectl: true });
    await checkKubernetes(context);
    expect(notes(context.files)).toEqual([RAW_NOTE]);
    expect(findings.filter((f) => f.rule === 'k8s-grace-period-env').map((f) => ({ file: f.file, line: f.line, en: f.message, es: f.messageEs }))).toEqual([
      { file: 'k/job.yaml', line: 18, ...graceMessage('CronJob/mem', '30', 60) },
    ]);
  });
});

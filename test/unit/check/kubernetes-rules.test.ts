import { describe, expect, it } from 'vitest';
import { checkMemory } from '../../../src/check/run.js';
import { isManifestCandidate, mayHoldKustomization, mayHoldObjects, pinsAbove } from '../../../src/check/rules/kubernetes.js';
import { GRACE_PERIOD_ENV } from '../../../src/components/dotnet/templates.js';

type Report = Awaited<ReturnType<typeof checkMemory>>;
const exact = (report: Report, rule: string) =>
  report.findings.filter((f) => f.rule === rule).map((f) => ({ file: f.file, line: f.line, en: f.message, es: f.messageEs }));

const pod = (indent: string, grace: string, env: string) =>
  [`${indent}restartPolicy: Never`, ...(grace ? [`${indent}terminationGracePeriodSeconds: ${grace}`] : []), `${indent}containers:`, `${indent}  - name: app`, `${indent}    image: app:1.0`, `${indent}    env:`, `${indent}      - name: OTHER`, `${indent}        value: "1"`, `${indent}      - name: ${GRACE_PERIOD_ENV}`, `${indent}        value: "${env}"`].join('\n');
const cronJob = (apiVersion: string, grace: string, env: string) =>
  `apiVersion: ${apiVersion}\nkind: CronJob\nmetadata:\n  name: nightly\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${pod('          ', grace, env)}\n`;
const job = (grace: string, env: string) => `apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: once\nspec:\n  template:\n    spec:\n${pod('      ', grace, env)}\n`;

describe('check: k8s-deprecated-api and k8s-grace-period-env, exact', () => {
  it('a removed or deprecated apiVersion is named at its line in both languages; an empty kinds list means every kind', async () => {
    const report = await checkMemory(new Map([
      ['deploy/a.yaml', cronJob('batch/v1beta1', '30', '30')],
      ['deploy/b.yaml', 'apiVersion: gateway.networking.k8s.io/v1beta1\nkind: HTTPRoute\nmetadata:\n  name: r\nspec: {}\n'],
      ['deploy/c.yaml', 'metadata:\n  name: any\napiVersion: rbac.authorization.k8s.io/v1beta1\nkind: AnythingAtAll\n'],
      ['deploy/d.yaml', 'apiVersion: batch/v1beta1\nkind: Job\nmetadata:\n  name: not-listed\n'],
    ]));
    expect(exact(report, 'k8s-deprecated-api')).toEqual([
      { file: 'deploy/a.yaml', line: 1, en: 'CronJob batch/v1beta1 was removed in Kubernetes 1.25: use batch/v1', es: 'CronJob batch/v1beta1 se eliminó en Kubernetes 1.25: usa batch/v1' },
      { file: 'deploy/b.yaml', line: 1, en: 'HTTPRoute gateway.networking.k8s.io/v1beta1 is deprecated: use gateway.networking.k8s.io/v1', es: 'HTTPRoute gateway.networking.k8s.io/v1beta1 está obsoleto: usa gateway.networking.k8s.io/v1' },
      { file: 'deploy/c.yaml', line: 3, en: 'AnythingAtAll rbac.authorization.k8s.io/v1beta1 was removed in Kubernetes 1.22: use rbac.authorization.k8s.io/v1', es: 'AnythingAtAll rbac.authorization.k8s.io/v1beta1 se eliminó en Kubernetes 1.22: usa rbac.authorization.k8s.io/v1' },
    ]);
  });

  it('the host\'s grace period must equal the pod\'s (30 when unset) in CronJobs, Jobs and a removed batch API validated as batch/v1', async () => {
    const report = await checkMemory(new Map([
      ['deploy/a.yaml', cronJob('batch/v1', '120', '30')],
      ['deploy/b.yaml', cronJob('batch/v1', '', '29')],
      ['deploy/c.yaml', cronJob('batch/v1', '', '30')],
      ['deploy/d.yaml', job('45', '45')],
      ['deploy/e.yaml', job('45', '44')],
      ['deploy/f.yaml', cronJob('batch/v1beta1', '60', '30')],
      ['deploy/g.yaml', cronJob('apps/v1', '60', '30')],
    ]));
    const msg = (object: string, value: string, grace: number) => ({
      en: `${object} ${GRACE_PERIOD_ENV} is "${value}" but the pod's terminationGracePeriodSeconds is ${grace}`,
      es: `${object}: ${GRACE_PERIOD_ENV} vale "${value}" pero terminationGracePeriodSeconds del pod es ${grace}`,
    });
    expect(exact(report, 'k8s-grace-period-env')).toEqual([
      { file: 'deploy/a.yaml', line: 20, ...msg('CronJob/nightly', '30', 120) },
      { file: 'deploy/b.yaml', line: 19, ...msg('CronJob/nightly', '29', 30) },
      { file: 'deploy/e.yaml', line: 17, ...msg('Job/once', '44', 45) },
      { file: 'deploy/f.yaml', line: 20, ...msg('CronJob/nightly', '30', 60) },
    ]);
  });
});

describe('check: which YAML files are manifests', () => {
  it('YAML outside CI, exemptions and Helm templates; a kind line or a kustomization name makes a file worth reading', () => {
    expect(isManifestCandidate('deploy/a.YML', [])).toBe(true);
    expect(isManifestCandidate('deploy/a.json', [])).toBe(false);
    expect(isManifestCandidate('.github/workflows/ci.yaml', [])).toBe(false);
    expect(isManifestCandidate('deploy/batch-job.exemptions.yml', [])).toBe(false);
    expect(isManifestCandidate('deploy/my-batch-job.exemptions.yaml', [])).toBe(true);
    expect(isManifestCandidate('chart/templates/job.yaml', ['chart/templates/'])).toBe(false);
    expect(mayHoldObjects('a.yaml', 'metadata:\n  kind: x\n')).toBe(true);
    expect(mayHoldObjects('a.yaml', 'apiVersion: v1\nkinds: []\n')).toBe(false);
    expect(mayHoldObjects('k/kustomization.yml', 'resources: []\n')).toBe(true);
    expect(mayHoldObjects('k/mykustomization.yaml', 'resources: []\n')).toBe(false);
    expect(mayHoldKustomization('a.yaml', 'kind: Kustomization\n')).toBe(true);
    expect(mayHoldKustomization('a.yaml', 'kind: Job\n')).toBe(false);
    expect(mayHoldKustomization('kustomization.yaml', '')).toBe(true);
  });

  it('the nearest pinning folder at or above a file applies; none is an empty list', () => {
    const pins = new Map([['', ['root']], ['a/', ['a']], ['a/b/c/', ['c']]]);
    expect(pinsAbove(pins, 'a/b/c/d/job.yaml')).toEqual(['c']);
    expect(pinsAbove(pins, 'a/b/job.yaml')).toEqual(['a']);
    expect(pinsAbove(pins, 'job.yaml')).toEqual(['root']);
    expect(pinsAbove(new Map([['x/', ['x']]]), 'a/b/job.yaml')).toEqual([]);
  });
});

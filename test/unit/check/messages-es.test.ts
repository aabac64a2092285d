import { describe, expect, it } from 'vitest';
import { toJson, toSarif } from '../../../src/check/format/report.js';
import { toText } from '../../../src/check/format/text.js';
import { checkMessages, type CheckMessages } from '../../../src/check/messages.js';
import { checkMemory } from '../../../src/check/run.js';
import { policy } from '../../../src/policy/index.js';
import { fakeToken as fake } from '../../support/fake-key.js';

/** Sample arguments by position: every message takes strings, numbers or string lists. */
function render(messages: CheckMessages, key: keyof CheckMessages): string {
  const entry = messages[key];
  if (typeof entry === 'string') return entry;
  if (typeof entry !== 'function') return JSON.stringify(entry);
  if (key === 'validator') return messages.validator({ object: 'Job/x', path: 'spec', message: 'must be set', messageEs: 'debe establecerse' });
  const args = Array.from({ length: entry.length }, (_, i) => (i === 0 ? 'Alpha' : i === 1 ? ['Beta', 'Gamma'] : 3));
  // Each message declares its own parameter types; the samples are shaped to fit any of them as text.
  return String((entry as (...a: unknown[]) => string)(...args.map((a, i) => (key.startsWith('banned') && i === 3 ? policy.bannedPackages[0]!.reason : a))));
}

describe('check messages: English and Spanish', () => {
  it('both catalogues have the same keys, and every Spanish text differs from the English one', () => {
    const en = checkMessages.en;
    const es = checkMessages.es;
    expect(Object.keys(es).sort()).toEqual(Object.keys(en).sort());
    // `bannedReasons` is a table (checked below).
    const same = (Object.keys(en) as (keyof CheckMessages)[]).filter((k) => k !== 'bannedReasons' && render(en, k) === render(es, k));
    expect(same).toEqual([]);
  });

  it('every reason the policy gives for a banned package has a Spanish text', () => {
    const missing = policy.bannedPackages.map((b) => b.reason).filter((r) => checkMessages.es.bannedReasons[r] === undefined);
    expect(missing).toEqual([]);
  });
});

/** One fixture per rule family, each with a finding or note whose detail is built at run time. */
const families = new Map<string, string>([
  ['src/App/App.csproj', '<Project Sdk="Microsoft.NET.Sdk.Worker">\n  <ItemGroup>\n    <PackageReference Include="Hangfire.Core" Version="1.8.0" />\n  </ItemGroup>\n</Project>\n'],
  ['src/App/packages.lock.json', JSON.stringify({ version: 1, dependencies: { 'net8.0': { 'Acme.Jobs': { type: 'Direct', resolved: '1.0.0', dependencies: { Quartz: '3.13.0' } }, Quartz: { type: 'Transitive', resolved: '3.13.0' } } } }, null, 2)],
  ['src/App/Worker.cs', 'using Q = Quartz;\nusing Microsoft.Extensions.Hosting;\n\nnamespace App;\n\npublic sealed class Poller : BackgroundService\n{\n    private readonly System.Threading.Timer _t = null!;\n    protected override async Task ExecuteAsync(CancellationToken ct)\n    {\n        while (!ct.IsCancellationRequested) await Task.Delay(1000, ct);\n    }\n    void M() => Q.JobBuilder.Create();\n}\n'],
  ['deploy/old.yaml', 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata:\n  name: old\nspec:\n  schedule: "0 0 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: c\n              image: c:1.0\n'],
  ['deploy/ingress.yaml', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  annotations:\n    nginx.ingress.kubernetes.io/add-headers: |\n      X-XSS-Protection: "1; mode=block"\n      Feature-Policy: "camera \'none\'"\nspec:\n  rules: []\n'],
  ['deploy/kustomization.yaml', 'resources: [old.yaml]\n'],
  ['deploy/typo.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: typo\ndatta:\n  a: b\n'],
  ['Dockerfile', 'FROM mcr.microsoft.com/dotnet/sdk:8.0\nUSER app\n'],
  ['deploy/values.yaml', `agent:\n  key: ${fake(30)}\n`],
  ['batch-job.exemptions.yaml', 'exemptions:\n  - rule: secret-literal\n    path: "x/**"\n    justification: old\n    expires: 2020-01-01\n'],
]);

describe('check --lang es: the details a reader sees are Spanish in every format', () => {
  it('text, JSON and SARIF carry the Spanish detail of each rule family and note; ids stay as they are', async () => {
    const report = await checkMemory(families, { today: new Date('2026-06-01T12:00:00Z') });
    const rulesFound = new Set(report.findings.map((f) => f.rule));
    for (const rule of ['dotnet-banned-package', 'dotnet-banned-package-transitive', 'csharp-scheduler-api', 'csharp-timer', 'csharp-background-loop', 'k8s-deprecated-api', 'ingress-header-deprecated', 'ingress-headers-missing', 'dockerfile-non-root-user', 'dockerfile-runtime-image', 'dockerfile-dockerignore', 'secret-literal', 'exemption-expired']) {
      expect(rulesFound, rule).toContain(rule);
    }
    const spanish = [
      '(Hangfire*: planificador de jobs en proceso)',
      'Quartz llega a través de Acme.Jobs',
      'directiva using Q = Quartz',
      'Q.JobBuilder.Create se resuelve como Quartz.JobBuilder.Create',
      'campo, variable o construcción de System.Threading.Timer',
      'Poller espera con Task.Delay/PeriodicTimer dentro de un bucle',
      'CronJob batch/v1beta1 se eliminó en Kubernetes 1.25: usa batch/v1',
      'X-XSS-Protection "1; mode=block" está obsoleta',
      'Feature-Policy ha sido sustituida por Permissions-Policy',
      'Ingress/web no envía',
      'USER app no es numérico',
      'una imagen de compilación',
      'no hay .dockerignore',
      'caracteres, no se muestran',
      'la exención de secret-literal en x/** caducó el 2020-01-01',
      'no se encontró kubectl',
      // Validator layers wrapped by the Kubernetes rules: schema, Pod Security, practices.
      'ConfigMap/typo datta: campo desconocido "datta"',
      'el contenedor "c" debe establecer securityContext.allowPrivilegeEscalation=false',
      'el contenedor "c" debería establecer resources.requests.cpu',
      'establece backoffLimit de forma explícita',
    ];
    const english = ['unknown field', 'must set', 'should set', 'set backoffLimit explicitly', 'arrives through', 'resolves to', 'field, variable or construction', 'waits on', 'was removed in', 'is deprecated', 'does not send', 'is not numeric', 'not shown', 'expired on', 'kubectl not found', 'in-process job scheduler'];
    const text = toText([report], 'es', false);
    const json = toJson([report], 'es');
    const sarif = toSarif([report], 'es');
    for (const out of [text, json, sarif]) {
      for (const s of spanish) expect(out, s).toContain(s.replace(/"/g, out === text ? '"' : '\\"'));
      for (const s of english) expect(out, s).not.toContain(s);
    }
    // Stable ids: rule ids, validator rule ids and note kinds are the same in both languages.
    const ids = (out: string) => JSON.parse(out).repositories[0].findings.map((f: { rule: string; detail?: string }) => `${f.rule}/${f.detail ?? ''}`);
    expect(ids(json)).toEqual(ids(toJson([report], 'en')));
    expect(JSON.parse(sarif).runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual(report.findings.map((f) => f.rule));
    // English stays English.
    const en = toText([report], 'en', false);
    expect(en).toContain('Quartz arrives through Acme.Jobs');
    expect(en).not.toContain('llega a través de');
  });
});

/**
 * The exact findings (English and Spanish text, path, severity) of the good-practice rules, for objects that break
 * many rules at once, and the boundaries of each condition. The snapshots were reviewed rule by rule against
 * design §4/§5: a changed word in a message shows here.
 */
import { describe, expect, it } from 'vitest';
import { isPinned, kustomizePinnedImages, validatePractices } from '../../../src/validation/practice/index.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { C0, POD, goodCronJob, goodIngress, goodJob, mutate } from './fixtures.js';

const JS = 'spec.jobTemplate.spec';
const brief = (obj: KubeObject) => validatePractices(obj).map((f) => `${f.severity} ${f.rule} @ ${f.path}\n  en: ${f.message}\n  es: ${f.messageEs}`);

describe('practice findings, in full', () => {
  it('a bare CronJob', () => {
    const obj: KubeObject = {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'bare' },
      spec: {
        schedule: '* * * * *',
        jobTemplate: {
          spec: {
            ttlSecondsAfterFinished: 60,
            template: {
              spec: {
                restartPolicy: 'Never',
                automountServiceAccountToken: true,
                initContainers: [{ name: 'init', image: 'busybox', resources: { requests: { cpu: '1' } } }],
                containers: [{ name: 'job', image: 'registry:5000/app', env: [{ name: 'DB_PASSWORD', value: 'x' }, { name: 'API_KEY', value: '' }, { name: 'TOKEN' }] }],
              },
            },
          },
        },
      },
    };
    const findings = validatePractices(obj);
    expect(new Set(findings.map((f) => f.object))).toEqual(new Set(['CronJob/bare']));
    expect(new Set(findings.map((f) => f.source))).toEqual(new Set(['practice']));
    expect(brief(obj)).toMatchInlineSnapshot(`
      [
        "warning job-backoff-limit @ spec.jobTemplate.spec.backoffLimit
        en: set backoffLimit explicitly (the default of 6 retries is rarely what a batch job wants)
        es: establece backoffLimit de forma explícita (los 6 reintentos por defecto rara vez son lo que quiere un job batch)",
        "warning job-active-deadline @ spec.jobTemplate.spec.activeDeadlineSeconds
        en: set activeDeadlineSeconds so a hung run is stopped
        es: establece activeDeadlineSeconds para que se detenga una ejecución colgada",
        "warning cronjob-job-ttl @ spec.jobTemplate.spec.ttlSecondsAfterFinished
        en: a CronJob's jobTemplate should not set ttlSecondsAfterFinished: the history limits clean up its Jobs (and a TTL hides failed runs)
        es: el jobTemplate de un CronJob no debería establecer ttlSecondsAfterFinished: los límites de historial limpian sus Jobs (y un TTL oculta las ejecuciones fallidas)",
        "warning cronjob-starting-deadline @ spec.startingDeadlineSeconds
        en: set startingDeadlineSeconds (at least 10) so missed runs are bounded
        es: establece startingDeadlineSeconds (al menos 10) para acotar las ejecuciones perdidas",
        "warning cronjob-history-limits @ spec.successfulJobsHistoryLimit
        en: set successfulJobsHistoryLimit explicitly
        es: establece successfulJobsHistoryLimit de forma explícita",
        "warning cronjob-history-limits @ spec.failedJobsHistoryLimit
        en: set failedJobsHistoryLimit explicitly
        es: establece failedJobsHistoryLimit de forma explícita",
        "warning cronjob-concurrency-policy @ spec.concurrencyPolicy
        en: choose concurrencyPolicy on purpose (Forbid for jobs that must not overlap; the default is Allow)
        es: elige concurrencyPolicy a propósito (Forbid para jobs que no deben solaparse; el valor por defecto es Allow)",
        "warning container-resources @ spec.jobTemplate.spec.template.spec.initContainers[0].resources.requests[memory]
        en: container "init" should set resources.requests.memory
        es: el contenedor "init" debería establecer resources.requests.memory",
        "warning container-ephemeral-storage @ spec.jobTemplate.spec.template.spec.initContainers[0].resources.requests[ephemeral-storage]
        en: container "init" should set resources.requests.ephemeral-storage
        es: el contenedor "init" debería establecer resources.requests.ephemeral-storage",
        "warning container-resources @ spec.jobTemplate.spec.template.spec.initContainers[0].resources.limits[cpu]
        en: container "init" should set resources.limits.cpu
        es: el contenedor "init" debería establecer resources.limits.cpu",
        "warning container-resources @ spec.jobTemplate.spec.template.spec.initContainers[0].resources.limits[memory]
        en: container "init" should set resources.limits.memory
        es: el contenedor "init" debería establecer resources.limits.memory",
        "warning container-ephemeral-storage @ spec.jobTemplate.spec.template.spec.initContainers[0].resources.limits[ephemeral-storage]
        en: container "init" should set resources.limits.ephemeral-storage
        es: el contenedor "init" debería establecer resources.limits.ephemeral-storage",
        "warning container-resources @ spec.jobTemplate.spec.template.spec.containers[0].resources.requests[cpu]
        en: container "job" should set resources.requests.cpu
        es: el contenedor "job" debería establecer resources.requests.cpu",
        "warning container-resources @ spec.jobTemplate.spec.template.spec.containers[0].resources.requests[memory]
        en: container "job" should set resources.requests.memory
        es: el contenedor "job" debería establecer resources.requests.memory",
        "warning container-ephemeral-storage @ spec.jobTemplate.spec.template.spec.containers[0].resources.requests[ephemeral-storage]
        en: container "job" should set resources.requests.ephemeral-storage
        es: el contenedor "job" debería establecer resources.requests.ephemeral-storage",
        "warning container-resources @ spec.jobTemplate.spec.template.spec.containers[0].resources.limits[cpu]
        en: container "job" should set resources.limits.cpu
        es: el contenedor "job" debería establecer resources.limits.cpu",
        "warning container-resources @ spec.jobTemplate.spec.template.spec.containers[0].resources.limits[memory]
        en: container "job" should set resources.limits.memory
        es: el contenedor "job" debería establecer resources.limits.memory",
        "warning container-ephemeral-storage @ spec.jobTemplate.spec.template.spec.containers[0].resources.limits[ephemeral-storage]
        en: container "job" should set resources.limits.ephemeral-storage
        es: el contenedor "job" debería establecer resources.limits.ephemeral-storage",
        "warning image-pinned @ spec.jobTemplate.spec.template.spec.initContainers[0].image
        en: container "init" image "busybox" is not pinned: use a version tag (not latest) or a digest
        es: la imagen "busybox" del contenedor "init" no está fijada: usa una etiqueta de versión (no latest) o un digest",
        "warning read-only-root-filesystem @ spec.jobTemplate.spec.template.spec.initContainers[0].securityContext.readOnlyRootFilesystem
        en: container "init" should set securityContext.readOnlyRootFilesystem=true (mount an emptyDir at /tmp for .NET)
        es: el contenedor "init" debería establecer securityContext.readOnlyRootFilesystem=true (monta un emptyDir en /tmp para .NET)",
        "warning image-pinned @ spec.jobTemplate.spec.template.spec.containers[0].image
        en: container "job" image "registry:5000/app" is not pinned: use a version tag (not latest) or a digest
        es: la imagen "registry:5000/app" del contenedor "job" no está fijada: usa una etiqueta de versión (no latest) o un digest",
        "warning read-only-root-filesystem @ spec.jobTemplate.spec.template.spec.containers[0].securityContext.readOnlyRootFilesystem
        en: container "job" should set securityContext.readOnlyRootFilesystem=true (mount an emptyDir at /tmp for .NET)
        es: el contenedor "job" debería establecer securityContext.readOnlyRootFilesystem=true (monta un emptyDir en /tmp para .NET)",
        "warning env-secret-literal @ spec.jobTemplate.spec.template.spec.containers[0].env[0].value
        en: env DB_PASSWORD looks like a secret: take it from valueFrom.secretKeyRef or envFrom.secretRef, not a literal value
        es: la variable DB_PASSWORD parece un secreto: tómala de valueFrom.secretKeyRef o envFrom.secretRef, no de un valor literal",
        "warning automount-service-account-token @ spec.jobTemplate.spec.template.spec.automountServiceAccountToken
        en: the default ServiceAccount should not get a token: set automountServiceAccountToken=false, or use a dedicated ServiceAccount with a least-privilege Role
        es: la ServiceAccount por defecto no debería recibir un token: establece automountServiceAccountToken=false, o usa una ServiceAccount propia con un Role de mínimo privilegio",
      ]
    `);
  });

  it('a Job without limits or TTL', () => {
    const obj = mutate(mutate(mutate(goodJob(), 'spec.ttlSecondsAfterFinished', undefined), 'spec.backoffLimit', null), 'spec.activeDeadlineSeconds', undefined);
    expect(brief(obj)).toMatchInlineSnapshot(`
      [
        "warning job-backoff-limit @ spec.backoffLimit
        en: set backoffLimit explicitly (the default of 6 retries is rarely what a batch job wants)
        es: establece backoffLimit de forma explícita (los 6 reintentos por defecto rara vez son lo que quiere un job batch)",
        "warning job-active-deadline @ spec.activeDeadlineSeconds
        en: set activeDeadlineSeconds so a hung run is stopped
        es: establece activeDeadlineSeconds para que se detenga una ejecución colgada",
        "warning job-ttl-after-finished @ spec.ttlSecondsAfterFinished
        en: a standalone Job should set ttlSecondsAfterFinished so finished Jobs and their pods are cleaned up
        es: un Job independiente debería establecer ttlSecondsAfterFinished para que se limpien los Jobs terminados y sus pods",
      ]
    `);
  });

  it('an Ingress with every nginx annotation the rules know', () => {
    const obj = mutate(goodIngress(), 'metadata.annotations', {
      'nginx.ingress.kubernetes.io/configuration-snippet': 'more_set_headers "X-XSS-Protection: 1; mode=block";\nadd_header Feature-Policy "camera none";',
      'nginx.ingress.kubernetes.io/server-snippet': "add_header Set-Cookie 'a=b';",
      'nginx.ingress.kubernetes.io/stream-snippet': 'more_set_headers "X-Xss-Protection:0";',
      'nginx.ingress.kubernetes.io/secure-backends': 'true',
      'nginx.ingress.kubernetes.io/add-headers': 'ns/cm',
      'example.com/configuration-snippet': 'more_set_headers "Set-Cookie: a=b";',
      'nginx.ingress.kubernetes.io/rewrite-target': '/',
    });
    expect(brief(obj)).toMatchInlineSnapshot(`
      [
        "error ingress-configuration-snippet @ metadata.annotations[nginx.ingress.kubernetes.io/configuration-snippet]
        en: configuration-snippet is disabled by default since ingress-nginx 1.9 and rated Critical risk (CVE-2021-25742, IngressNightmare): use custom-headers with a ConfigMap, or an HTTPRoute ResponseHeaderModifier
        es: configuration-snippet está desactivada por defecto desde ingress-nginx 1.9 y se considera de riesgo crítico (CVE-2021-25742, IngressNightmare): usa custom-headers con un ConfigMap, o un ResponseHeaderModifier de HTTPRoute",
        "warning header-x-xss-protection @ metadata.annotations[nginx.ingress.kubernetes.io/configuration-snippet]
        en: X-XSS-Protection should be omitted or "0" (got "1; mode=block"; "1; mode=block" is deprecated and can introduce XSS); rely on Content-Security-Policy
        es: X-XSS-Protection debería omitirse o valer "0" (vale "1; mode=block"; "1; mode=block" está obsoleto y puede introducir XSS); confía en Content-Security-Policy",
        "warning header-feature-policy @ metadata.annotations[nginx.ingress.kubernetes.io/configuration-snippet]
        en: Feature-Policy is superseded by Permissions-Policy
        es: Feature-Policy ha sido sustituida por Permissions-Policy",
        "error ingress-server-snippet @ metadata.annotations[nginx.ingress.kubernetes.io/server-snippet]
        en: server-snippet injects raw nginx configuration (Critical risk): remove it
        es: server-snippet inyecta configuración de nginx en bruto (riesgo crítico): quítala",
        "warning header-set-cookie @ metadata.annotations[nginx.ingress.kubernetes.io/server-snippet]
        en: do not set cookies ingress-wide: cookie attributes (Secure, HttpOnly, SameSite) belong to the application
        es: no establezcas cookies en todo el ingress: los atributos de las cookies (Secure, HttpOnly, SameSite) son cosa de la aplicación",
        "error ingress-snippet @ metadata.annotations[nginx.ingress.kubernetes.io/stream-snippet]
        en: stream-snippet injects raw nginx configuration (Critical risk): remove it
        es: stream-snippet inyecta configuración de nginx en bruto (riesgo crítico): quítala",
        "warning ingress-secure-backends @ metadata.annotations[nginx.ingress.kubernetes.io/secure-backends]
        en: secure-backends was removed from ingress-nginx: use nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"
        es: secure-backends se eliminó de ingress-nginx: usa nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"",
        "warning ingress-add-headers-annotation @ metadata.annotations[nginx.ingress.kubernetes.io/add-headers]
        en: add-headers is a controller ConfigMap key, not an Ingress annotation: use nginx.ingress.kubernetes.io/custom-headers: <namespace>/<configmap>
        es: add-headers es una clave del ConfigMap del controlador, no una anotación de Ingress: usa nginx.ingress.kubernetes.io/custom-headers: <namespace>/<configmap>",
      ]
    `);
  });

  it('headers in a ConfigMap and an HTTPRoute', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'headers' }, data: { 'X-XSS-Protection': '1', 'x-xss-protection': ' 0 ', 'Feature-Policy': 'x', 'Set-Cookie': 'a=b', 'X-Frame-Options': 'DENY' } };
    expect(brief(cm)).toMatchInlineSnapshot(`
      [
        "warning header-x-xss-protection @ data[X-XSS-Protection]
        en: X-XSS-Protection should be omitted or "0" (got "1"; "1; mode=block" is deprecated and can introduce XSS); rely on Content-Security-Policy
        es: X-XSS-Protection debería omitirse o valer "0" (vale "1"; "1; mode=block" está obsoleto y puede introducir XSS); confía en Content-Security-Policy",
        "warning header-feature-policy @ data[Feature-Policy]
        en: Feature-Policy is superseded by Permissions-Policy
        es: Feature-Policy ha sido sustituida por Permissions-Policy",
        "warning header-set-cookie @ data[Set-Cookie]
        en: do not set cookies ingress-wide: cookie attributes (Secure, HttpOnly, SameSite) belong to the application
        es: no establezcas cookies en todo el ingress: los atributos de las cookies (Secure, HttpOnly, SameSite) son cosa de la aplicación",
      ]
    `);
    const route: KubeObject = {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'r' },
      spec: {
        rules: [
          {
            filters: [{ type: 'URLRewrite' }, { type: 'ResponseHeaderModifier', responseHeaderModifier: { set: [{ name: 'X-XSS-Protection', value: 1 }], add: [{ name: 'Set-Cookie', value: 'a' }, { value: 'nameless' }] } }],
            backendRefs: [{ name: 'svc', filters: [{ type: 'ResponseHeaderModifier', responseHeaderModifier: { add: [{ name: 'Feature-Policy', value: 'x' }] } }] }, 'odd'],
          },
          'odd',
        ],
      },
    };
    expect(brief(route)).toMatchInlineSnapshot(`
      [
        "warning header-x-xss-protection @ spec.rules[0].filters[1].responseHeaderModifier.set[0].value
        en: X-XSS-Protection should be omitted or "0" (got 1; "1; mode=block" is deprecated and can introduce XSS); rely on Content-Security-Policy
        es: X-XSS-Protection debería omitirse o valer "0" (vale 1; "1; mode=block" está obsoleto y puede introducir XSS); confía en Content-Security-Policy",
        "warning header-set-cookie @ spec.rules[0].filters[1].responseHeaderModifier.add[0].value
        en: do not set cookies ingress-wide: cookie attributes (Secure, HttpOnly, SameSite) belong to the application
        es: no establezcas cookies en todo el ingress: los atributos de las cookies (Secure, HttpOnly, SameSite) son cosa de la aplicación",
        "warning header-feature-policy @ spec.rules[0].backendRefs[0].filters[0].responseHeaderModifier.add[0].value
        en: Feature-Policy is superseded by Permissions-Policy
        es: Feature-Policy ha sido sustituida por Permissions-Policy",
      ]
    `);
  });
});

describe('practice boundaries', () => {
  const rulesOf = (obj: KubeObject) => validatePractices(obj).map((f) => f.rule);

  it.each([
    [9, ['cronjob-starting-deadline']],
    [10, []],
    ['5', []],
    [null, ['cronjob-starting-deadline']],
  ] as const)('startingDeadlineSeconds %j', (value, rules) => {
    expect(rulesOf(mutate(goodCronJob(), 'spec.startingDeadlineSeconds', value))).toEqual(rules);
  });

  it('startingDeadlineSeconds below 10 names the value', () => {
    const [f] = validatePractices(mutate(goodCronJob(), 'spec.startingDeadlineSeconds', 9));
    expect(f!.message).toBe('startingDeadlineSeconds 9 is below 10: the controller checks every 10 s and may never start the job');
    expect(f!.messageEs).toBe('startingDeadlineSeconds 9 es menor que 10: el controlador revisa cada 10 s y puede no arrancar nunca el job');
  });

  it('backoffLimitPerIndex stands in for backoffLimit', () => {
    expect(rulesOf(mutate(mutate(goodCronJob(), `${JS}.backoffLimit`, undefined), `${JS}.backoffLimitPerIndex`, 1))).toEqual([]);
    expect(rulesOf(mutate(mutate(goodCronJob(), `${JS}.backoffLimit`, undefined), `${JS}.backoffLimitPerIndex`, null))).toEqual(['job-backoff-limit']);
  });

  it('a CronJob without spec or jobTemplate reports every CronJob rule once', () => {
    expect(rulesOf({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'x' } })).toEqual([
      'job-backoff-limit',
      'job-active-deadline',
      'cronjob-starting-deadline',
      'cronjob-history-limits',
      'cronjob-history-limits',
      'cronjob-concurrency-policy',
    ]);
    expect(rulesOf({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x' } })).toEqual(['job-backoff-limit', 'job-active-deadline', 'job-ttl-after-finished']);
  });

  it('only a missing Job TTL is reported (an explicit null is left to the schema)', () => {
    expect(rulesOf(mutate(goodJob(), 'spec.ttlSecondsAfterFinished', undefined))).toEqual(['job-ttl-after-finished']);
    expect(rulesOf(mutate(goodJob(), 'spec.ttlSecondsAfterFinished', null))).toEqual([]);
    expect(rulesOf({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x' }, spec: 'odd' }).at(-1)).toBe('job-ttl-after-finished');
  });

  it('other kinds have no kind rules', () => {
    expect(validatePractices({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: {} })).toEqual([]);
  });

  it.each([
    ['default', true, ['automount-service-account-token']],
    ['', true, ['automount-service-account-token']],
    ['reports', true, []],
    ['reports', false, []],
    ['default', false, []],
    ['reports', 'false', ['automount-service-account-token']],
    ['reports', undefined, ['automount-service-account-token']],
  ] as const)('serviceAccountName %j, automount %j', (account, automount, rules) => {
    let obj = mutate(goodCronJob(), `${POD}.serviceAccountName`, account);
    obj = mutate(obj, `${POD}.automountServiceAccountToken`, automount);
    expect(rulesOf(obj)).toEqual(rules);
  });

  it('the deprecated serviceAccount field names the account too', () => {
    let obj = mutate(goodCronJob(), `${POD}.serviceAccountName`, undefined);
    obj = mutate(obj, `${POD}.serviceAccount`, 'reports');
    obj = mutate(obj, `${POD}.automountServiceAccountToken`, true);
    expect(rulesOf(obj)).toEqual([]);
    expect(rulesOf(mutate(obj, `${POD}.serviceAccount`, undefined))).toEqual(['automount-service-account-token']);
  });

  it.each([
    ['DB_PASSWORD', 'p', true],
    ['client_secret', 'p', true],
    ['GITHUB_TOKEN', 'p', true],
    ['API_KEY', 'p', true],
    ['apikey', 'p', true],
    ['Api-Key', 'p', true],
    ['SIGNING_KEY', 'p', true],
    ['KEYCLOAK_URL', 'p', false],
    ['PASSWORD_FILE', 'p', false],
    ['DB_PASSWORD', '', false],
    ['DB_PASSWORD', null, false],
    ['DB_PASSWORD', 0, true],
  ] as const)('env %s=%j is a literal secret: %s', (name, value, secret) => {
    const obj = mutate(goodCronJob(), `${C0}.env`, [{ name: 'OTHER', value: 'x' }, { name, value }]);
    const found = validatePractices(obj).filter((f) => f.rule === 'env-secret-literal');
    expect(found.map((f) => f.path)).toEqual(secret ? [`${C0}.env[1].value`] : []);
  });

  it.each([
    ['app:1.2', true],
    ['app:latest', false],
    ['app:LATEST', false],
    ['app', false],
    ['app:', false],
    ['registry:5000/app', false],
    ['registry:5000/app:1', true],
    ['registry/ns/app:v2', true],
    [`app@sha256:${'a'.repeat(64)}`, true],
    [`app@sha256:${'A'.repeat(32)}`, true],
    [`app@sha256:${'a'.repeat(31)}`, false],
    [`app@sha256:${'a'.repeat(64)}x`, false],
    [`app:1@sha256:${'g'.repeat(64)}`, false],
    [`x app@sha256:${'a'.repeat(64)}`, true],
    ['app@', false],
  ])('isPinned(%j) is %s', (image, pinned) => {
    expect(isPinned(image)).toBe(pinned);
  });

  it('kustomizePinnedImages: a non-latest newTag or a digest pins', () => {
    expect(
      kustomizePinnedImages({
        apiVersion: 'kustomize.config.k8s.io/v1beta1',
        kind: 'Kustomization',
        images: [
          { name: 'a', newTag: '1.0' },
          { name: 'b', newTag: 'Latest' },
          { name: 'c', newTag: '' },
          { name: 'd', digest: 'sha256:00' },
          { name: 'e', digest: '' },
          { name: 'f' },
          { newTag: '1.0' },
          { name: 7, newTag: '1.0' },
          'g',
          null,
          { name: 'h', newTag: 2 },
          { name: 'i', digest: '', newTag: '3' },
        ],
      }),
    ).toEqual(['a', 'd', 'i']);
    expect(kustomizePinnedImages({ kind: 'Kustomization' })).toEqual([]);
  });

  it.each([
    ['reports', 'reports', true],
    ['reports:latest', 'reports', true],
    ['registry:5000/reports', 'registry:5000/reports', true],
    ['registry:5000/reports', 'reports', false],
    [`reports@sha256:${'z'.repeat(10)}`, 'reports', true],
    ['reports:latest', 'reports:latest', false],
  ])('image %j is pinned by a kustomization naming %j: %s', (image, name, pinned) => {
    const obj = mutate(goodCronJob(), `${C0}.image`, image);
    const rules = validatePractices(obj, { kustomizePinnedImages: [name] }).map((f) => f.rule);
    expect(rules.includes('image-pinned')).toBe(!pinned);
  });

  it('an empty or non-string image is not judged', () => {
    expect(rulesOf(mutate(goodCronJob(), `${C0}.image`, ''))).toEqual([]);
    expect(rulesOf(mutate(goodCronJob(), `${C0}.image`, 3))).toEqual([]);
  });

  it('readOnlyRootFilesystem must be exactly true', () => {
    expect(rulesOf(mutate(goodCronJob(), `${C0}.securityContext.readOnlyRootFilesystem`, 'true'))).toEqual(['read-only-root-filesystem']);
  });

  it('automountServiceAccountToken left unset: the full message', () => {
    const [f] = validatePractices(mutate(goodCronJob(), `${POD}.automountServiceAccountToken`, undefined));
    expect([f!.path, f!.message, f!.messageEs]).toEqual([
      `${POD}.automountServiceAccountToken`,
      'set automountServiceAccountToken=false unless the job calls the Kubernetes API (then true, with a dedicated ServiceAccount and a least-privilege Role)',
      'establece automountServiceAccountToken=false salvo que el job llame a la API de Kubernetes (entonces true, con una ServiceAccount propia y un Role de mínimo privilegio)',
    ]);
  });

  it('ephemeral containers: image pinning applies, readOnlyRootFilesystem and resources do not', () => {
    const obj = mutate(goodCronJob(), `${POD}.ephemeralContainers`, [{ name: 'dbg', image: 'busybox' }]);
    expect(validatePractices(obj).map((f) => `${f.rule} @ ${f.path}`)).toEqual([`image-pinned @ ${POD}.ephemeralContainers[0].image`]);
  });

  it('env entries that are not mappings or have no name are skipped', () => {
    expect(rulesOf(mutate(goodCronJob(), `${C0}.env`, ['TOKEN=x', { value: 'x' }, null]))).toEqual([]);
  });

  it('a tag right after the last slash still counts', () => {
    expect(isPinned('registry/:1')).toBe(true);
    expect(isPinned(':1')).toBe(true);
  });

  it('Ingress: only nginx.ingress.kubernetes.io/ annotations, headers only inside snippets', () => {
    const at = (annotations: unknown) => validatePractices(mutate(goodIngress(), 'metadata.annotations', annotations)).map((f) => `${f.rule} @ ${f.path}`);
    // Same length as the nginx prefix: a prefix check by length alone would read this as server-snippet.
    expect(at({ [`${'a'.repeat(29)}server-snippet`]: 'x' })).toEqual([]);
    expect(at({ 'nginx.ingress.kubernetes.io/custom-headers': 'more_set_headers "Set-Cookie: a=b";' })).toEqual([]);
    expect(at({ 'nginx.ingress.kubernetes.io/location-snippet': 5 })).toEqual(['ingress-snippet @ metadata.annotations[nginx.ingress.kubernetes.io/location-snippet]']);
    expect(validatePractices({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress' })).toEqual([]);
  });

  it.each([
    ['more_set_headers "X-XSS-Protection: 1";', ['header-x-xss-protection']],
    ['more_set_headers  \'Feature-Policy : x\';', ['header-feature-policy']],
    ['more_set_headers "Set-Cookie:a=b";', ['header-set-cookie']],
    ['more_set_headers "X-XSS-Protection:   0";', []],
    ['add_header  Set-Cookie  "a=b";', ['header-set-cookie']],
    ['add_header X-XSS-Protection 0;', []],
    ['add_header X-XSS-Protection "1; mode=block";', ['header-x-xss-protection']],
    ['add_headerFeature-Policy x;', []],
    ['more_set_headers"Set-Cookie: a";', []],
    ['proxy_set_header Set-Cookie a;', []],
  ])('snippet %j', (snippet, rules) => {
    const obj = mutate(goodIngress(), 'metadata.annotations', { 'nginx.ingress.kubernetes.io/server-snippet': snippet });
    expect(validatePractices(obj).map((f) => f.rule).filter((r) => r.startsWith('header-'))).toEqual(rules);
  });

  it('HTTPRoute pieces that are missing or not mappings are skipped', () => {
    const route = (spec: unknown): KubeObject => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r' }, ...(spec === undefined ? {} : { spec }) });
    expect(validatePractices(route(undefined))).toEqual([]);
    expect(validatePractices(route({ rules: [{ filters: [null, { responseHeaderModifier: { set: [null, { value: 'x' }] } }], backendRefs: [{ filters: null }] }] }))).toEqual([]);
  });
});

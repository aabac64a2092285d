import type { Bilingual } from '../../policy/rules.js';
import { objectRef, type Finding, type KubeObject } from '../types.js';
import { child, index, join, key } from '../pod-security/field-path.js';
import { asArray, asObj, containersOf, podTemplates, type Obj, type PodTemplateRef } from '../pod-security/pod-template.js';

/**
 * Good-practice rules (design §4, §5): what kube-linter, kube-score and Polaris look for, for batch jobs and the
 * objects that publish them. Source `practice`; severity `warning` except ingress-nginx snippet annotations
 * (`error`: critical risk, disabled by default since controller 1.9).
 *
 * Rule ids:
 * - Job/CronJob: `job-backoff-limit`, `job-active-deadline`, `job-ttl-after-finished` (standalone Job),
 *   `cronjob-job-ttl` (a CronJob's jobTemplate must not set it), `cronjob-starting-deadline`,
 *   `cronjob-history-limits`, `cronjob-concurrency-policy`.
 * - Every pod template: `container-resources`, `container-ephemeral-storage`, `image-pinned`,
 *   `read-only-root-filesystem`, `automount-service-account-token`, `env-secret-literal`.
 * - Ingress: `ingress-configuration-snippet`, `ingress-server-snippet`, `ingress-snippet`,
 *   `ingress-secure-backends`, `ingress-add-headers-annotation`.
 * - Response headers (ConfigMap data, HTTPRoute `ResponseHeaderModifier`, Ingress annotations):
 *   `header-x-xss-protection`, `header-feature-policy`, `header-set-cookie`.
 */
export function validatePractices(obj: KubeObject, options: PracticeOptions = {}): Finding[] {
  const ref = objectRef(obj);
  const pinnedByKustomize = new Set(options.kustomizePinnedImages ?? []);
  const findings: Finding[] = [];
  const report: Report = (rule, path, message, severity = 'warning') => {
    findings.push({ source: 'practice', rule, severity, path, message: message.en, messageEs: message.es, object: ref });
  };
  const root = obj as Obj;
  switch (obj.kind) {
    case 'CronJob':
      cronJobRules(root, report);
      break;
    case 'Job':
      jobRules(asObj(root.spec), 'spec', report);
      if (asObj(root.spec)?.ttlSecondsAfterFinished === undefined) {
        report('job-ttl-after-finished', 'spec.ttlSecondsAfterFinished', { en: 'a standalone Job should set ttlSecondsAfterFinished so finished Jobs and their pods are cleaned up', es: 'un Job independiente debería establecer ttlSecondsAfterFinished para que se limpien los Jobs terminados y sus pods' });
      }
      break;
    case 'Ingress':
      ingressRules(root, report);
      break;
    case 'ConfigMap':
      headerMap(asObj(root.data), 'data', report);
      break;
    case 'HTTPRoute':
      httpRouteRules(root, report);
      break;
    default:
      break;
  }
  for (const pod of podTemplates(obj)) podRules(pod, report, pinnedByKustomize);
  return findings;
}

export interface PracticeOptions {
  /**
   * Image names whose tag a kustomization sets (`images[].name` with a pinned `newTag` or a `digest`): a manifest
   * may then name the image bare (`image: reports`) and `kubectl apply -k` pins it. See `kustomizePinnedImages`.
   */
  readonly kustomizePinnedImages?: readonly string[];
}

/** The `images[].name`s a Kustomization pins (a `newTag` other than `latest`, or a `digest`). */
export function kustomizePinnedImages(kustomization: KubeObject): string[] {
  return asArray((kustomization as Obj).images)
    .map(asObj)
    .filter((i): i is Obj => i !== undefined && typeof i.name === 'string')
    .filter((i) => (typeof i.digest === 'string' && i.digest !== '') || (typeof i.newTag === 'string' && i.newTag !== '' && i.newTag.toLowerCase() !== 'latest'))
    .map((i) => i.name as string);
}

type Report = (rule: string, path: string, message: Bilingual, severity?: 'error' | 'warning') => void;

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

// ---- Job / CronJob ----

function jobRules(spec: Obj | undefined, path: string, report: Report): void {
  // With per-index retries the Job-wide backoffLimit defaults to "unlimited" on purpose: the per-index limit decides.
  if (!isSet(spec?.backoffLimit) && !isSet(spec?.backoffLimitPerIndex)) {
    report('job-backoff-limit', child(path, 'backoffLimit'), { en: 'set backoffLimit explicitly (the default of 6 retries is rarely what a batch job wants)', es: 'establece backoffLimit de forma explícita (los 6 reintentos por defecto rara vez son lo que quiere un job batch)' });
  }
  if (!isSet(spec?.activeDeadlineSeconds)) {
    report('job-active-deadline', child(path, 'activeDeadlineSeconds'), { en: 'set activeDeadlineSeconds so a hung run is stopped', es: 'establece activeDeadlineSeconds para que se detenga una ejecución colgada' });
  }
}

function cronJobRules(root: Obj, report: Report): void {
  const spec = asObj(root.spec);
  const jobSpec = asObj(asObj(spec?.jobTemplate)?.spec);
  jobRules(jobSpec, 'spec.jobTemplate.spec', report);
  if (isSet(jobSpec?.ttlSecondsAfterFinished)) {
    report(
      'cronjob-job-ttl',
      'spec.jobTemplate.spec.ttlSecondsAfterFinished',
      {
        en: "a CronJob's jobTemplate should not set ttlSecondsAfterFinished: the history limits clean up its Jobs (and a TTL hides failed runs)",
        es: 'el jobTemplate de un CronJob no debería establecer ttlSecondsAfterFinished: los límites de historial limpian sus Jobs (y un TTL oculta las ejecuciones fallidas)',
      },
    );
  }
  const starting = spec?.startingDeadlineSeconds;
  if (!isSet(starting)) {
    report('cronjob-starting-deadline', 'spec.startingDeadlineSeconds', { en: 'set startingDeadlineSeconds (at least 10) so missed runs are bounded', es: 'establece startingDeadlineSeconds (al menos 10) para acotar las ejecuciones perdidas' });
  } else if (typeof starting === 'number' && starting < 10) {
    report('cronjob-starting-deadline', 'spec.startingDeadlineSeconds', { en: `startingDeadlineSeconds ${starting} is below 10: the controller checks every 10 s and may never start the job`, es: `startingDeadlineSeconds ${starting} es menor que 10: el controlador revisa cada 10 s y puede no arrancar nunca el job` });
  }
  for (const field of ['successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
    if (!isSet(spec?.[field])) report('cronjob-history-limits', `spec.${field}`, { en: `set ${field} explicitly`, es: `establece ${field} de forma explícita` });
  }
  if (!isSet(spec?.concurrencyPolicy)) {
    report('cronjob-concurrency-policy', 'spec.concurrencyPolicy', { en: 'choose concurrencyPolicy on purpose (Forbid for jobs that must not overlap; the default is Allow)', es: 'elige concurrencyPolicy a propósito (Forbid para jobs que no deben solaparse; el valor por defecto es Allow)' });
  }
}

// ---- pod templates ----

const SECRET_NAME = /(password|secret|token|api[_-]?key|key)$/i;

function podRules(pod: PodTemplateRef, report: Report, pinnedByKustomize: ReadonlySet<string>): void {
  // Ephemeral containers cannot have resources and are added by `kubectl debug`, not by manifests.
  for (const c of containersOf(pod, ['initContainers', 'containers'])) {
    const resources = asObj(c.container.resources);
    for (const kind of ['requests', 'limits']) {
      const values = asObj(resources?.[kind]);
      for (const resource of ['cpu', 'memory', 'ephemeral-storage']) {
        if (isSet(values?.[resource])) continue;
        const rule = resource === 'ephemeral-storage' ? 'container-ephemeral-storage' : 'container-resources';
        report(rule, key(join(c.path, 'resources', kind), resource), { en: `container "${c.name}" should set resources.${kind}.${resource}`, es: `el contenedor "${c.name}" debería establecer resources.${kind}.${resource}` });
      }
    }
  }
  for (const c of containersOf(pod)) {
    const image = c.container.image;
    if (typeof image === 'string' && image !== '' && !isPinned(image) && !pinnedByKustomize.has(imageName(image))) {
      report('image-pinned', child(c.path, 'image'), { en: `container "${c.name}" image "${image}" is not pinned: use a version tag (not latest) or a digest`, es: `la imagen "${image}" del contenedor "${c.name}" no está fijada: usa una etiqueta de versión (no latest) o un digest` });
    }
    if (c.list !== 'ephemeralContainers' && asObj(c.container.securityContext)?.readOnlyRootFilesystem !== true) {
      report(
        'read-only-root-filesystem',
        join(c.path, 'securityContext', 'readOnlyRootFilesystem'),
        {
          en: `container "${c.name}" should set securityContext.readOnlyRootFilesystem=true (mount an emptyDir at /tmp for .NET)`,
          es: `el contenedor "${c.name}" debería establecer securityContext.readOnlyRootFilesystem=true (monta un emptyDir en /tmp para .NET)`,
        },
      );
    }
    asArray(c.container.env).forEach((e, i) => {
      const env = asObj(e);
      if (typeof env?.name === 'string' && SECRET_NAME.test(env.name) && isSet(env.value) && env.value !== '') {
        report('env-secret-literal', child(index(child(c.path, 'env'), i), 'value'), {
          en: `env ${env.name} looks like a secret: take it from valueFrom.secretKeyRef or envFrom.secretRef, not a literal value`,
          es: `la variable ${env.name} parece un secreto: tómala de valueFrom.secretKeyRef o envFrom.secretRef, no de un valor literal`,
        });
      }
    });
  }
  const automount = pod.spec.automountServiceAccountToken;
  const serviceAccount = pod.spec.serviceAccountName ?? pod.spec.serviceAccount;
  const dedicatedAccount = typeof serviceAccount === 'string' && serviceAccount !== '' && serviceAccount !== 'default';
  if (automount === true && !dedicatedAccount) {
    report('automount-service-account-token', child(pod.specPath, 'automountServiceAccountToken'), {
      en: 'the default ServiceAccount should not get a token: set automountServiceAccountToken=false, or use a dedicated ServiceAccount with a least-privilege Role',
      es: 'la ServiceAccount por defecto no debería recibir un token: establece automountServiceAccountToken=false, o usa una ServiceAccount propia con un Role de mínimo privilegio',
    });
  } else if (automount !== true && automount !== false) {
    report('automount-service-account-token', child(pod.specPath, 'automountServiceAccountToken'), {
      en: 'set automountServiceAccountToken=false unless the job calls the Kubernetes API (then true, with a dedicated ServiceAccount and a least-privilege Role)',
      es: 'establece automountServiceAccountToken=false salvo que el job llame a la API de Kubernetes (entonces true, con una ServiceAccount propia y un Role de mínimo privilegio)',
    });
  }
}

/** A tag other than `latest`, or a digest. `registry:5000/app` has no tag: the colon is in the registry host. */
export function isPinned(image: string): boolean {
  if (image.includes('@')) return /@[A-Za-z0-9_+.-]+:[0-9a-fA-F]{32,}$/.test(image);
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return false;
  const tag = lastSegment.slice(colon + 1);
  return tag !== '' && tag.toLowerCase() !== 'latest';
}

/** The image reference without tag or digest (what kustomize's `images[].name` matches). */
function imageName(image: string): string {
  const noDigest = image.split('@')[0]!;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

// ---- Ingress and headers ----

const NGINX = 'nginx.ingress.kubernetes.io/';

function ingressRules(root: Obj, report: Report): void {
  const annotations = asObj(asObj(root.metadata)?.annotations) ?? {};
  for (const [k, v] of Object.entries(annotations)) {
    const path = key('metadata.annotations', k);
    if (!k.startsWith(NGINX)) continue;
    const name = k.slice(NGINX.length);
    if (name === 'configuration-snippet') {
      report('ingress-configuration-snippet', path, {
          en: 'configuration-snippet is disabled by default since ingress-nginx 1.9 and rated Critical risk (CVE-2021-25742, IngressNightmare): use custom-headers with a ConfigMap, or an HTTPRoute ResponseHeaderModifier',
          es: 'configuration-snippet está desactivada por defecto desde ingress-nginx 1.9 y se considera de riesgo crítico (CVE-2021-25742, IngressNightmare): usa custom-headers con un ConfigMap, o un ResponseHeaderModifier de HTTPRoute',
        }, 'error');
    } else if (name === 'server-snippet') {
      report('ingress-server-snippet', path, { en: 'server-snippet injects raw nginx configuration (Critical risk): remove it', es: 'server-snippet inyecta configuración de nginx en bruto (riesgo crítico): quítala' }, 'error');
    } else if (name.endsWith('-snippet')) {
      report('ingress-snippet', path, { en: `${name} injects raw nginx configuration (Critical risk): remove it`, es: `${name} inyecta configuración de nginx en bruto (riesgo crítico): quítala` }, 'error');
    } else if (name === 'secure-backends') {
      report('ingress-secure-backends', path, { en: 'secure-backends was removed from ingress-nginx: use nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"', es: 'secure-backends se eliminó de ingress-nginx: usa nginx.ingress.kubernetes.io/backend-protocol: "HTTPS"' });
    } else if (name === 'add-headers') {
      report('ingress-add-headers-annotation', path, {
        en: 'add-headers is a controller ConfigMap key, not an Ingress annotation: use nginx.ingress.kubernetes.io/custom-headers: <namespace>/<configmap>',
        es: 'add-headers es una clave del ConfigMap del controlador, no una anotación de Ingress: usa nginx.ingress.kubernetes.io/custom-headers: <namespace>/<configmap>',
      });
    }
    if (typeof v === 'string' && name.endsWith('-snippet')) headerLines(v, path, report);
  }
}

function httpRouteRules(root: Obj, report: Report): void {
  asArray(asObj(root.spec)?.rules).forEach((r, i) => {
    const rulePath = index('spec.rules', i);
    const rule = asObj(r);
    routeFilters(rule?.filters, child(rulePath, 'filters'), report);
    asArray(rule?.backendRefs).forEach((b, j) => routeFilters(asObj(b)?.filters, child(index(child(rulePath, 'backendRefs'), j), 'filters'), report));
  });
}

function routeFilters(filters: unknown, path: string, report: Report): void {
  asArray(filters).forEach((f, i) => {
    const modifier = asObj(asObj(f)?.responseHeaderModifier);
    if (modifier === undefined) return;
    const base = join(index(path, i), 'responseHeaderModifier');
    for (const op of ['set', 'add']) {
      asArray(modifier[op]).forEach((h, j) => {
        const header = asObj(h);
        if (typeof header?.name === 'string') header_(header.name, header.value, child(index(child(base, op), j), 'value'), report);
      });
    }
  });
}

/** A ConfigMap used as ingress-nginx `custom-headers` (or any ConfigMap whose keys are header names). */
function headerMap(data: Obj | undefined, path: string, report: Report): void {
  for (const [k, v] of Object.entries(data ?? {})) header_(k, v, key(path, k), report);
}

/** `more_set_headers "Name: value";` / `add_header Name value;` lines inside a snippet. */
function headerLines(snippet: string, path: string, report: Report): void {
  const re = /(?:more_set_headers\s+["']([A-Za-z0-9-]+)\s*:\s*([^"']*)["']|add_header\s+([A-Za-z0-9-]+)\s+["']?([^;"']*)["']?)/g;
  for (const m of snippet.matchAll(re)) header_(m[1] ?? m[3] ?? '', (m[2] ?? m[4] ?? '').trim(), path, report);
}

function header_(name: string, value: unknown, path: string, report: Report): void {
  const n = name.toLowerCase();
  if (n === 'x-xss-protection' && String(value).trim() !== '0') {
    report('header-x-xss-protection', path, {
      en: `X-XSS-Protection should be omitted or "0" (got ${JSON.stringify(value)}; "1; mode=block" is deprecated and can introduce XSS); rely on Content-Security-Policy`,
      es: `X-XSS-Protection debería omitirse o valer "0" (vale ${JSON.stringify(value)}; "1; mode=block" está obsoleto y puede introducir XSS); confía en Content-Security-Policy`,
    });
  } else if (n === 'feature-policy') {
    report('header-feature-policy', path, { en: 'Feature-Policy is superseded by Permissions-Policy', es: 'Feature-Policy ha sido sustituida por Permissions-Policy' });
  } else if (n === 'set-cookie') {
    report('header-set-cookie', path, { en: 'do not set cookies ingress-wide: cookie attributes (Secure, HttpOnly, SameSite) belong to the application', es: 'no establezcas cookies en todo el ingress: los atributos de las cookies (Secure, HttpOnly, SameSite) son cosa de la aplicación' });
  }
}

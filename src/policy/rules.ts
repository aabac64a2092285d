/**
 * The compliance rules `batch-job check` applies, as data: `docs/rules/<id>.md`, the SARIF rule metadata and the
 * text report all read this list (`npm run rule-docs` rewrites the docs; a unit test fails when they are stale).
 */

export type RuleSeverity = 'error' | 'warning';

/** Which part of a repository a rule looks at. */
export type RuleFamily = 'dotnet-packages' | 'dotnet-code' | 'kubernetes' | 'ingress' | 'dockerfile' | 'secrets' | 'drift' | 'exemptions';

/** English and Spanish versions of one piece of user-facing text. */
export interface Bilingual {
  readonly en: string;
  readonly es: string;
}

export interface Rule {
  /** Stable id, kebab case, used in exemptions, SARIF `ruleId` and the docs file name. */
  readonly id: string;
  readonly family: RuleFamily;
  /** Default severity; a finding may carry its own (e.g. a practice finding that the validator rates `error`). */
  readonly severity: RuleSeverity;
  /** One line: what is wrong. */
  readonly title: Bilingual;
  /** Why the policy forbids it. */
  readonly why: Bilingual;
  /** What to do instead. */
  readonly fix: Bilingual;
  /** Rule ids of `src/validation/` findings reported under this rule (Kubernetes families only). */
  readonly validatorRules?: readonly string[];
}

const r = (rule: Rule): Rule => rule;

export const rules: readonly Rule[] = [
  r({
    id: 'dotnet-banned-package',
    family: 'dotnet-packages',
    severity: 'error',
    title: { en: 'A banned in-process scheduling package is referenced', es: 'Se referencia un paquete de planificación en proceso prohibido' },
    why: {
      en: 'The policy runs recurring work as Kubernetes CronJobs; in-process schedulers (Hangfire, Quartz, Coravel…) duplicate runs when scaled, die with the pod and escape review.',
      es: 'La política ejecuta el trabajo recurrente como CronJobs de Kubernetes; los planificadores en proceso (Hangfire, Quartz, Coravel…) duplican ejecuciones al escalar, mueren con el pod y escapan a la revisión.',
    },
    fix: {
      en: 'Remove the PackageReference/PackageVersion and move each recurring job to a CronJob in .projenrc.ts.',
      es: 'Quita el PackageReference/PackageVersion y pasa cada tarea recurrente a un CronJob en .projenrc.ts.',
    },
  }),
  r({
    id: 'dotnet-banned-package-transitive',
    family: 'dotnet-packages',
    severity: 'error',
    title: { en: 'A banned scheduling package arrives transitively', es: 'Un paquete de planificación prohibido llega de forma transitiva' },
    why: {
      en: 'A package restored through another one is loaded and usable like a direct reference.',
      es: 'Un paquete restaurado a través de otro se carga y se puede usar igual que una referencia directa.',
    },
    fix: {
      en: 'Remove or replace the direct package that brings it in (named in the finding).',
      es: 'Quita o sustituye el paquete directo que lo trae (indicado en el hallazgo).',
    },
  }),
  r({
    id: 'job-not-registered',
    family: 'dotnet-code',
    severity: 'error',
    title: { en: 'A manifest runs a job the app does not register', es: 'Un manifiesto ejecuta un job que la aplicación no registra' },
    why: {
      en: 'The job host runs the job named by the container\'s first argument; a name without a jobs.Add<…>("name") registration exits 2 ("Unknown job") on every run.',
      es: 'El host de jobs ejecuta el job que nombra el primer argumento del contenedor; un nombre sin registro jobs.Add<…>("nombre") termina con 2 ("Unknown job") en cada ejecución.',
    },
    fix: {
      en: 'Register the job in Program.cs: jobs.Add<MyJob, MyJobOptions>("name") (or remove the job from .projenrc.ts).',
      es: 'Registra el job en Program.cs: jobs.Add<MiJob, MiJobOptions>("nombre") (o quita el job de .projenrc.ts).',
    },
  }),
  r({
    id: 'csharp-scheduler-api',
    family: 'dotnet-code',
    severity: 'error',
    title: { en: 'Code uses an in-process scheduler API', es: 'El código usa la API de un planificador en proceso' },
    why: {
      en: 'Hangfire, Quartz, Coravel, NCronJob and FluentScheduler schedule work inside the process, which the policy forbids.',
      es: 'Hangfire, Quartz, Coravel, NCronJob y FluentScheduler planifican trabajo dentro del proceso, algo que la política prohíbe.',
    },
    fix: {
      en: 'Turn the job into an IJob run once per process start and schedule it with a CronJob.',
      es: 'Convierte la tarea en un IJob que se ejecuta una vez por arranque y planifícala con un CronJob.',
    },
  }),
  r({
    id: 'csharp-timer',
    family: 'dotnet-code',
    severity: 'error',
    title: { en: 'A timer schedules work in-process', es: 'Un temporizador planifica trabajo dentro del proceso' },
    why: {
      en: 'System.Threading.Timer and System.Timers.Timer keep a process alive to run work on a clock; Kubernetes schedules instead.',
      es: 'System.Threading.Timer y System.Timers.Timer mantienen vivo un proceso para ejecutar trabajo según un reloj; debe planificarlo Kubernetes.',
    },
    fix: {
      en: 'Do the work once and exit; let a CronJob start the process on schedule.',
      es: 'Haz el trabajo una vez y termina; deja que un CronJob arranque el proceso según la planificación.',
    },
  }),
  r({
    id: 'csharp-background-loop',
    family: 'dotnet-code',
    severity: 'error',
    title: { en: 'A hosted service loops on a delay or periodic timer', es: 'Un servicio hospedado repite en bucle con un retardo o temporizador periódico' },
    why: {
      en: 'A BackgroundService/IHostedService that waits with Task.Delay or PeriodicTimer in a loop is a hand-made scheduler.',
      es: 'Un BackgroundService/IHostedService que espera con Task.Delay o PeriodicTimer dentro de un bucle es un planificador hecho a mano.',
    },
    fix: {
      en: 'Make one iteration a job (exit codes 0/1/2) and run it from a CronJob.',
      es: 'Convierte una iteración en un job (códigos de salida 0/1/2) y ejecútalo desde un CronJob.',
    },
  }),
  r({
    id: 'k8s-deprecated-api',
    family: 'kubernetes',
    severity: 'error',
    title: { en: 'The manifest uses a removed or deprecated apiVersion', es: 'El manifiesto usa un apiVersion eliminado u obsoleto' },
    why: {
      en: 'Current clusters reject removed API versions (batch/v1beta1 CronJob was removed in Kubernetes 1.25).',
      es: 'Los clústeres actuales rechazan las versiones de API eliminadas (batch/v1beta1 CronJob se eliminó en Kubernetes 1.25).',
    },
    fix: { en: 'Use the stable apiVersion named in the finding.', es: 'Usa el apiVersion estable indicado en el hallazgo.' },
  }),
  r({
    id: 'k8s-schema',
    family: 'kubernetes',
    severity: 'error',
    title: { en: 'The object does not match the Kubernetes schema', es: 'El objeto no cumple el esquema de Kubernetes' },
    why: { en: 'kubectl apply rejects it, or silently drops unknown fields.', es: 'kubectl apply lo rechaza o descarta en silencio los campos desconocidos.' },
    fix: { en: 'Correct the field named in the finding.', es: 'Corrige el campo indicado en el hallazgo.' },
  }),
  r({
    id: 'k8s-apiserver',
    family: 'kubernetes',
    severity: 'error',
    title: { en: 'The apiserver would reject this Job/CronJob', es: 'El apiserver rechazaría este Job/CronJob' },
    why: {
      en: 'batch/v1 validation (names, schedule, time zone, restart and pod failure policies) fails on apply.',
      es: 'La validación de batch/v1 (nombres, planificación, zona horaria, políticas de reinicio y de fallos) falla al aplicar.',
    },
    fix: { en: 'Correct the field named in the finding.', es: 'Corrige el campo indicado en el hallazgo.' },
  }),
  r({
    id: 'k8s-grace-period-env',
    family: 'kubernetes',
    severity: 'error',
    title: { en: 'The job host is told a different grace period than the pod has', es: 'Al host de jobs se le indica un periodo de gracia distinto del que tiene el pod' },
    why: {
      en: 'The job host plans its stop budget from TERMINATION_GRACE_PERIOD_SECONDS; if the pod\'s terminationGracePeriodSeconds differs (a patch changed one), SIGKILL comes before the host expects it or the job is cut short for nothing.',
      es: 'El host de jobs calcula su margen de parada con TERMINATION_GRACE_PERIOD_SECONDS; si el terminationGracePeriodSeconds del pod es distinto (un parche cambió solo uno), el SIGKILL llega antes de lo previsto o el job se corta sin motivo.',
    },
    fix: {
      en: 'Patch both together: the pod\'s terminationGracePeriodSeconds and the container\'s TERMINATION_GRACE_PERIOD_SECONDS.',
      es: 'Parchea los dos a la vez: terminationGracePeriodSeconds del pod y TERMINATION_GRACE_PERIOD_SECONDS del contenedor.',
    },
  }),
  r({
    id: 'k8s-pod-security',
    family: 'kubernetes',
    severity: 'error',
    title: { en: 'The pod breaks Pod Security "restricted" (securityContext)', es: 'El pod incumple Pod Security "restricted" (securityContext)' },
    why: {
      en: 'Namespaces enforcing "restricted" refuse the pod; a missing securityContext runs as root with privilege escalation.',
      es: 'Los namespaces que aplican "restricted" rechazan el pod; sin securityContext se ejecuta como root con escalada de privilegios.',
    },
    fix: {
      en: 'Set runAsNonRoot, a non-zero runAsUser, allowPrivilegeEscalation: false, capabilities.drop [ALL] and seccompProfile RuntimeDefault.',
      es: 'Define runAsNonRoot, un runAsUser distinto de cero, allowPrivilegeEscalation: false, capabilities.drop [ALL] y seccompProfile RuntimeDefault.',
    },
  }),
  r({
    id: 'k8s-job-settings',
    family: 'kubernetes',
    severity: 'warning',
    title: { en: 'A Job/CronJob setting is left to its default', es: 'Un ajuste del Job/CronJob se deja con su valor por defecto' },
    why: {
      en: 'Retries, deadlines, history limits and concurrency decide what happens when a run fails, hangs or overlaps.',
      es: 'Reintentos, plazos, límites de historial y concurrencia deciden qué pasa cuando una ejecución falla, se cuelga o se solapa.',
    },
    fix: { en: 'Set the field named in the finding explicitly.', es: 'Define explícitamente el campo indicado en el hallazgo.' },
    validatorRules: ['job-backoff-limit', 'job-active-deadline', 'job-ttl-after-finished', 'cronjob-job-ttl', 'cronjob-starting-deadline', 'cronjob-history-limits', 'cronjob-concurrency-policy'],
  }),
  r({
    id: 'k8s-container-resources',
    family: 'kubernetes',
    severity: 'warning',
    title: { en: 'A container has no CPU/memory requests and limits', es: 'Un contenedor no tiene requests y limits de CPU/memoria' },
    why: {
      en: 'Without resources a job can starve its node or be evicted first.',
      es: 'Sin recursos un job puede dejar sin recursos a su nodo o ser el primero en ser desalojado.',
    },
    fix: { en: 'Set resources.requests and resources.limits (cpu, memory, ephemeral-storage).', es: 'Define resources.requests y resources.limits (cpu, memory, ephemeral-storage).' },
    validatorRules: ['container-resources', 'container-ephemeral-storage'],
  }),
  r({
    id: 'k8s-image-pinned',
    family: 'kubernetes',
    severity: 'warning',
    title: { en: 'The image uses :latest or no tag', es: 'La imagen usa :latest o no tiene etiqueta' },
    why: {
      en: 'A moving tag changes what runs without a deploy and makes rollback impossible.',
      es: 'Una etiqueta móvil cambia lo que se ejecuta sin despliegue e impide volver atrás.',
    },
    fix: { en: 'Pin a version or digest (kustomize images[].newTag).', es: 'Fija una versión o un digest (kustomize images[].newTag).' },
    validatorRules: ['image-pinned'],
  }),
  r({
    id: 'k8s-pod-hardening',
    family: 'kubernetes',
    severity: 'warning',
    title: { en: 'The pod is not hardened', es: 'El pod no está endurecido' },
    why: {
      en: 'A writable root file system and a mounted service account token widen what a compromised job can do.',
      es: 'Un sistema de archivos raíz escribible y un token de service account montado amplían lo que puede hacer un job comprometido.',
    },
    fix: {
      en: 'Set readOnlyRootFilesystem: true (with a /tmp emptyDir) and automountServiceAccountToken: false.',
      es: 'Define readOnlyRootFilesystem: true (con un emptyDir en /tmp) y automountServiceAccountToken: false.',
    },
    validatorRules: ['read-only-root-filesystem', 'automount-service-account-token'],
  }),
  r({
    id: 'k8s-env-secret-literal',
    family: 'kubernetes',
    severity: 'warning',
    title: { en: 'A credential is set as a literal env value', es: 'Una credencial se define como valor literal de env' },
    why: { en: 'Manifests are read by many; secrets belong in Secrets.', es: 'Los manifiestos los leen muchos; los secretos van en Secrets.' },
    fix: { en: 'Use valueFrom.secretKeyRef or envFrom.secretRef.', es: 'Usa valueFrom.secretKeyRef o envFrom.secretRef.' },
    validatorRules: ['env-secret-literal'],
  }),
  r({
    id: 'ingress-snippet',
    family: 'ingress',
    severity: 'error',
    title: { en: 'An ingress-nginx snippet annotation injects raw configuration', es: 'Una anotación snippet de ingress-nginx inyecta configuración en bruto' },
    why: {
      en: 'configuration-snippet is disabled by default since controller 1.9 and rated Critical risk (CVE-2021-25742, IngressNightmare).',
      es: 'configuration-snippet está desactivado por defecto desde el controlador 1.9 y se considera de riesgo Crítico (CVE-2021-25742, IngressNightmare).',
    },
    fix: {
      en: 'Use nginx.ingress.kubernetes.io/custom-headers with a ConfigMap, or an HTTPRoute ResponseHeaderModifier.',
      es: 'Usa nginx.ingress.kubernetes.io/custom-headers con un ConfigMap, o un ResponseHeaderModifier de HTTPRoute.',
    },
    validatorRules: ['ingress-configuration-snippet', 'ingress-server-snippet', 'ingress-snippet'],
  }),
  r({
    id: 'ingress-removed-annotation',
    family: 'ingress',
    severity: 'warning',
    title: { en: 'The annotation was removed or is not an Ingress annotation', es: 'La anotación fue eliminada o no es una anotación de Ingress' },
    why: {
      en: 'secure-backends is gone (use backend-protocol); add-headers is a controller ConfigMap key, so the headers are never sent.',
      es: 'secure-backends ya no existe (usa backend-protocol); add-headers es una clave del ConfigMap del controlador, así que las cabeceras nunca se envían.',
    },
    fix: {
      en: 'backend-protocol: "HTTPS" instead of secure-backends; custom-headers: <namespace>/<configmap> instead of add-headers.',
      es: 'backend-protocol: "HTTPS" en lugar de secure-backends; custom-headers: <namespace>/<configmap> en lugar de add-headers.',
    },
    validatorRules: ['ingress-secure-backends', 'ingress-add-headers-annotation'],
  }),
  r({
    id: 'ingress-header-deprecated',
    family: 'ingress',
    severity: 'warning',
    title: { en: 'A deprecated security header is sent', es: 'Se envía una cabecera de seguridad obsoleta' },
    why: {
      en: 'X-XSS-Protection "1; mode=block" can introduce XSS and is ignored by current browsers; Feature-Policy was replaced by Permissions-Policy.',
      es: 'X-XSS-Protection "1; mode=block" puede introducir XSS y los navegadores actuales la ignoran; Feature-Policy fue sustituida por Permissions-Policy.',
    },
    fix: { en: 'Omit X-XSS-Protection (or send "0"); send Permissions-Policy.', es: 'Omite X-XSS-Protection (o envía "0"); envía Permissions-Policy.' },
    validatorRules: ['header-x-xss-protection', 'header-feature-policy'],
  }),
  r({
    id: 'ingress-set-cookie',
    family: 'ingress',
    severity: 'warning',
    title: { en: 'A Set-Cookie header is added at the ingress', es: 'Se añade una cabecera Set-Cookie en el ingress' },
    why: { en: "Cookies and their attributes belong to the application, not to every response of the host.", es: 'Las cookies y sus atributos corresponden a la aplicación, no a todas las respuestas del host.' },
    fix: { en: 'Set cookie attributes (Secure, HttpOnly, SameSite) in the app.', es: 'Define los atributos de las cookies (Secure, HttpOnly, SameSite) en la aplicación.' },
    validatorRules: ['header-set-cookie'],
  }),
  r({
    id: 'ingress-headers-missing',
    family: 'ingress',
    severity: 'warning',
    title: { en: 'Security response headers are missing', es: 'Faltan cabeceras de seguridad en la respuesta' },
    why: {
      en: 'The policy requires HSTS, X-Content-Type-Options, X-Frame-Options, a CSP, Referrer-Policy and Permissions-Policy on exposed hosts.',
      es: 'La política exige HSTS, X-Content-Type-Options, X-Frame-Options, una CSP, Referrer-Policy y Permissions-Policy en los hosts expuestos.',
    },
    fix: {
      en: 'Send the missing headers through a custom-headers ConfigMap or an HTTPRoute ResponseHeaderModifier.',
      es: 'Envía las cabeceras que faltan mediante un ConfigMap de custom-headers o un ResponseHeaderModifier de HTTPRoute.',
    },
  }),
  r({
    id: 'dockerfile-multi-stage',
    family: 'dockerfile',
    severity: 'warning',
    title: { en: 'The Dockerfile is not multi-stage', es: 'El Dockerfile no es multi-etapa' },
    why: { en: 'A single stage ships the SDK and sources in the image.', es: 'Una sola etapa incluye el SDK y el código fuente en la imagen.' },
    fix: { en: 'Build in an sdk stage and copy the published output into a runtime stage.', es: 'Compila en una etapa sdk y copia la salida publicada a una etapa runtime.' },
  }),
  r({
    id: 'dockerfile-runtime-image',
    family: 'dockerfile',
    severity: 'warning',
    title: { en: 'The final image is not a runtime image', es: 'La imagen final no es una imagen de runtime' },
    why: { en: 'An SDK image is large and carries compilers into production.', es: 'Una imagen SDK es grande y lleva compiladores a producción.' },
    fix: { en: 'Base the final stage on mcr.microsoft.com/dotnet/runtime (or a chiseled image).', es: 'Basa la etapa final en mcr.microsoft.com/dotnet/runtime (o una imagen chiseled).' },
  }),
  r({
    id: 'dockerfile-non-root-user',
    family: 'dockerfile',
    severity: 'error',
    title: { en: 'The image runs as root', es: 'La imagen se ejecuta como root' },
    why: {
      en: 'Pod Security "restricted" needs a non-root numeric user; a name cannot be verified as non-root by the kubelet.',
      es: 'Pod Security "restricted" exige un usuario numérico distinto de root; el kubelet no puede comprobar que un nombre no sea root.',
    },
    fix: { en: 'End the final stage with USER 1654 (or another non-zero UID).', es: 'Termina la etapa final con USER 1654 (u otro UID distinto de cero).' },
  }),
  r({
    id: 'dockerfile-base-tag',
    family: 'dockerfile',
    severity: 'error',
    title: { en: 'A base image uses :latest or no tag', es: 'Una imagen base usa :latest o no tiene etiqueta' },
    why: { en: 'Builds stop being reproducible and change without review.', es: 'Las compilaciones dejan de ser reproducibles y cambian sin revisión.' },
    fix: { en: 'Pin the base image to a version tag or digest.', es: 'Fija la imagen base a una etiqueta de versión o a un digest.' },
  }),
  r({
    id: 'dockerfile-dockerignore',
    family: 'dockerfile',
    severity: 'warning',
    title: { en: 'No .dockerignore next to the Dockerfile', es: 'No hay .dockerignore junto al Dockerfile' },
    why: { en: 'bin/, obj/, .git and local secrets end up in the build context.', es: 'bin/, obj/, .git y los secretos locales acaban en el contexto de compilación.' },
    fix: { en: 'Add a .dockerignore excluding bin/, obj/, .git and local settings.', es: 'Añade un .dockerignore que excluya bin/, obj/, .git y la configuración local.' },
  }),
  r({
    id: 'secret-literal',
    family: 'secrets',
    severity: 'error',
    title: { en: 'Key material is written in the repository', es: 'Hay material de claves escrito en el repositorio' },
    why: {
      en: 'Keys in files, scripts or command lines leak through history, logs and forks.',
      es: 'Las claves en archivos, scripts o líneas de comando se filtran por el historial, los logs y las copias.',
    },
    fix: {
      en: 'Rotate the key, then reference a Secret (agent.keysSecret, secretKeyRef) or a CI secret variable.',
      es: 'Rota la clave y referencia un Secret (agent.keysSecret, secretKeyRef) o una variable secreta de CI.',
    },
  }),
  r({
    id: 'drift',
    family: 'drift',
    severity: 'error',
    title: { en: 'A managed file differs from what .projenrc.ts produces', es: 'Un archivo gestionado difiere de lo que produce .projenrc.ts' },
    why: { en: 'Hand edits are lost on the next re-sync and hide policy changes.', es: 'Las ediciones a mano se pierden en la siguiente resincronización y ocultan cambios de política.' },
    fix: { en: 'Express the change in .projenrc.ts and run npx projen.', es: 'Expresa el cambio en .projenrc.ts y ejecuta npx projen.' },
  }),
  r({
    id: 'exemption-expired',
    family: 'exemptions',
    severity: 'error',
    title: { en: 'An exemption has expired', es: 'Una exención ha caducado' },
    why: { en: 'Exemptions are temporary by design; the exempted findings are reported again.', es: 'Las exenciones son temporales por diseño; los hallazgos exentos vuelven a informarse.' },
    fix: { en: 'Fix the findings, or renew the exemption with a new justification and expiry.', es: 'Corrige los hallazgos o renueva la exención con nueva justificación y caducidad.' },
  }),
  r({
    id: 'exemption-invalid',
    family: 'exemptions',
    severity: 'error',
    title: { en: 'An exemption entry is incomplete or names an unknown rule', es: 'Una exención está incompleta o nombra una regla desconocida' },
    why: { en: 'Every exemption needs a rule, a path pattern, a justification and an expiry date.', es: 'Cada exención necesita una regla, un patrón de ruta, una justificación y una fecha de caducidad.' },
    fix: {
      en: 'Complete it: { rule: dockerfile-base-tag, path: "tools/**", justification: "…", expires: 2026-12-31 }.',
      es: 'Complétala: { rule: dockerfile-base-tag, path: "tools/**", justification: "…", expires: 2026-12-31 }.',
    },
  }),
];

const byId = new Map(rules.map((rule) => [rule.id, rule]));

export function findRule(id: string): Rule | undefined {
  return byId.get(id);
}

/** Catalogue rule of a `src/validation/` finding: practice rules by id, other layers by source. */
export function ruleForValidatorFinding(source: 'schema' | 'apiserver' | 'pod-security' | 'practice', validatorRule: string): Rule {
  if (source === 'schema') return byId.get('k8s-schema')!;
  if (source === 'apiserver') return byId.get('k8s-apiserver')!;
  if (source === 'pod-security') return byId.get('k8s-pod-security')!;
  return rules.find((rule) => rule.validatorRules?.includes(validatorRule)) ?? byId.get('k8s-job-settings')!;
}

/** Where the rendered rule docs live; SARIF `helpUri`s point there. */
export const RULE_DOCS_BASE = 'https://github.com/create-batch-job/create-batch-job/blob/main/docs/rules/';

/** API versions removed from Kubernetes (or deprecated) that manifests still carry, with what replaces them. */
export interface RemovedApi {
  readonly apiVersion: string;
  /** Kinds affected; empty: every kind of that group version. */
  readonly kinds: readonly string[];
  readonly removedIn: string;
  readonly replacement: string;
}

export const removedApis: readonly RemovedApi[] = [
  { apiVersion: 'batch/v1beta1', kinds: ['CronJob'], removedIn: '1.25', replacement: 'batch/v1' },
  { apiVersion: 'batch/v2alpha1', kinds: ['CronJob'], removedIn: '1.21', replacement: 'batch/v1' },
  { apiVersion: 'extensions/v1beta1', kinds: ['Ingress', 'Deployment', 'DaemonSet', 'ReplicaSet', 'NetworkPolicy', 'PodSecurityPolicy'], removedIn: '1.22', replacement: 'networking.k8s.io/v1 (Ingress) or apps/v1' },
  { apiVersion: 'networking.k8s.io/v1beta1', kinds: ['Ingress', 'IngressClass'], removedIn: '1.22', replacement: 'networking.k8s.io/v1' },
  { apiVersion: 'policy/v1beta1', kinds: ['PodDisruptionBudget', 'PodSecurityPolicy'], removedIn: '1.25', replacement: 'policy/v1 (PodSecurityPolicy: Pod Security admission)' },
  { apiVersion: 'rbac.authorization.k8s.io/v1beta1', kinds: [], removedIn: '1.22', replacement: 'rbac.authorization.k8s.io/v1' },
  { apiVersion: 'autoscaling/v2beta2', kinds: ['HorizontalPodAutoscaler'], removedIn: '1.26', replacement: 'autoscaling/v2' },
  { apiVersion: 'gateway.networking.k8s.io/v1beta1', kinds: ['HTTPRoute', 'Gateway', 'GatewayClass'], removedIn: 'deprecated', replacement: 'gateway.networking.k8s.io/v1' },
];

/**
 * Namespaces of in-process schedulers whose use in C# is `csharp-scheduler-api`: the banned namespaces of
 * `BannedSymbols.txt` plus the other banned packages' root namespaces.
 */
export const schedulerNamespaces: readonly string[] = ['Hangfire', 'Quartz', 'Coravel', 'FluentScheduler', 'NCronJob', 'TickerQ', 'Sundial', 'Cronos', 'NCrontab'];

/** Timer types whose use is `csharp-timer`. */
export const timerTypes: readonly string[] = ['System.Threading.Timer', 'System.Timers.Timer'];

/** Base types that make a class a hosted service for `csharp-background-loop`. */
export const hostedServiceTypes: readonly string[] = ['Microsoft.Extensions.Hosting.BackgroundService', 'Microsoft.Extensions.Hosting.IHostedService'];

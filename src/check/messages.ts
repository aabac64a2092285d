/**
 * Every text `batch-job check` builds at run time (finding details, notes), in English and Spanish. A rule reports
 * `say((m) => m.someMessage(…))`, which renders both languages at once; the report picks one with `--lang`.
 * Rule ids, validator rule ids and note kinds stay as they are in both languages: they are the stable keys.
 */
import type { Bilingual } from '../policy/rules.js';
import type { Finding } from '../validation/types.js';

type ValidatorText = Pick<Finding, 'object' | 'path' | 'message' | 'messageEs'>;

export interface CheckMessages {
  // .NET packages
  readonly bannedPackage: (item: string, id: string, pattern: string, reason: string) => string;
  readonly bannedTransitive: (id: string, via: readonly string[], pattern: string, reason: string) => string;
  /** The policy's reasons for banning a package (`policy.bannedPackages[].reason`, English) in this language. */
  readonly bannedReasons: Readonly<Record<string, string>>;
  readonly notJson: string;
  readonly solutionOutside: (project: string) => string;
  // C# code
  readonly usingDirective: (directive: string) => string;
  readonly schedulerName: (written: string) => string;
  readonly resolvesTo: (written: string, target: string) => string;
  readonly timerUse: (type: string) => string;
  readonly timerAlias: (written: string, type: string) => string;
  readonly backgroundLoop: (cls: string | undefined) => string;
  readonly jobNotRegistered: (job: string, registered: readonly string[]) => string;
  // Kubernetes
  readonly apiDeprecated: (kind: string, apiVersion: string, replacement: string) => string;
  readonly apiRemoved: (kind: string, apiVersion: string, removedIn: string, replacement: string) => string;
  readonly gracePeriodEnv: (object: string, env: string, value: string, grace: number) => string;
  /**
   * A `src/validation/` finding: the object and field, then the validator's words. The Spanish catalogue uses the
   * validator's Spanish text where it has one; the apiserver layer quotes the apiserver's own (English) messages.
   */
  readonly validator: (finding: ValidatorText) => string;
  readonly helmTemplates: string;
  readonly kustomizeRaw: string;
  readonly kustomizeFailed: (error: string) => string;
  readonly yamlInvalid: (line: number, error: string) => string;
  // Ingress
  readonly xssProtection: (value: string) => string;
  readonly featurePolicy: string;
  readonly setCookie: string;
  readonly headersMissing: (object: string, headers: readonly string[], source: string) => string;
  readonly customHeadersConfigMap: (ref: string) => string;
  readonly noCustomHeaders: string;
  readonly responseHeaderModifier: string;
  // Dockerfile
  readonly baseUntagged: (image: string) => string;
  readonly baseLatest: (image: string) => string;
  readonly singleStage: string;
  readonly buildImageFinal: (image: string) => string;
  readonly noUser: string;
  readonly userNotNumeric: (user: string) => string;
  readonly userRoot: string;
  readonly noDockerignore: (path: string) => string;
  // Secrets (the value is never part of a message, only its length)
  readonly secretOnCommandLine: (name: string, length: number) => string;
  readonly secretKeyFormat: string;
  readonly secretLiteral: (name: string, length: number) => string;
  readonly secretRandom: (name: string, length: number) => string;
  // Exemptions
  readonly exemptionsNotList: string;
  readonly exemptionIncomplete: (n: number, missing: readonly string[]) => string;
  readonly exemptionExpiresField: string;
  readonly exemptionUnknownRule: (n: number, rule: string) => string;
  readonly exemptionExpired: (rule: string, path: string, date: string) => string;
  // Drift
  readonly driftModified: string;
  readonly driftMissing: string;
  readonly driftStale: string;
  readonly driftNoProjenrc: (repo: string) => string;
  readonly driftProjenrcFailed: (output: string) => string;
  // Reading the repository
  readonly folderUnreadable: (code: string) => string;
  readonly gitignoreUnreadable: string;
  readonly fileLimit: (max: number) => string;
  readonly symlinkOutside: string;
  readonly symlinkBroken: string;
  readonly tooLarge: (size: number, max: number) => string;
  readonly binary: string;
  readonly fileUnreadable: (code: string) => string;
}

const list = (items: readonly string[]) => items.join(', ');

const en: CheckMessages = {
  bannedPackage: (item, id, pattern, reason) => `${item} ${id} (${pattern}: ${reason})`,
  bannedTransitive: (id, via, pattern, reason) => `${id} arrives through ${list(via)} (${pattern}: ${reason})`,
  // The policy states its reasons in English.
  bannedReasons: {},
  notJson: 'not valid JSON',
  solutionOutside: (project) => `lists ${project}, outside the scanned folder: not checked`,
  usingDirective: (directive) => directive,
  schedulerName: (written) => written,
  resolvesTo: (written, target) => `${written} resolves to ${target}`,
  timerUse: (type) => `${type} field, variable or construction`,
  timerAlias: (written, type) => `${written} is ${type}`,
  backgroundLoop: (cls) => `${cls ?? 'a hosted service'} waits on Task.Delay/PeriodicTimer in a loop`,
  jobNotRegistered: (job, registered) => `job '${job}' is not registered in the app (jobs.Add<…>("${job}")); registered: ${list(registered) || 'none'}`,
  apiDeprecated: (kind, apiVersion, replacement) => `${kind} ${apiVersion} is deprecated: use ${replacement}`,
  apiRemoved: (kind, apiVersion, removedIn, replacement) => `${kind} ${apiVersion} was removed in Kubernetes ${removedIn}: use ${replacement}`,
  gracePeriodEnv: (object, env, value, grace) => `${object} ${env} is ${JSON.stringify(value)} but the pod's terminationGracePeriodSeconds is ${grace}`,
  validator: (f) => `${f.object} ${f.path}: ${f.message}`,
  helmTemplates: 'Helm chart templates are Go templates: skipped (values files are still checked for secrets)',
  kustomizeRaw: 'kubectl not found: kustomize folders were read raw (images pinned in kustomization.yaml are honoured)',
  kustomizeFailed: (error) => `kubectl kustomize failed; files read raw: ${error}`,
  yamlInvalid: (line, error) => `not valid YAML at line ${line}: ${error}`,
  xssProtection: (value) => `X-XSS-Protection ${JSON.stringify(value)} is deprecated: omit it or send "0"`,
  featurePolicy: 'Feature-Policy is superseded by Permissions-Policy',
  setCookie: 'Set-Cookie at the ingress: cookie attributes belong to the app',
  headersMissing: (object, headers, source) => `${object} does not send ${list(headers)} (${source})`,
  customHeadersConfigMap: (ref) => `custom-headers ConfigMap ${ref}`,
  noCustomHeaders: 'no custom-headers annotation',
  responseHeaderModifier: 'ResponseHeaderModifier',
  baseUntagged: (image) => `FROM ${image} has no tag (Docker pulls latest)`,
  baseLatest: (image) => `FROM ${image}:latest`,
  singleStage: 'one FROM: the SDK and sources ship in the image',
  buildImageFinal: (image) => `the final stage runs on ${image}, a build image`,
  noUser: 'the final stage has no USER: the container runs as root',
  userNotNumeric: (user) => `USER ${user} is not numeric: Kubernetes cannot verify runAsNonRoot`,
  userRoot: 'USER 0 is root',
  noDockerignore: (path) => `no ${path}: bin/, obj/, .git and local settings enter the build context`,
  secretOnCommandLine: (name, length) => `${name} is given a literal value on the command line (${length} characters, not shown): create a Secret and pass its name (agent.keysSecret)`,
  secretKeyFormat: 'a value in a well-known key format (not shown)',
  secretLiteral: (name, length) => `${name} holds a literal key-like value (${length} characters, not shown)`,
  secretRandom: (name, length) => `${name} holds a random-looking token (${length} characters, not shown)`,
  exemptionsNotList: 'expected a top-level "exemptions:" list',
  exemptionIncomplete: (n, missing) => `exemption ${n} lacks ${list(missing)}`,
  exemptionExpiresField: 'expires (YYYY-MM-DD)',
  exemptionUnknownRule: (n, rule) => `exemption ${n} names unknown rule ${JSON.stringify(rule)}`,
  exemptionExpired: (rule, path, date) => `exemption for ${rule} on ${path} expired on ${date}`,
  driftModified: 'edited by hand; run npx projen, or express the change in .projenrc.ts',
  driftMissing: 'missing; run npx projen, or express the change in .projenrc.ts',
  driftStale: 'no longer generated (npx projen deletes it); run npx projen, or express the change in .projenrc.ts',
  driftNoProjenrc: (repo) => `${repo} has no .projenrc.ts: not a batch-job repository (example: batch-job check --drift path/to/generated-repo)`,
  driftProjenrcFailed: (output) => `.projenrc.ts failed:\n${output}`,
  folderUnreadable: (code) => `folder not readable: ${code}`,
  gitignoreUnreadable: '.gitignore not readable; its patterns were not applied',
  fileLimit: (max) => `stopped listing after ${max} files`,
  symlinkOutside: 'symbolic link points outside the scanned folder; not followed',
  symlinkBroken: 'broken symbolic link',
  tooLarge: (size, max) => `skipped: ${size} bytes is over the ${max}-byte limit`,
  binary: 'skipped: binary content',
  fileUnreadable: (code) => `not readable: ${code}`,
};

/** A test requires a Spanish entry for each of the policy's reasons. */
const esReason = (reason: string): string => es.bannedReasons[reason] ?? reason;

const es: CheckMessages = {
  bannedPackage: (item, id, pattern, reason) => `${item} ${id} (${pattern}: ${esReason(reason)})`,
  bannedTransitive: (id, via, pattern, reason) => `${id} llega a través de ${list(via)} (${pattern}: ${esReason(reason)})`,
  bannedReasons: {
    'in-process job scheduler': 'planificador de jobs en proceso',
    'in-process task scheduler': 'planificador de tareas en proceso',
    'in-process cron scheduler': 'planificador cron en proceso',
    'cron evaluation for in-process scheduling': 'evaluación de cron para planificar en proceso',
  },
  notJson: 'no es JSON válido',
  solutionOutside: (project) => `incluye ${project}, fuera de la carpeta analizada: no se revisa`,
  usingDirective: (directive) => `directiva ${directive}`,
  schedulerName: (written) => `uso de ${written}`,
  resolvesTo: (written, target) => `${written} se resuelve como ${target}`,
  timerUse: (type) => `campo, variable o construcción de ${type}`,
  timerAlias: (written, type) => `${written} es ${type}`,
  backgroundLoop: (cls) => `${cls ?? 'un servicio hospedado'} espera con Task.Delay/PeriodicTimer dentro de un bucle`,
  jobNotRegistered: (job, registered) => `el job '${job}' no está registrado en la aplicación (jobs.Add<…>("${job}")); registrados: ${list(registered) || 'ninguno'}`,
  apiDeprecated: (kind, apiVersion, replacement) => `${kind} ${apiVersion} está obsoleto: usa ${replacement}`,
  apiRemoved: (kind, apiVersion, removedIn, replacement) => `${kind} ${apiVersion} se eliminó en Kubernetes ${removedIn}: usa ${replacement}`,
  gracePeriodEnv: (object, env, value, grace) => `${object}: ${env} vale ${JSON.stringify(value)} pero terminationGracePeriodSeconds del pod es ${grace}`,
  validator: (f) => `${f.object} ${f.path}: ${f.messageEs ?? f.message}`,
  helmTemplates: 'las plantillas de un chart de Helm son plantillas de Go: se omiten (los archivos de values se siguen revisando en busca de secretos)',
  kustomizeRaw: 'no se encontró kubectl: las carpetas de kustomize se leyeron sin renderizar (se respetan las imágenes fijadas en kustomization.yaml)',
  kustomizeFailed: (error) => `kubectl kustomize falló; archivos leídos sin renderizar: ${error}`,
  yamlInvalid: (line, error) => `YAML no válido en la línea ${line}: ${error}`,
  xssProtection: (value) => `X-XSS-Protection ${JSON.stringify(value)} está obsoleta: omítela o envía "0"`,
  featurePolicy: 'Feature-Policy ha sido sustituida por Permissions-Policy',
  setCookie: 'Set-Cookie en el ingress: los atributos de las cookies son cosa de la aplicación',
  headersMissing: (object, headers, source) => `${object} no envía ${list(headers)} (${source})`,
  customHeadersConfigMap: (ref) => `ConfigMap de custom-headers ${ref}`,
  noCustomHeaders: 'sin anotación custom-headers',
  responseHeaderModifier: 'filtro ResponseHeaderModifier',
  baseUntagged: (image) => `FROM ${image} no tiene etiqueta (Docker descarga latest)`,
  baseLatest: (image) => `FROM ${image}:latest usa la etiqueta latest`,
  singleStage: 'un solo FROM: el SDK y el código fuente van en la imagen',
  buildImageFinal: (image) => `la etapa final se ejecuta sobre ${image}, una imagen de compilación`,
  noUser: 'la etapa final no tiene USER: el contenedor se ejecuta como root',
  userNotNumeric: (user) => `USER ${user} no es numérico: Kubernetes no puede verificar runAsNonRoot`,
  userRoot: 'USER 0 es root',
  noDockerignore: (path) => `no hay ${path}: bin/, obj/, .git y la configuración local entran en el contexto de compilación`,
  secretOnCommandLine: (name, length) => `${name} recibe un valor literal en la línea de órdenes (${length} caracteres, no se muestran): crea un Secret y pasa su nombre (agent.keysSecret)`,
  secretKeyFormat: 'un valor con el formato de una clave conocida (no se muestra)',
  secretLiteral: (name, length) => `${name} contiene un valor literal con aspecto de clave (${length} caracteres, no se muestran)`,
  secretRandom: (name, length) => `${name} contiene un token de aspecto aleatorio (${length} caracteres, no se muestran)`,
  exemptionsNotList: 'se esperaba una lista "exemptions:" en el nivel superior',
  exemptionIncomplete: (n, missing) => `a la exención ${n} le falta ${list(missing)}`,
  exemptionExpiresField: 'expires (AAAA-MM-DD)',
  exemptionUnknownRule: (n, rule) => `la exención ${n} nombra la regla desconocida ${JSON.stringify(rule)}`,
  exemptionExpired: (rule, path, date) => `la exención de ${rule} en ${path} caducó el ${date}`,
  driftModified: 'editado a mano; ejecuta npx projen, o expresa el cambio en .projenrc.ts',
  driftMissing: 'falta; ejecuta npx projen, o expresa el cambio en .projenrc.ts',
  driftStale: 'ya no se genera (npx projen lo borra); ejecuta npx projen, o expresa el cambio en .projenrc.ts',
  driftNoProjenrc: (repo) => `${repo} no tiene .projenrc.ts: no es un repositorio de batch-job (ejemplo: batch-job check --drift ruta/al/repo-generado)`,
  driftProjenrcFailed: (output) => `.projenrc.ts falló:\n${output}`,
  folderUnreadable: (code) => `carpeta no legible: ${code}`,
  gitignoreUnreadable: '.gitignore no legible; sus patrones no se aplicaron',
  fileLimit: (max) => `se dejó de listar tras ${max} archivos`,
  symlinkOutside: 'el enlace simbólico apunta fuera de la carpeta analizada; no se sigue',
  symlinkBroken: 'enlace simbólico roto',
  tooLarge: (size, max) => `omitido: ${size} bytes superan el límite de ${max} bytes`,
  binary: 'omitido: contenido binario',
  fileUnreadable: (code) => `no legible: ${code}`,
};

export const checkMessages: Readonly<Record<keyof Bilingual, CheckMessages>> = { en, es };

/** One message in both languages: `say((m) => m.binary)`. */
export function say(pick: (m: CheckMessages) => string): Bilingual {
  return { en: pick(en), es: pick(es) };
}

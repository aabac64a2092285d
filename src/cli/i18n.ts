import type { ProblemCode } from '../errors.js';

export type Lang = 'en' | 'es';

/** `--lang` wins; else the POSIX locale variables, the way `gettext` reads them; else English. */
export function detectLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === 'en' || flag === 'es') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('es') ? 'es' : 'en';
}

type Catalog = {
  problem: Record<ProblemCode, string>;
  example: string;
  warning: string;
  cancelled: string;
  unexpected: string;
  stepFailed: (step: string) => string;
  net8Support: (date: string) => string;
  prompt: {
    directory: string;
    name: string;
    framework: string;
    frameworkHint: string;
    jobs: string;
    jobsHint: string;
    supportEnds: string;
    kind: string;
    kindCronJob: string;
    kindJob: string;
    timeZone: string;
    schedule: string;
    scheduleConfirm: string;
    concurrencyPolicy: string;
    concurrencyForbid: string;
    concurrencyReplace: string;
    concurrencyAllow: string;
    restartPolicy: string;
    restartNever: string;
    restartOnFailure: string;
    namespace: string;
    registry: string;
    exposeHttp: string;
    route: string;
    routeGateway: string;
    routeIngress: string;
    ingressRetired: string;
    ingressHost: string;
    ingressService: string;
    ingressPort: string;
    instanaZone: string;
    instanaCluster: string;
    instanaEndpoint: string;
    ci: string;
    ciGithub: string;
    ciAzure: string;
    ciGitlab: string;
    ciNone: string;
    /** Printed before a job's questions when there are several jobs. */
    jobHeader: (job: string, n: number, total: number) => string;
    /** The prompt library's own words (hint of a list, yes/no) in this language. */
    words: { selectHint: string; yes: string; no: string; yesOption: string; noOption: string; yesKey: string };
  };
  planTitle: (dir: string) => string;
  dryRunNothingWritten: string;
  created: (dir: string) => string;
  /** What the new repository holds, under the "Created" line. */
  createdSummary: (project: string, jobs: readonly string[]) => string;
  installing: (step: string) => string;
  installSkipped: string;
  /** Ctrl+C during npm install / dotnet restore: the repo is complete, these commands finish the set-up. */
  interruptedInstall: (step: string, dir: string, commands: readonly string[]) => string;
  nextSteps: string;
  demoWhere: (dir: string) => string;
  help: string;
};

const en: Catalog = {
  problem: {
    'name-empty': 'is empty; it must be a lowercase DNS-1123 label',
    'name-too-long': 'is longer than 52 characters (the Kubernetes CronJob name limit)',
    'name-invalid': "is not a lowercase DNS-1123 label (a-z, 0-9 and '-', starting and ending with a letter or digit)",
    'name-duplicate': 'is used by two jobs; job names must be unique',
    'framework-unknown': 'is not a supported framework',
    'directory-not-empty': 'is not empty; choose another directory or pass --force to write into it',
    'directory-invalid': 'is not a usable directory',
    'directory-unprintable': 'contains control or invisible characters; use printable characters only',
    'answers-unreadable': 'cannot be read as a JSON answers file',
    'answers-invalid': 'is not a valid answer',
    'option-unknown': 'is not a known option',
    'option-invalid': 'has an invalid value',
    'argument-extra': 'is an unexpected extra argument; give at most one directory',
    'kind-unknown': 'is not a job kind (cronjob or job)',
    'enum-invalid': 'is not one of the allowed values',
    'number-invalid': 'is not a whole number in the allowed range',
    'schedule-invalid': 'is a schedule Kubernetes would reject',
    'time-zone-invalid': 'is not a time zone Kubernetes accepts (an IANA name such as Europe/Madrid)',
    'option-conflict': 'conflicts with another option',
    'secret-literal': 'looks like a secret; reference a Kubernetes Secret instead of writing its value',
    'image-tag-invalid': 'is not a pinned image tag (a version or commit SHA, never latest)',
    'registry-invalid': 'is not an image registry path (host[/path], no scheme, no tag)',
    'host-invalid': 'is not a DNS host name',
    'port-invalid': 'is not a port number (1-65535)',
    'env-name-invalid': 'is not an environment variable name',
    'key-material': 'looks like key material and was refused (nothing written); put the key in a Secret created from standard input',
  },
  example: 'example',
  warning: 'Warning',
  cancelled: 'Cancelled: nothing was written.',
  unexpected: 'Unexpected error',
  stepFailed: (step) => `${step} failed. Its output ends with:`,
  net8Support: (date) =>
    `Note: .NET 8 left Microsoft support on ${date}. The policy still defaults to net8.0; pass --framework net10.0 to target .NET 10 (LTS).`,
  prompt: {
    directory: 'Directory to create',
    name: 'Repository and app name (lowercase, a-z 0-9 -, at most 52)',
    framework: 'Target framework',
    frameworkHint: '.NET 8 is out of support since 2026-11-10; .NET 10 is the current LTS',
    jobs: 'Job names, comma-separated',
    jobsHint: 'each becomes a job class; Kubernetes selects it by argument',
    supportEnds: 'support ends',
    kind: 'How does this job run?',
    kindCronJob: 'CronJob: on a schedule',
    kindJob: 'Job: once, when applied',
    timeZone: 'Time zone of the schedule (IANA name)',
    schedule: 'Schedule (cron: minute hour day-of-month month day-of-week, or @daily…)',
    scheduleConfirm: 'Use this schedule?',
    concurrencyPolicy: 'When a run is due and the previous one still runs',
    concurrencyForbid: 'Forbid: skip the new run (safe default)',
    concurrencyReplace: 'Replace: stop the old run, start the new one',
    concurrencyAllow: 'Allow: run both at once (the job must tolerate overlap)',
    restartPolicy: 'Pod restart policy',
    restartNever: 'Never: a pod failure policy fails the Job at once on exit code 2 (invalid configuration)',
    restartOnFailure:
      'OnFailure: restarts the container in place; Kubernetes allows no pod failure policy then, so exit code 2 is retried like any failure',
    namespace: 'Kubernetes namespace',
    registry: 'Image registry (host/path)',
    exposeHttp: 'Does this repo also serve a web front to expose over HTTP?',
    route: 'How to expose it',
    routeGateway: 'Gateway API HTTPRoute (headers by ResponseHeaderModifier)',
    routeIngress: 'Ingress (ingress-nginx, headers by custom-headers ConfigMap)',
    ingressRetired: 'ingress-nginx was retired in March 2026 (no more fixes, security ones included); prefer --route gateway (Gateway API HTTPRoute)',
    ingressHost: 'Public host name',
    ingressService: 'Service to route to',
    ingressPort: 'Service port',
    instanaZone: 'Instana zone (zone.name)',
    instanaCluster: 'Cluster name in Instana (cluster.name)',
    instanaEndpoint: 'Instana backend endpoint (host:port); the agent key is never asked: it goes into a Secret',
    ci: 'CI system for the pipelines',
    ciGithub: 'GitHub Actions, with Dependabot and policy-update pull requests',
    ciAzure: 'Azure Pipelines',
    ciGitlab: 'GitLab CI',
    ciNone: 'none: no pipeline files',
    jobHeader: (job, n, total) => `Job ${n} of ${total}: ${job}`,
    words: { selectHint: '↑/↓ to choose, Enter to confirm', yes: 'yes', no: 'no', yesOption: '(Y/n)', noOption: '(y/N)', yesKey: 'y' },
  },
  planTitle: (dir) => `Plan for ${dir}:`,
  dryRunNothingWritten: 'Dry run: nothing was written.',
  created: (dir) => `Created ${dir}`,
  createdSummary: (project, jobs) =>
    `  .NET app ${project} with ${jobs.length === 1 ? 'job' : 'jobs'} ${jobs.join(', ')}, its tests, a Dockerfile and Kubernetes manifests in deploy/k8s (.projenrc.ts defines them)`,
  installing: (step) => `Running ${step}…`,
  installSkipped: 'Skipped npm install and dotnet restore (--no-install).',
  interruptedInstall: (step, dir, commands) =>
    `Interrupted during ${step}. The repository in ${dir} is complete; to finish setting it up, run:\n  cd ${dir}\n${commands.map((c) => `  ${c}`).join('\n')}`,
  nextSteps: 'Next steps:',
  demoWhere: (dir) => `Demo repository generated in ${dir}`,
  help: `Usage: create-batch-job [directory] [options]

Creates a .NET console job repository run by Kubernetes Jobs/CronJobs, kept in sync with the batch-job policy.

Options:
  -y, --yes               use defaults for every question not answered by a flag (default: off)
      --name <name>       repository and app name, a lowercase DNS-1123 label ≤ 52 chars (default: the directory name)
      --framework <tfm>   net8.0 | net10.0 (default: the policy's, net8.0)
      --job <name>        a job the app hosts; repeat for several (default: one job named like the repo)
      --kind <k>          first job: cronjob | job (default: cronjob; the prompts ask for every job)
      --schedule <cron>   first job's schedule, 5 fields or @daily… (default: "0 2 * * *")
      --time-zone <tz>    IANA time zone of the schedule (default: Etc/UTC)
      --concurrency-policy <p>  Forbid | Replace | Allow (default: Forbid)
      --restart-policy <p>      Never | OnFailure (default: Never; OnFailure allows no pod failure policy)
      --namespace <ns>    Kubernetes namespace (default: the name)
      --registry <r>      image registry host/path (default: registry.example.com/batch)
      --image-tag <t>     image tag to deploy, never latest (default: 0.1.0)
      --ingress-host <h>, --ingress-service <s>, --ingress-port <p>
                          expose a web front of this repo over HTTP, all three together (default: not exposed)
      --route <r>         gateway (HTTPRoute) | ingress (ingress-nginx, retired March 2026) (default: gateway)
      --gateway-namespace <ns>  namespace of the shared Gateway (default: gateway-system)
      --gateway-section <name>  HTTPS listener of the Gateway the route attaches to (default: https)
      --instana-zone <z>, --instana-cluster <c>, --instana-endpoint <host:port>
                          Instana agent Helm values (deploy/instana/values.yaml; the key stays in a Secret)
                          (default: batch-jobs, batch-jobs-cluster, ingress-red-saas.instana.io:443)
      --no-instana        leave the Instana values file out (default: written)
      --ci <system>       github | azure | gitlab | none: CI pipeline files to write (default: github)
      --runtime-image <i> default | chiseled: final image of the Dockerfile; chiseled has no shell and no ICU
                          (invariant globalization) (default: default)
      --lang <en|es>      language of messages and samples (default: from LANG, else en)
      --answers <file>    JSON file with answers ({"name": ..., "jobs": [{"name": ..., "schedule": ...}]}) (default: none)
      --dry-run           print the create/update/delete plan and write nothing (default: off)
      --force             write into a non-empty directory, overwriting generated paths (default: off)
      --no-install        skip npm install and dotnet restore (default: install)
      --[no-]interactive  ask questions (default: only when stdin is a terminal and --yes is absent)
      --demo              generate the default repository into a new temporary folder and print where (default: off)
      --self-spec <spec>  npm spec installed as this package, for unpublished builds (default: packed from a checkout, else the registry)
  -h, --help              show this help (default: off)
  -v, --version           show the version (default: off)

Without a terminal (CI, pipes) it never prompts: flags, the answers file and defaults decide.
Exit codes: 0 done, 1 unexpected failure, 2 invalid input (nothing written), 130 cancelled (nothing written).`,
};

const es: Catalog = {
  problem: {
    'name-empty': 'está vacío; debe ser una etiqueta DNS-1123 en minúsculas',
    'name-too-long': 'tiene más de 52 caracteres (el límite de nombre de un CronJob de Kubernetes)',
    'name-invalid': "no es una etiqueta DNS-1123 en minúsculas (a-z, 0-9 y '-', empezando y terminando en letra o dígito)",
    'name-duplicate': 'lo usan dos jobs; los nombres de job deben ser únicos',
    'framework-unknown': 'no es un framework soportado',
    'directory-not-empty': 'no está vacío; elige otro directorio o usa --force para escribir en él',
    'directory-invalid': 'no es un directorio utilizable',
    'directory-unprintable': 'contiene caracteres de control o invisibles; usa solo caracteres imprimibles',
    'answers-unreadable': 'no se puede leer como archivo JSON de respuestas',
    'answers-invalid': 'no es una respuesta válida',
    'option-unknown': 'no es una opción conocida',
    'option-invalid': 'tiene un valor no válido',
    'argument-extra': 'es un argumento de más; indica como mucho un directorio',
    'kind-unknown': 'no es un tipo de job (cronjob o job)',
    'enum-invalid': 'no es uno de los valores permitidos',
    'number-invalid': 'no es un número entero en el rango permitido',
    'schedule-invalid': 'es una planificación que Kubernetes rechazaría',
    'time-zone-invalid': 'no es una zona horaria que Kubernetes acepte (un nombre IANA como Europe/Madrid)',
    'option-conflict': 'entra en conflicto con otra opción',
    'secret-literal': 'parece un secreto; referencia un Secret de Kubernetes en lugar de escribir su valor',
    'image-tag-invalid': 'no es una etiqueta de imagen fijada (una versión o SHA de commit, nunca latest)',
    'registry-invalid': 'no es una ruta de registro de imágenes (host[/ruta], sin esquema ni etiqueta)',
    'host-invalid': 'no es un nombre de host DNS',
    'port-invalid': 'no es un número de puerto (1-65535)',
    'env-name-invalid': 'no es un nombre de variable de entorno',
    'key-material': 'parece material de clave y se rechazó (no se escribió nada); guarda la clave en un Secret creado desde la entrada estándar',
  },
  example: 'ejemplo',
  warning: 'Aviso',
  cancelled: 'Cancelado: no se escribió nada.',
  unexpected: 'Error inesperado',
  stepFailed: (step) => `${step} falló. Su salida termina con:`,
  net8Support: (date) =>
    `Nota: .NET 8 dejó de tener soporte de Microsoft el ${date}. La política aún usa net8.0 por defecto; usa --framework net10.0 para .NET 10 (LTS).`,
  prompt: {
    directory: 'Directorio a crear',
    name: 'Nombre del repositorio y de la app (minúsculas, a-z 0-9 -, máximo 52)',
    framework: 'Framework de destino',
    frameworkHint: '.NET 8 no tiene soporte desde el 2026-11-10; .NET 10 es la LTS actual',
    jobs: 'Nombres de los jobs, separados por comas',
    jobsHint: 'cada uno será una clase job; Kubernetes lo elige por argumento',
    supportEnds: 'fin de soporte',
    kind: '¿Cómo se ejecuta este job?',
    kindCronJob: 'CronJob: según una planificación',
    kindJob: 'Job: una vez, al aplicarlo',
    timeZone: 'Zona horaria de la planificación (nombre IANA)',
    schedule: 'Planificación (cron: minuto hora día-del-mes mes día-de-la-semana, o @daily…)',
    scheduleConfirm: '¿Usar esta planificación?',
    concurrencyPolicy: 'Cuando toca una ejecución y la anterior sigue en curso',
    concurrencyForbid: 'Forbid: se omite la nueva (opción segura)',
    concurrencyReplace: 'Replace: se detiene la anterior y empieza la nueva',
    concurrencyAllow: 'Allow: ambas a la vez (el job debe tolerar solapes)',
    restartPolicy: 'Política de reinicio del pod',
    restartNever: 'Never: una pod failure policy hace fallar el Job al instante con el código 2 (configuración no válida)',
    restartOnFailure:
      'OnFailure: reinicia el contenedor en el sitio; Kubernetes no admite entonces pod failure policy, así que el código 2 se reintenta como cualquier fallo',
    namespace: 'Namespace de Kubernetes',
    registry: 'Registro de imágenes (host/ruta)',
    exposeHttp: '¿Este repositorio sirve además un front web que haya que exponer por HTTP?',
    route: 'Cómo exponerlo',
    routeGateway: 'HTTPRoute de Gateway API (cabeceras con ResponseHeaderModifier)',
    routeIngress: 'Ingress (ingress-nginx, cabeceras con el ConfigMap de custom-headers)',
    ingressRetired: 'ingress-nginx se retiró en marzo de 2026 (sin más correcciones, tampoco de seguridad); mejor --route gateway (HTTPRoute de Gateway API)',
    ingressHost: 'Nombre de host público',
    ingressService: 'Service de destino',
    ingressPort: 'Puerto del Service',
    instanaZone: 'Zona de Instana (zone.name)',
    instanaCluster: 'Nombre del clúster en Instana (cluster.name)',
    instanaEndpoint: 'Endpoint del backend de Instana (host:puerto); la clave del agente no se pregunta: va en un Secret',
    ci: 'Sistema de CI para los pipelines',
    ciGithub: 'GitHub Actions, con Dependabot y pull requests de actualización de la política',
    ciAzure: 'Azure Pipelines',
    ciGitlab: 'GitLab CI',
    ciNone: 'ninguno: sin ficheros de pipeline',
    jobHeader: (job, n, total) => `Job ${n} de ${total}: ${job}`,
    words: { selectHint: '↑/↓ para elegir, Intro para confirmar', yes: 'sí', no: 'no', yesOption: '(S/n)', noOption: '(s/N)', yesKey: 's' },
  },
  planTitle: (dir) => `Plan para ${dir}:`,
  dryRunNothingWritten: 'Simulación: no se escribió nada.',
  created: (dir) => `Creado ${dir}`,
  createdSummary: (project, jobs) =>
    `  App .NET ${project} con ${jobs.length === 1 ? 'el job' : 'los jobs'} ${jobs.join(', ')}, sus tests, un Dockerfile y los manifiestos de Kubernetes en deploy/k8s (los define .projenrc.ts)`,
  installing: (step) => `Ejecutando ${step}…`,
  installSkipped: 'Se omitieron npm install y dotnet restore (--no-install).',
  interruptedInstall: (step, dir, commands) =>
    `Interrumpido durante ${step}. El repositorio en ${dir} está completo; para terminar de prepararlo, ejecuta:\n  cd ${dir}\n${commands.map((c) => `  ${c}`).join('\n')}`,
  nextSteps: 'Siguientes pasos:',
  demoWhere: (dir) => `Repositorio de demostración generado en ${dir}`,
  help: `Uso: create-batch-job [directorio] [opciones]

Crea un repositorio de job de consola .NET ejecutado por Jobs/CronJobs de Kubernetes, sincronizado con la política de jobs batch.

Opciones:
  -y, --yes               usa los valores por defecto en las preguntas sin flag (por defecto: no)
      --name <nombre>     nombre del repositorio y la app, etiqueta DNS-1123 en minúsculas ≤ 52 (por defecto: el del directorio)
      --framework <tfm>   net8.0 | net10.0 (por defecto: el de la política, net8.0)
      --job <nombre>      un job de la app; repítelo para varios (por defecto: uno con el nombre del repo)
      --kind <k>          primer job: cronjob | job (por defecto: cronjob; las preguntas lo piden para cada job)
      --schedule <cron>   planificación del primer job, 5 campos o @daily… (por defecto: "0 2 * * *")
      --time-zone <tz>    zona horaria IANA de la planificación (por defecto: Etc/UTC)
      --concurrency-policy <p>  Forbid | Replace | Allow (por defecto: Forbid)
      --restart-policy <p>      Never | OnFailure (por defecto: Never; OnFailure no admite pod failure policy)
      --namespace <ns>    namespace de Kubernetes (por defecto: el nombre)
      --registry <r>      registro de imágenes host/ruta (por defecto: registry.example.com/batch)
      --image-tag <t>     etiqueta de imagen a desplegar, nunca latest (por defecto: 0.1.0)
      --ingress-host <h>, --ingress-service <s>, --ingress-port <p>
                          expone por HTTP un front web de este repo, los tres juntos (por defecto: sin exponer)
      --route <r>         gateway (HTTPRoute) | ingress (ingress-nginx, retirado en marzo de 2026) (por defecto: gateway)
      --gateway-namespace <ns>  namespace del Gateway compartido (por defecto: gateway-system)
      --gateway-section <nombre>  listener HTTPS del Gateway al que se une la ruta (por defecto: https)
      --instana-zone <z>, --instana-cluster <c>, --instana-endpoint <host:puerto>
                          valores Helm del agente de Instana (deploy/instana/values.yaml; la clave queda en un Secret)
                          (por defecto: batch-jobs, batch-jobs-cluster, ingress-red-saas.instana.io:443)
      --no-instana        no generar el fichero de valores de Instana (por defecto: se genera)
      --ci <sistema>      github | azure | gitlab | none: ficheros de pipeline de CI a escribir (por defecto: github)
      --runtime-image <i> default | chiseled: imagen final del Dockerfile; chiseled no tiene shell ni ICU
                          (globalización invariante) (por defecto: default)
      --lang <en|es>      idioma de los mensajes y ejemplos (por defecto: según LANG, si no en)
      --answers <archivo> archivo JSON con respuestas ({"name": ..., "jobs": [{"name": ..., "schedule": ...}]}) (por defecto: ninguno)
      --dry-run           muestra el plan de crear/actualizar/borrar y no escribe nada (por defecto: no)
      --force             escribe en un directorio no vacío, sobrescribiendo las rutas generadas (por defecto: no)
      --no-install        omite npm install y dotnet restore (por defecto: se instalan)
      --[no-]interactive  hace preguntas (por defecto: solo con un terminal en stdin y sin --yes)
      --demo              genera el repositorio por defecto en una carpeta temporal nueva y dice dónde (por defecto: no)
      --self-spec <spec>  spec de npm que se instala como este paquete, para builds sin publicar (por defecto: empaquetado desde el código fuente, si no el registro)
  -h, --help              muestra esta ayuda (por defecto: no)
  -v, --version           muestra la versión (por defecto: no)

Sin terminal (CI, tuberías) nunca pregunta: deciden los flags, el archivo de respuestas y los valores por defecto.
Códigos de salida: 0 hecho, 1 fallo inesperado, 2 entrada no válida (nada escrito), 130 cancelado (nada escrito).`,
};

export const catalogs: Record<Lang, Catalog> = { en, es };
export type Messages = Catalog;

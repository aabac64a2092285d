import type { AppChoiceError, NotCandidateReason } from '../adopt/choose.js';
import type { HeldReason } from '../adopt/job-host.js';
import type { Lang } from './i18n.js';

/** User-facing text of the `batch-job` bin, in English and Spanish. */
export interface BatchJobMessages {
  help: string;
  /** `batch-job <command> --help`: every flag with its default. */
  commandHelp: { check: string; adopt: string; migrate: string; version: string };
  drift: { modified: string; missing: string; stale: string };
  keepChange: (hint: string) => string;
  driftCount: (n: number) => string;
  hintStructured: (path: string) => string;
  hintText: string;
  adopting: (repo: string) => string;
  labels: {
    solutions: string;
    projects: string;
    candidates: string;
    app: string;
    framework: string;
    centralPackages: string;
    dockerfile: string;
    manifests: string;
    ci: string;
    none: string;
  };
  frameworkFrom: (tfm: string, file: string) => string;
  askApp: (count: number) => string;
  /** The one-line refusal for each {@link AppChoiceError} (exit 2). */
  appChoice: (error: AppChoiceError) => string;
  unresolvedImport: (what: string) => string;
  missingProject: (path: string) => string;
  propsShadowed: (nested: string) => string;
  unreadableFile: (path: string, reason: string) => string;
  policyDefaultFramework: (tfm: string, appHasOne: boolean) => string;
  banned: (policyVersion: string) => string;
  bannedNext: string;
  /** Heading of the app's schedules found by the migrate scan. */
  schedules: (app: string, found: number, exact: number, scanned: number) => string;
  /** One schedule: where, what, and the CronJob it becomes. */
  schedule: (where: string, library: string, id: string, source: string, cron: string | null, zone: string | null, exact: boolean) => string;
  scheduleDecide: (decision: string) => string;
  scheduleNotScanned: (where: string, message: string) => string;
  /** Why the schedules were not written to `.projenrc.ts`, and what to do next. */
  schedulesHeld: (ready: number, found: number, repo: string) => string;
  /** With a job host: the schedules that wait for a decision, and how they get in once it is made. */
  schedulesUndecided: (ready: number, found: number, repo: string) => string;
  /** The job host added next to the app: its project, the projects it references, the jobs written. */
  jobHostAdded: (project: string, references: readonly string[], classes: number) => string;
  /** One schedule not added to the job host, and the step that lets it in. */
  jobHeld: (where: string, job: string, reason: HeldReason) => string;
  replaced: (path: string) => string;
  kept: (path: string) => string;
  dryRun: string;
  adoptNext: string;
  unknownCommand: (command: string) => string;
  unexpected: string;
}

/** The line that makes a nested Directory.Build.props import the one above it. */
const CHAIN = `<Import Project="$([MSBuild]::GetPathOfFileAbove('Directory.Build.props', '$(MSBuildThisFileDirectory)../'))" />`;

const unreadableEn = (e: AppChoiceError) => (e.unreadable.length > 0 ? `; could not read: ${e.unreadable.join(', ')}` : '');
const unreadableEs = (e: AppChoiceError) => (e.unreadable.length > 0 ? `; no se pudo leer: ${e.unreadable.join(', ')}` : '');

const notCandidateEn: Record<NotCandidateReason, string> = {
  'not-found': 'no such project in the repository',
  'not-in-solution': 'not listed in the solution',
  unreadable: 'its project file could not be read',
  library: 'a class library (no OutputType Exe)',
  test: 'a test project',
  'aspire-host': 'an Aspire AppHost (it orchestrates other apps)',
  'browser-app': 'a Blazor WebAssembly app (it runs in a browser)',
};

const notCandidateEs: Record<NotCandidateReason, string> = {
  'not-found': 'no existe ese proyecto en el repositorio',
  'not-in-solution': 'no figura en la solución',
  unreadable: 'no se pudo leer su archivo de proyecto',
  library: 'una biblioteca de clases (sin OutputType Exe)',
  test: 'un proyecto de tests',
  'aspire-host': 'un AppHost de Aspire (orquesta otras apps)',
  'browser-app': 'una app Blazor WebAssembly (se ejecuta en un navegador)',
};

const en: BatchJobMessages = {
  help: `Usage: batch-job <command> [options]

Commands:
  check [paths…]        the policy's compliance review: banned scheduling packages (csproj, central packages,
                        lock and assets files), in-process scheduling in C# (tree-sitter), Kubernetes manifests
                        (schema, apiserver, Pod Security, practices, removed apiVersions), Ingress headers,
                        Dockerfiles and key material. No path: the current directory; several paths or a folder
                        of git repositories: one report each plus a summary table. Rules: docs/rules/.
                        --format text|json|sarif (default text), --output <file>,
                        --fail-on error|warning|never (default error; exit 1 when reached, 2 on usage errors),
                        --drift also compares the managed files with .projenrc.ts (each drift with its diff).
                        Waivers: batch-job.exemptions.yaml (rule, path glob, justification, expires).
  adopt [dir]           take an existing .NET repo under the policy: detect its app, framework, Dockerfile,
                        manifests and CI; write .projenrc.ts and the managed files. Existing files the policy
                        would change are kept (shown as diffs, left unmanaged) unless --force, which backs
                        them up as <file>.pre-adopt. --dry-run writes nothing; --name sets the repo name;
                        --app <csproj> chooses the app when several qualify (asked on a terminal).
  migrate [dir]         find recurring schedules (Hangfire, Quartz.NET, NCronJob, Coravel, hosted-service loops)
                        and convert each to a CronJob schedule + time zone, exact only when the fire times agree
                        over 4 years; otherwise the nearest schedule, why, and the in-job guard. --format text|json,
                        --output <file>, --write adds the jobs to .projenrc.ts and job classes that call the code.
  version               print the package and policy versions

Options: --lang en|es (default: from LANG, else en); batch-job <command> --help shows a command's flags
To create a repository: npm create batch-job`,
  commandHelp: {
    check: `Usage: batch-job check [paths...] [options]

Reviews one repository, several, or a folder of git repositories against the policy: banned packages, in-process
schedulers in C#, Kubernetes manifests, Ingress headers, Dockerfile, secrets, exemptions (and drift with --drift).
Exit codes: 0 nothing reaches --fail-on, 1 something does, 2 invalid input.

Options:
      --format <f>        text | json | sarif (default: text)
  -o, --output <file>     write the report to a file instead of stdout (default: stdout)
      --fail-on <level>   error | warning | never (default: error)
      --drift             also compare managed files with .projenrc.ts and the installed policy (default: off)
      --lang <en|es>      language of messages (default: from LANG, else en)
  -h, --help              show this help (default: off)
Arguments:
  paths                   folders to check (default: the current directory)`,
    adopt: `Usage: batch-job adopt [dir] [options]

Takes an existing .NET repository under the policy: detects its app, framework, Dockerfile, manifests and CI, then
writes .projenrc.ts and the managed files. Existing files the policy would change are kept and shown as diffs.

Options:
      --app <csproj>      the app to run as a job when several qualify (Web, Worker or OutputType Exe projects
                          outside tests); a terminal asks, elsewhere adopt exits 2 listing them (default: the only app)
      --name <name>       repository name, a lowercase DNS-1123 label (default: the folder's name)
      --job-host          add a managed console job host next to the app (<App>.Jobs), so each CronJob runs one job
                          (default: on when the app has in-process schedules, off otherwise)
      --force             replace differing existing files, backing each up as <file>.pre-adopt (default: off)
      --dry-run           print what would change and write nothing (default: off)
      --lang <en|es>      language of messages (default: from LANG, else en)
  -h, --help              show this help (default: off)
Arguments:
  dir                     repository to adopt (default: the current directory)`,
    migrate: `Usage: batch-job migrate [dir] [options]

Finds the recurring schedules of Hangfire, Quartz.NET, NCronJob, Coravel and hosted-service loops (C# parsed with
tree-sitter, names resolved through usings) and converts each to a Kubernetes CronJob schedule and time zone. A
conversion is exact only when both dialects' fire times agree over 4 years; otherwise the report gives the reason,
the nearest schedule and the in-job guard. Zones or schedules from configuration or chosen at run time are decisions
for you. Exit codes: 0 done, 1 some files could not be scanned, 2 invalid input (nothing written).

Options:
      --format <f>        text | json (default: text)
  -o, --output <file>     write the report to a file instead of stdout (default: stdout)
      --write             add the jobs to .projenrc.ts and a job class per schedule that calls the original code
                          through dependency injection; registration lines are listed, never deleted (default: off)
      --lang <en|es>      language of messages (default: from LANG, else en)
  -h, --help              show this help (default: off)
Arguments:
  dir                     repository to scan (default: the current directory)`,
    version: `Usage: batch-job version

Prints the package and policy versions.

Options:
      --lang <en|es>      language of messages (default: from LANG, else en)
  -h, --help              show this help (default: off)`,
  },
  drift: { modified: 'edited by hand', missing: 'missing', stale: 'no longer generated (run npx projen to delete it)' },
  keepChange: (hint) => `  To keep this change, ${hint}.`,
  driftCount: (n) => `${n} managed file(s) drifted. Run npx projen to restore them.`,
  hintStructured: (path) =>
    `express it in .projenrc.ts, e.g. a job option, or project.tryFindObjectFile('${path}')?.addOverride('<field.path>', <value>); then run npx projen`,
  hintText: 'express it in .projenrc.ts (options of BatchJobProject), then run npx projen; managed files are rebuilt whole',
  adopting: (repo) => `Adopting ${repo}`,
  labels: {
    solutions: 'solution(s)',
    projects: 'projects',
    candidates: 'candidates',
    app: 'app',
    framework: 'framework',
    centralPackages: 'central packages',
    dockerfile: 'Dockerfile',
    manifests: 'manifests',
    ci: 'CI',
    none: 'none',
  },
  frameworkFrom: (tfm, file) => `${tfm} from ${file}`,
  askApp: (n) => `${n} apps can run as a job. Which one does this repository adopt?`,
  appChoice: (e) => {
    const example = `batch-job adopt --app ${e.candidates[0] ?? 'src/Worker/Worker.csproj'}`;
    const candidates = e.candidates.join(', ') || 'none';
    switch (e.problem) {
      case 'ambiguous':
        return `--app is required: ${e.candidates.length} apps can run as a job (candidates: ${candidates}) (example: ${example})`;
      case 'not-candidate':
        return `--app ${JSON.stringify(e.given)} is not an app that can run as a job: ${notCandidateEn[e.reason!]}${unreadableEn(e)} (candidates: ${candidates}) (example: ${example})`;
      case 'none':
        return `no app to run as a job: none of the ${e.projectCount} project(s) is an executable outside tests (OutputType Exe, or the Microsoft.NET.Sdk.Web/Worker SDK) in the solution${unreadableEn(e)} (example: <OutputType>Exe</OutputType>)`;
      case 'already-adopted':
        return 'the directory already has a .projenrc.ts: it is adopted already, and one repository holds one app (see README, "Monorepos"); change .projenrc.ts and run npx projen instead (example: npx projen)';
    }
  },
  unresolvedImport: (what) => `  note: import not followed: ${what}; properties set there are not known to adopt`,
  missingProject: (path) => `  note: the solution lists ${path}, which is not on disk`,
  unreadableFile: (path, reason) => `  note: ${path} could not be read (${reason}); it was left out`,
  propsShadowed: (nested) =>
    `  note: ${nested} is the app's nearest Directory.Build.props and does not import the root one, so the policy's (analyzers, warnings as errors) will not reach the app; chain it with ${CHAIN}`,
  policyDefaultFramework: (tfm, appHasOne) => `${tfm} (policy default; ${appHasOne ? "the app's is not supported" : 'the app sets none'})`,
  banned: (v) => `Banned scheduling packages (policy ${v}): the build fails until they are removed.`,
  bannedNext: '  Move each recurring job to a CronJob in .projenrc.ts (batch-job migrate converts their schedules).',
  schedules: (app, found, exact, scanned) =>
    found === 0 ? `Recurring schedules in ${app}: none found (${scanned} C# file(s) scanned).` : `Recurring schedules in ${app}: ${found} found (${exact} exact), as batch-job migrate converts them:`,
  schedule: (where, library, id, source, cron, zone, exact) =>
    `  ${where}  ${library}  ${id}  ${source} -> ${cron === null ? 'cannot be converted' : `CronJob ${cron}, time zone ${zone ?? '(your decision)'}, ${exact ? 'exact' : 'NOT exact'}`}`,
  scheduleDecide: (d) => `    decide: ${d}`,
  scheduleNotScanned: (where, message) => `  not scanned: ${where}: ${message}`,
  schedulesHeld: (ready, found, repo) =>
    `  Not written to .projenrc.ts (${ready} of ${found} ready, the rest need the decisions above): an adopted app keeps its own command line and has no job host that runs one job per CronJob, so each CronJob would start the whole app. Next: batch-job migrate ${repo} shows the full report (reasons, guards, registration lines to remove); README, "Schedules of an adopted app", gives the steps.`,
  jobHostAdded: (project, references, classes) =>
    `  Job host: ${project} (managed JobHost.cs; CronJobs run it with the job name as argument)${references.length > 0 ? `, referencing ${references.join(', ')}` : ''}. ${classes > 0 ? `${classes} migrated job(s) written to .projenrc.ts, each with a job class in Jobs/Migrated registered in its Program.cs; remove the app's old registrations (batch-job migrate lists them) once the CronJobs run.` : 'Its Program.cs registers a sample job class per job of .projenrc.ts: replace the sample work with the job code.'}`,
  jobHeld: (where, job, reason) => {
    switch (reason.kind) {
      case 'in-app':
        return `  ${where}: ${job} not added to the job host: ${reason.type} is declared in the app (${reason.file}), which the job host cannot reference (it brings the banned scheduler). Next: move ${reason.type} into a library project, reference it from the app and from the job host, then run batch-job migrate --write and register the class it writes in the job host's Program.cs.`;
      case 'banned-project':
        return `  ${where}: ${job} not added to the job host: ${reason.type} lives in a project that brings a banned package (${reason.project}). Next: move ${reason.type} into a library project without it, reference that from the job host, then run batch-job migrate --write and register the class it writes in the job host's Program.cs.`;
      case 'not-one-call':
        return `  ${where}: ${job} not added to the job host: its work is not one call (${reason.invoked}). Next: write the job class by hand and add the job to .projenrc.ts.`;
      case 'no-job-host':
        return `  ${where}: ${job} not written: without a job host (--job-host) each CronJob would start the whole app.`;
    }
  },
  schedulesUndecided: (ready, found, repo) =>
    `  ${found - ready} of ${found} not written to .projenrc.ts yet: they need the decisions above. Settle each in the code, then batch-job migrate ${repo} --write adds it to .projenrc.ts with its job class in the job host.`,
  replaced: (path) => `${path}: replaced by the policy's version (backup: ${path}.pre-adopt)`,
  kept: (path) => `${path}: kept as it is (unmanaged; --force replaces it). The policy's version differs:`,
  dryRun: 'Dry run: nothing was written.',
  adoptNext: 'Next: npm install && npx projen (re-sync), then dotnet build.',
  unknownCommand: (c) => `command ${JSON.stringify(c)} is not a batch-job command (example: batch-job --help)`,
  unexpected: 'Unexpected error',
};

const es: BatchJobMessages = {
  help: `Uso: batch-job <comando> [opciones]

Comandos:
  check [rutas…]        la revisión de cumplimiento de la política: paquetes de planificación prohibidos (csproj,
                        paquetes centrales, archivos lock y assets), planificación en proceso en C# (tree-sitter),
                        manifiestos de Kubernetes (esquema, apiserver, Pod Security, prácticas, apiVersion
                        eliminados), cabeceras del Ingress, Dockerfiles y material de claves. Sin ruta: la carpeta
                        actual; varias rutas o una carpeta de repositorios git: un informe por cada uno y una
                        tabla resumen. Reglas: docs/rules/.
                        --format text|json|sarif (por defecto text), --output <archivo>,
                        --fail-on error|warning|never (por defecto error; sale con 1 si se alcanza, 2 si el uso
                        es incorrecto), --drift compara además los archivos gestionados con .projenrc.ts (con su diff).
                        Exenciones: batch-job.exemptions.yaml (regla, patrón de ruta, justificación, caducidad).
  adopt [dir]           pone un repositorio .NET existente bajo la política: detecta su app, framework, Dockerfile,
                        manifiestos y CI; escribe .projenrc.ts y los archivos gestionados. Los archivos existentes
                        que la política cambiaría se conservan (se muestran como diffs y quedan sin gestionar)
                        salvo con --force, que guarda una copia <archivo>.pre-adopt. --dry-run no escribe nada;
                        --name fija el nombre del repositorio; --app <csproj> elige la app si hay varias
                        (en una terminal se pregunta).
  migrate [dir]         busca planificaciones recurrentes (Hangfire, Quartz.NET, NCronJob, Coravel, bucles de
                        servicios hospedados) y convierte cada una en planificación + zona horaria de CronJob, exacta
                        solo si las ejecuciones coinciden durante 4 años; si no, la más cercana, el motivo y la guarda
                        dentro del job. --format text|json, --output <archivo>, --write añade los jobs a .projenrc.ts
                        y clases de job que llaman al código.
  version               muestra las versiones del paquete y de la política

Opciones: --lang en|es (por defecto: según LANG, si no en); batch-job <comando> --help muestra sus flags
Para crear un repositorio: npm create batch-job`,
  commandHelp: {
    check: `Uso: batch-job check [rutas...] [opciones]

Revisa uno o varios repositorios, o una carpeta de repositorios git, frente a la política: paquetes prohibidos,
planificadores en C#, manifiestos de Kubernetes, cabeceras de Ingress, Dockerfile, secretos, exenciones (y
desviaciones con --drift). Códigos de salida: 0 nada llega a --fail-on, 1 algo llega, 2 entrada no válida.

Opciones:
      --format <f>        text | json | sarif (por defecto: text)
  -o, --output <archivo>  escribe el informe en un archivo en vez de en stdout (por defecto: stdout)
      --fail-on <nivel>   error | warning | never (por defecto: error)
      --drift             compara también los archivos gestionados con .projenrc.ts y la política (por defecto: no)
      --lang <en|es>      idioma de los mensajes (por defecto: según LANG, si no en)
  -h, --help              muestra esta ayuda (por defecto: no)
Argumentos:
  rutas                   carpetas a comprobar (por defecto: el directorio actual)`,
    adopt: `Uso: batch-job adopt [dir] [opciones]

Pone un repositorio .NET existente bajo la política: detecta su app, framework, Dockerfile, manifiestos y CI, y
escribe .projenrc.ts y los archivos gestionados. Los archivos existentes que la política cambiaría se conservan y se
muestran como diffs.

Opciones:
      --app <csproj>      la app que se ejecuta como job si hay varias (proyectos Web, Worker u OutputType Exe fuera
                          de los tests); en una terminal se pregunta, si no adopt sale con 2 y las lista (por defecto: la única app)
      --name <nombre>     nombre del repositorio, etiqueta DNS-1123 en minúsculas (por defecto: el de la carpeta)
      --job-host          añade junto a la app un host de jobs de consola gestionado (<App>.Jobs), para que cada
                          CronJob ejecute un job (por defecto: sí si la app tiene schedules en proceso, si no, no)
      --force             sustituye los archivos existentes que difieren, con copia <archivo>.pre-adopt (por defecto: no)
      --dry-run           muestra lo que cambiaría y no escribe nada (por defecto: no)
      --lang <en|es>      idioma de los mensajes (por defecto: según LANG, si no en)
  -h, --help              muestra esta ayuda (por defecto: no)
Argumentos:
  dir                     repositorio a adoptar (por defecto: el directorio actual)`,
    migrate: `Uso: batch-job migrate [dir] [opciones]

Busca las planificaciones recurrentes de Hangfire, Quartz.NET, NCronJob, Coravel y bucles de servicios hospedados
(C# analizado con tree-sitter, nombres resueltos con los using) y convierte cada una en planificación y zona horaria
de CronJob. Una conversión es exacta solo si las ejecuciones de ambos dialectos coinciden durante 4 años; si no, el
informe da el motivo, la planificación más cercana y la guarda dentro del job. Las zonas o planificaciones que vienen
de configuración o se eligen en ejecución quedan como decisiones tuyas. Códigos de salida: 0 hecho, 1 algún archivo
no se pudo revisar, 2 entrada no válida (no se escribe nada).

Opciones:
      --format <f>        text | json (por defecto: text)
  -o, --output <archivo>  escribe el informe en un archivo en vez de en stdout (por defecto: stdout)
      --write             añade los jobs a .projenrc.ts y una clase de job por planificación que llama al código
                          original por inyección de dependencias; las líneas de registro se listan, nunca se borran
                          (por defecto: no)
      --lang <en|es>      idioma de los mensajes (por defecto: según LANG, si no en)
  -h, --help              muestra esta ayuda (por defecto: no)
Argumentos:
  dir                     repositorio a revisar (por defecto: el directorio actual)`,
    version: `Uso: batch-job version

Muestra las versiones del paquete y de la política.

Opciones:
      --lang <en|es>      idioma de los mensajes (por defecto: según LANG, si no en)
  -h, --help              muestra esta ayuda (por defecto: no)`,
  },
  drift: { modified: 'editado a mano', missing: 'no existe', stale: 'ya no se genera (ejecuta npx projen para borrarlo)' },
  keepChange: (hint) => `  Para conservar este cambio, ${hint}.`,
  driftCount: (n) => `${n} archivo(s) gestionado(s) desviado(s). Ejecuta npx projen para restaurarlos.`,
  hintStructured: (path) =>
    `exprésalo en .projenrc.ts, p. ej. con una opción del job, o project.tryFindObjectFile('${path}')?.addOverride('<ruta.del.campo>', <valor>); después ejecuta npx projen`,
  hintText: 'exprésalo en .projenrc.ts (opciones de BatchJobProject) y ejecuta npx projen; los archivos gestionados se regeneran enteros',
  adopting: (repo) => `Adoptando ${repo}`,
  labels: {
    solutions: 'solución(es)',
    projects: 'proyectos',
    candidates: 'candidatas',
    app: 'app',
    framework: 'framework',
    centralPackages: 'paquetes centrales',
    dockerfile: 'Dockerfile',
    manifests: 'manifiestos',
    ci: 'CI',
    none: 'ninguno',
  },
  frameworkFrom: (tfm, file) => `${tfm} de ${file}`,
  askApp: (n) => `${n} apps pueden ejecutarse como job. ¿Cuál adopta este repositorio?`,
  appChoice: (e) => {
    const example = `batch-job adopt --app ${e.candidates[0] ?? 'src/Worker/Worker.csproj'}`;
    const candidates = e.candidates.join(', ') || 'ninguna';
    switch (e.problem) {
      case 'ambiguous':
        return `falta --app: ${e.candidates.length} apps pueden ejecutarse como job (candidatas: ${candidates}) (ejemplo: ${example})`;
      case 'not-candidate':
        return `--app ${JSON.stringify(e.given)} no es una app que pueda ejecutarse como job: ${notCandidateEs[e.reason!]}${unreadableEs(e)} (candidatas: ${candidates}) (ejemplo: ${example})`;
      case 'none':
        return `ninguna app puede ejecutarse como job: ninguno de los ${e.projectCount} proyecto(s) de la solución es un ejecutable fuera de los tests (OutputType Exe, o el SDK Microsoft.NET.Sdk.Web/Worker)${unreadableEs(e)} (ejemplo: <OutputType>Exe</OutputType>)`;
      case 'already-adopted':
        return 'la carpeta ya tiene un .projenrc.ts: ya está adoptada, y un repositorio contiene una sola app (ver README, "Monorepos"); cambia .projenrc.ts y ejecuta npx projen (ejemplo: npx projen)';
    }
  },
  unresolvedImport: (what) => `  nota: import no seguido: ${what}; adopt no conoce las propiedades que fija`,
  missingProject: (path) => `  nota: la solución lista ${path}, que no existe en disco`,
  unreadableFile: (path, reason) => `  nota: no se pudo leer ${path} (${reason}); se ha dejado fuera`,
  propsShadowed: (nested) =>
    `  nota: ${nested} es el Directory.Build.props más cercano a la app y no importa el de la raíz, así que el de la política (analizadores, avisos como errores) no llegará a la app; encadénalo con ${CHAIN}`,
  policyDefaultFramework: (tfm, appHasOne) => `${tfm} (el de la política; ${appHasOne ? 'el de la app no está soportado' : 'la app no fija ninguno'})`,
  banned: (v) => `Paquetes de planificación prohibidos (política ${v}): la compilación falla hasta quitarlos.`,
  bannedNext: '  Pasa cada tarea recurrente a un CronJob en .projenrc.ts (batch-job migrate convierte sus planificaciones).',
  schedules: (app, found, exact, scanned) =>
    found === 0 ? `Planificaciones recurrentes en ${app}: ninguna (${scanned} archivo(s) C# revisados).` : `Planificaciones recurrentes en ${app}: ${found} encontradas (${exact} exactas), tal como las convierte batch-job migrate:`,
  schedule: (where, library, id, source, cron, zone, exact) =>
    `  ${where}  ${library}  ${id}  ${source} -> ${cron === null ? 'no se puede convertir' : `CronJob ${cron}, zona horaria ${zone ?? '(decisión tuya)'}, ${exact ? 'exacta' : 'NO exacta'}`}`,
  scheduleDecide: (d) => `    decide: ${d}`,
  scheduleNotScanned: (where, message) => `  no revisado: ${where}: ${message}`,
  schedulesHeld: (ready, found, repo) =>
    `  No se escriben en .projenrc.ts (${ready} de ${found} listas, el resto necesita las decisiones de arriba): una app adoptada conserva su propia línea de órdenes y no tiene un host de jobs que ejecute un job por CronJob, así que cada CronJob arrancaría la app entera. Siguiente: batch-job migrate ${repo} muestra el informe completo (motivos, guardas, registros que eliminar); el README, "Schedules of an adopted app", da los pasos.`,
  jobHostAdded: (project, references, classes) =>
    `  Host de jobs: ${project} (JobHost.cs gestionado; los CronJobs lo ejecutan con el nombre del job como argumento)${references.length > 0 ? `, con referencia a ${references.join(', ')}` : ''}. ${classes > 0 ? `${classes} job(s) migrados escritos en .projenrc.ts, cada uno con una clase de job en Jobs/Migrated registrada en su Program.cs; elimina los registros antiguos de la app (batch-job migrate los lista) cuando los CronJobs funcionen.` : 'Su Program.cs registra una clase de job de ejemplo por cada job de .projenrc.ts: sustituye el trabajo de ejemplo por el código del job.'}`,
  jobHeld: (where, job, reason) => {
    switch (reason.kind) {
      case 'in-app':
        return `  ${where}: ${job} no se añade al host de jobs: ${reason.type} está declarado en la app (${reason.file}), que el host no puede referenciar (trae el planificador prohibido). Siguiente: mueve ${reason.type} a un proyecto de biblioteca, referéncialo desde la app y desde el host de jobs, ejecuta batch-job migrate --write y registra la clase que escribe en el Program.cs del host.`;
      case 'banned-project':
        return `  ${where}: ${job} no se añade al host de jobs: ${reason.type} está en un proyecto que trae un paquete prohibido (${reason.project}). Siguiente: mueve ${reason.type} a un proyecto de biblioteca sin él, referéncialo desde el host de jobs, ejecuta batch-job migrate --write y registra la clase que escribe en el Program.cs del host.`;
      case 'not-one-call':
        return `  ${where}: ${job} no se añade al host de jobs: su trabajo no es una sola llamada (${reason.invoked}). Siguiente: escribe la clase del job a mano y añade el job a .projenrc.ts.`;
      case 'no-job-host':
        return `  ${where}: ${job} no se escribe: sin host de jobs (--job-host) cada CronJob arrancaría la app entera.`;
    }
  },
  schedulesUndecided: (ready, found, repo) =>
    `  ${found - ready} de ${found} aún no se escriben en .projenrc.ts: necesitan las decisiones de arriba. Resuelve cada una en el código y batch-job migrate ${repo} --write la añade a .projenrc.ts con su clase de job en el host de jobs.`,
  replaced: (path) => `${path}: sustituido por la versión de la política (copia: ${path}.pre-adopt)`,
  kept: (path) => `${path}: se conserva tal cual (sin gestionar; --force lo sustituye). La versión de la política difiere:`,
  dryRun: 'Simulación: no se escribió nada.',
  adoptNext: 'Siguiente: npm install && npx projen (resincronizar), después dotnet build.',
  unknownCommand: (c) => `${JSON.stringify(c)} no es un comando de batch-job (ejemplo: batch-job --help)`,
  unexpected: 'Error inesperado',
};

export const batchJobCatalogs: Record<Lang, BatchJobMessages> = { en, es };

import type { Lang } from './i18n.js';

/** User-facing text of the `batch-job` bin, in English and Spanish. */
export interface BatchJobMessages {
  help: string;
  /** `batch-job <command> --help`: every flag with its default. */
  commandHelp: { check: string; adopt: string; version: string };
  drift: { modified: string; missing: string; stale: string };
  keepChange: (hint: string) => string;
  driftCount: (n: number) => string;
  hintStructured: (path: string) => string;
  hintText: string;
  adopting: (repo: string) => string;
  labels: { solutions: string; projects: string; app: string; framework: string; dockerfile: string; manifests: string; ci: string; none: string };
  policyDefaultFramework: (tfm: string) => string;
  banned: (policyVersion: string) => string;
  bannedNext: string;
  replaced: (path: string) => string;
  kept: (path: string) => string;
  dryRun: string;
  adoptNext: string;
  unknownCommand: (command: string) => string;
  unexpected: string;
}

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
                        them up as <file>.pre-adopt. --dry-run writes nothing; --name sets the repo name.
  version               print the package and policy versions

Options: --lang en|es (default: from LANG, else en); batch-job <command> --help shows a command's flags
Planned: migrate (Hangfire/Quartz schedules to CronJobs).
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
      --name <name>       repository name, a lowercase DNS-1123 label (default: derived from the app's project)
      --force             replace differing existing files, backing each up as <file>.pre-adopt (default: off)
      --dry-run           print what would change and write nothing (default: off)
      --lang <en|es>      language of messages (default: from LANG, else en)
  -h, --help              show this help (default: off)
Arguments:
  dir                     repository to adopt (default: the current directory)`,
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
  labels: { solutions: 'solution(s)', projects: 'projects', app: 'app', framework: 'framework', dockerfile: 'Dockerfile', manifests: 'manifests', ci: 'CI', none: 'none' },
  policyDefaultFramework: (tfm) => `${tfm} (policy default; the app's is not supported)`,
  banned: (v) => `Banned scheduling packages (policy ${v}): the build fails until they are removed.`,
  bannedNext: '  Move each recurring job to a CronJob in .projenrc.ts (batch-job migrate will convert their schedules; planned).',
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
                        --name fija el nombre del repositorio.
  version               muestra las versiones del paquete y de la política

Opciones: --lang en|es (por defecto: según LANG, si no en); batch-job <comando> --help muestra sus flags
Previsto: migrate (planificaciones de Hangfire/Quartz a CronJobs).
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
      --name <nombre>     nombre del repositorio, etiqueta DNS-1123 en minúsculas (por defecto: el del proyecto de la app)
      --force             sustituye los archivos existentes que difieren, con copia <archivo>.pre-adopt (por defecto: no)
      --dry-run           muestra lo que cambiaría y no escribe nada (por defecto: no)
      --lang <en|es>      idioma de los mensajes (por defecto: según LANG, si no en)
  -h, --help              muestra esta ayuda (por defecto: no)
Argumentos:
  dir                     repositorio a adoptar (por defecto: el directorio actual)`,
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
  labels: { solutions: 'solución(es)', projects: 'proyectos', app: 'app', framework: 'framework', dockerfile: 'Dockerfile', manifests: 'manifiestos', ci: 'CI', none: 'ninguno' },
  policyDefaultFramework: (tfm) => `${tfm} (el de la política; el de la app no está soportado)`,
  banned: (v) => `Paquetes de planificación prohibidos (política ${v}): la compilación falla hasta quitarlos.`,
  bannedNext: '  Pasa cada tarea recurrente a un CronJob en .projenrc.ts (batch-job migrate convertirá sus planificaciones; previsto).',
  replaced: (path) => `${path}: sustituido por la versión de la política (copia: ${path}.pre-adopt)`,
  kept: (path) => `${path}: se conserva tal cual (sin gestionar; --force lo sustituye). La versión de la política difiere:`,
  dryRun: 'Simulación: no se escribió nada.',
  adoptNext: 'Siguiente: npm install && npx projen (resincronizar), después dotnet build.',
  unknownCommand: (c) => `${JSON.stringify(c)} no es un comando de batch-job (ejemplo: batch-job --help)`,
  unexpected: 'Error inesperado',
};

export const batchJobCatalogs: Record<Lang, BatchJobMessages> = { en, es };

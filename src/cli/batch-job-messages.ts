import type { Lang } from './i18n.js';

/** User-facing text of the `batch-job` bin, in English and Spanish. */
export interface BatchJobMessages {
  help: string;
  /** `batch-job <command> --help`: every flag with its default. */
  commandHelp: { check: string; adopt: string; version: string };
  checkNeedsDrift: string;
  noDrift: (policyVersion: string) => string;
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
  check --drift [dir]   compare the managed files with what .projenrc.ts and the installed policy produce;
                        exit 1 naming each hand-edited, missing or stale file (with its diff)
  adopt [dir]           take an existing .NET repo under the policy: detect its app, framework, Dockerfile,
                        manifests and CI; write .projenrc.ts and the managed files. Existing files the policy
                        would change are kept (shown as diffs, left unmanaged) unless --force, which backs
                        them up as <file>.pre-adopt. --dry-run writes nothing; --name sets the repo name.
  version               print the package and policy versions

Options: --lang en|es (default: from LANG, else en); batch-job <command> --help shows a command's flags
Planned: the full compliance scan (check), migrate (Hangfire/Quartz schedules to CronJobs).
To create a repository: npm create batch-job`,
  commandHelp: {
    check: `Usage: batch-job check --drift [dir]

Compares the managed files of the repository in dir with what .projenrc.ts and the installed policy produce.
Exit codes: 0 no drift, 1 drift found (each file named, with its diff), 2 invalid input.

Options:
      --drift             compare managed files (the only check available yet; required) (default: off)
      --lang <en|es>      language of messages (default: from LANG, else en)
  -h, --help              show this help (default: off)
Arguments:
  dir                     repository to check (default: the current directory)`,
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
  checkNeedsDrift: 'check: only --drift is available yet (example: batch-job check --drift)',
  noDrift: (v) => `No drift: every managed file matches .projenrc.ts with policy ${v}.`,
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
  check --drift [dir]   compara los archivos gestionados con lo que producen .projenrc.ts y la política instalada;
                        sale con 1 nombrando cada archivo editado a mano, ausente u obsoleto (con su diff)
  adopt [dir]           pone un repositorio .NET existente bajo la política: detecta su app, framework, Dockerfile,
                        manifiestos y CI; escribe .projenrc.ts y los archivos gestionados. Los archivos existentes
                        que la política cambiaría se conservan (se muestran como diffs y quedan sin gestionar)
                        salvo con --force, que guarda una copia <archivo>.pre-adopt. --dry-run no escribe nada;
                        --name fija el nombre del repositorio.
  version               muestra las versiones del paquete y de la política

Opciones: --lang en|es (por defecto: según LANG, si no en); batch-job <comando> --help muestra sus flags
Previsto: el análisis de cumplimiento completo (check), migrate (planificaciones de Hangfire/Quartz a CronJobs).
Para crear un repositorio: npm create batch-job`,
  commandHelp: {
    check: `Uso: batch-job check --drift [dir]

Compara los archivos gestionados del repositorio en dir con lo que producen .projenrc.ts y la política instalada.
Códigos de salida: 0 sin desviaciones, 1 hay desviaciones (cada archivo con su diff), 2 entrada no válida.

Opciones:
      --drift             compara los archivos gestionados (la única comprobación por ahora; obligatoria) (por defecto: no)
      --lang <en|es>      idioma de los mensajes (por defecto: según LANG, si no en)
  -h, --help              muestra esta ayuda (por defecto: no)
Argumentos:
  dir                     repositorio a comprobar (por defecto: el directorio actual)`,
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
  checkNeedsDrift: 'check: por ahora solo existe --drift (ejemplo: batch-job check --drift)',
  noDrift: (v) => `Sin desviaciones: todos los archivos gestionados coinciden con .projenrc.ts y la política ${v}.`,
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

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
  };
  planTitle: (dir: string) => string;
  dryRunNothingWritten: string;
  created: (dir: string) => string;
  installing: (step: string) => string;
  installSkipped: string;
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
    'answers-unreadable': 'cannot be read as a JSON answers file',
    'answers-invalid': 'is not a valid answer',
    'option-unknown': 'is not a known option',
    'option-invalid': 'has an invalid value',
    'argument-extra': 'is an unexpected extra argument; give at most one directory',
  },
  example: 'example',
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
  },
  planTitle: (dir) => `Plan for ${dir}:`,
  dryRunNothingWritten: 'Dry run: nothing was written.',
  created: (dir) => `Created ${dir}`,
  installing: (step) => `Running ${step}…`,
  installSkipped: 'Skipped npm install and dotnet restore (--no-install).',
  nextSteps: 'Next steps:',
  demoWhere: (dir) => `Demo repository generated in ${dir}`,
  help: `Usage: create-batch-job [directory] [options]

Creates a .NET console job repository run by Kubernetes Jobs/CronJobs, kept in sync with the batch-job policy.

Options:
  -y, --yes               use defaults for every question not answered by a flag
      --name <name>       repository and app name, a lowercase DNS-1123 label ≤ 52 chars (default: the directory name)
      --framework <tfm>   net8.0 | net10.0 (default: the policy's, net8.0)
      --job <name>        a job the app hosts; repeat for several (default: one job named like the repo)
      --lang <en|es>      language of messages and samples (default: from LANG, else en)
      --answers <file>    JSON file with answers ({"name": ..., "framework": ..., "jobs": [...]})
      --dry-run           print the create/update/delete plan and write nothing
      --force             write into a non-empty directory, overwriting generated paths
      --no-install        skip npm install and dotnet restore
      --[no-]interactive  ask questions (default: only when stdin is a terminal and --yes is absent)
      --demo              generate the default repository into a new temporary folder and print where
  -h, --help              show this help
  -v, --version           show the version

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
    'answers-unreadable': 'no se puede leer como archivo JSON de respuestas',
    'answers-invalid': 'no es una respuesta válida',
    'option-unknown': 'no es una opción conocida',
    'option-invalid': 'tiene un valor no válido',
    'argument-extra': 'es un argumento de más; indica como mucho un directorio',
  },
  example: 'ejemplo',
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
  },
  planTitle: (dir) => `Plan para ${dir}:`,
  dryRunNothingWritten: 'Simulación: no se escribió nada.',
  created: (dir) => `Creado ${dir}`,
  installing: (step) => `Ejecutando ${step}…`,
  installSkipped: 'Se omitieron npm install y dotnet restore (--no-install).',
  nextSteps: 'Siguientes pasos:',
  demoWhere: (dir) => `Repositorio de demostración generado en ${dir}`,
  help: `Uso: create-batch-job [directorio] [opciones]

Crea un repositorio de job de consola .NET ejecutado por Jobs/CronJobs de Kubernetes, sincronizado con la política de jobs batch.

Opciones:
  -y, --yes               usa los valores por defecto en las preguntas sin flag
      --name <nombre>     nombre del repositorio y la app, etiqueta DNS-1123 en minúsculas ≤ 52 (por defecto: el del directorio)
      --framework <tfm>   net8.0 | net10.0 (por defecto: el de la política, net8.0)
      --job <nombre>      un job de la app; repítelo para varios (por defecto: uno con el nombre del repo)
      --lang <en|es>      idioma de los mensajes y ejemplos (por defecto: según LANG, si no en)
      --answers <archivo> archivo JSON con respuestas ({"name": ..., "framework": ..., "jobs": [...]})
      --dry-run           muestra el plan de crear/actualizar/borrar y no escribe nada
      --force             escribe en un directorio no vacío, sobrescribiendo las rutas generadas
      --no-install        omite npm install y dotnet restore
      --[no-]interactive  hace preguntas (por defecto: solo con un terminal en stdin y sin --yes)
      --demo              genera el repositorio por defecto en una carpeta temporal nueva y dice dónde
  -h, --help              muestra esta ayuda
  -v, --version           muestra la versión

Sin terminal (CI, tuberías) nunca pregunta: deciden los flags, el archivo de respuestas y los valores por defecto.
Códigos de salida: 0 hecho, 1 fallo inesperado, 2 entrada no válida (nada escrito), 130 cancelado (nada escrito).`,
};

export const catalogs: Record<Lang, Catalog> = { en, es };
export type Messages = Catalog;

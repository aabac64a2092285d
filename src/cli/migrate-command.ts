import { existsSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInputError } from '../errors.js';
import { buildReport } from '../migrate/report.js';
import { scanRepository } from '../migrate/scan.js';
import { migrateText } from '../migrate/text.js';
import { writeMigration, type WriteResult } from '../migrate/write-back.js';
import { parseCommand } from './batch-job-options.js';
import type { Lang } from './i18n.js';

const FORMATS = ['text', 'json'] as const;

const written = {
  en: (r: WriteResult) =>
    [
      `Wrote ${r.jobs.length} job(s) to .projenrc.ts and ${r.classes.length} job class(es); run npx projen to regenerate the manifests.`,
      ...r.classes.map((c) => `  created ${c}`),
      ...(r.present.length > 0 ? ['Already in .projenrc.ts (written by an earlier run):', ...r.present.map((s) => `  ${s}`)] : []),
      ...(r.skipped.length > 0 ? ['Not written (decide first, then add by hand):', ...r.skipped.map((s) => `  ${s}`)] : []),
      ...(r.register.length > 0 ? ['Register the job classes in the job host (Program.cs):', ...r.register.map((s) => `  ${s}`)] : []),
      'Remove these registrations once the CronJobs run (they were not deleted):',
      ...r.remove.map((s) => `  ${s}`),
    ].join('\n'),
  es: (r: WriteResult) =>
    [
      `Escritos ${r.jobs.length} job(s) en .projenrc.ts y ${r.classes.length} clase(s) de job; ejecuta npx projen para regenerar los manifiestos.`,
      ...r.classes.map((c) => `  creado ${c}`),
      ...(r.present.length > 0 ? ['Ya en .projenrc.ts (de una ejecución anterior):', ...r.present.map((s) => `  ${s}`)] : []),
      ...(r.skipped.length > 0 ? ['No escritos (decide primero y añádelos a mano):', ...r.skipped.map((s) => `  ${s}`)] : []),
      ...(r.register.length > 0 ? ['Registra las clases de job en el host de jobs (Program.cs):', ...r.register.map((s) => `  ${s}`)] : []),
      'Elimina estos registros cuando los CronJobs funcionen (no se han borrado):',
      ...r.remove.map((s) => `  ${s}`),
    ].join('\n'),
};

const incomplete = {
  en: (n: number) => `--write: ${n} file(s) could not be scanned (listed above); nothing was written. Fix them and run again.`,
  es: (n: number) => `--write: ${n} archivo(s) no se pudieron revisar (arriba); no se escribió nada. Corrígelos y vuelve a ejecutar.`,
};

/**
 * `batch-job migrate [dir] [--format text|json] [--output file] [--write]`. Returns the exit code: 0 done, 1 some
 * files could not be scanned (they are reported; with --write nothing is written); bad input throws (exit 2).
 */
export async function runMigrate(argv: string[], lang: Lang, print: (text: string) => void, printError: (text: string) => void): Promise<number> {
  const { values, positionals } = parseCommand('migrate', argv);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new InvalidInputError('enum-invalid', 'format', values.format!, 'batch-job migrate --format json');
  if (positionals.length > 1) throw new InvalidInputError('argument-extra', 'dir', positionals[1]!, 'batch-job migrate path/to/repo');
  const root = resolve(positionals[0] ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new InvalidInputError('directory-invalid', 'dir', positionals[0] ?? '.', 'batch-job migrate path/to/dotnet-repo', 'not a folder');
  const scan = await scanRepository(root);
  if (scan.projects.length === 0 && scan.scanned === 0) {
    throw new InvalidInputError('directory-invalid', 'dir', positionals[0] ?? '.', 'batch-job migrate path/to/dotnet-repo', 'not a .NET repository: no .csproj, .sln, .slnx or .cs file');
  }
  const report = buildReport(root, scan, new Date(), lang);
  const text = format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : migrateText(report, lang);
  if (values.output !== undefined) writeFileSync(values.output, text);
  else print(text);
  if (report.problems.length > 0) {
    if (values.write) printError(`${incomplete[lang](report.problems.length)}\n`);
    return 1;
  }
  // The report is the output; the write summary goes to stderr when stdout carries JSON.
  if (values.write) (format === 'json' || values.output !== undefined ? printError : print)(`${written[lang](writeMigration(root, report, scan.detected))}\n`);
  return 0;
}

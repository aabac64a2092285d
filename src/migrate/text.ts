/** `migrate --format text`: the report grouped by file, labels in English or Spanish. */
import type { Lang } from '../cli/i18n.js';
import type { MigrationReport } from './report.js';

const labels = {
  en: {
    header: (root: string, n: number, exact: number, files: number) => `Schedules in ${root}: ${n} found (${exact} exact) in ${files} file(s)`,
    none: (root: string, scanned: number) => `No recurring schedules found in ${root} (${scanned} C# file(s) scanned).`,
    source: 'source',
    evaluates: 'evaluates to',
    cronJob: 'CronJob',
    exact: 'exact (fire times agree over 4 years)',
    notExact: 'NOT exact',
    nearest: 'nearest',
    why: 'why',
    firstDifference: 'first difference',
    guard: 'guard to add at the start of the job to make it exact',
    decision: 'decide',
    note: 'note',
    remove: 'remove once the CronJob runs',
    unreadable: 'cannot be converted',
    problems: 'Files not scanned',
    zone: 'time zone',
    undecided: '(your decision)',
  },
  es: {
    header: (root: string, n: number, exact: number, files: number) => `Planificaciones en ${root}: ${n} encontradas (${exact} exactas) en ${files} archivo(s)`,
    none: (root: string, scanned: number) => `No hay planificaciones recurrentes en ${root} (${scanned} archivo(s) C# revisados).`,
    source: 'origen',
    evaluates: 'equivale a',
    cronJob: 'CronJob',
    exact: 'exacta (las ejecuciones coinciden durante 4 años)',
    notExact: 'NO exacta',
    nearest: 'la más cercana',
    why: 'por qué',
    firstDifference: 'primera diferencia',
    guard: 'guarda que añadir al inicio del job para hacerla exacta',
    decision: 'decide',
    note: 'nota',
    remove: 'eliminar cuando el CronJob funcione',
    unreadable: 'no se puede convertir',
    problems: 'Archivos no revisados',
    zone: 'zona horaria',
    undecided: '(decisión tuya)',
  },
};

export function migrateText(report: MigrationReport, lang: Lang): string {
  const l = labels[lang];
  const out: string[] = [];
  const files = [...new Set(report.schedules.map((s) => s.file))];
  if (report.schedules.length === 0) out.push(l.none(report.root, report.scanned));
  else out.push(l.header(report.root, report.schedules.length, report.schedules.filter((s) => s.exact).length, files.length));
  for (const file of files) {
    out.push('', file);
    for (const s of report.schedules.filter((e) => e.file === file)) {
      const who = [s.jobId, s.invoked && s.invoked !== s.jobId ? `→ ${s.invoked}` : undefined].filter(Boolean).join(' ');
      out.push(`  ${String(s.line).padStart(4)}  ${s.library}  ${who}`);
      out.push(`        ${l.source}: ${s.source.replace(/\s*\n\s*/g, ' ')}${s.expression && s.expression !== s.source.replace(/^"|"$/g, '') ? `  (${l.evaluates} ${s.expression})` : ''}`);
      const zone = s.timeZone ?? l.undecided;
      if (s.schedule) {
        out.push(`        ${l.cronJob}: ${s.schedule}  ${l.zone} ${zone}  ${s.exact ? l.exact : `${l.notExact} (${l.nearest})`}`);
      } else out.push(`        ${l.cronJob}: ${l.unreadable}`);
      if (s.reason) out.push(`        ${l.why}: ${s.reason}`);
      if (s.firstDifference) out.push(`        ${l.firstDifference}: ${s.firstDifference}`);
      for (const d of s.decisions) out.push(`        ${l.decision}: ${d}`);
      for (const n of s.notes) out.push(`        ${l.note}: ${n}`);
      if (s.guard) out.push(`        ${l.guard}:`, ...s.guard.split('\n').map((g) => `          ${g}`));
      out.push(`        ${l.remove}: ${s.registration.file}:${s.registration.line}${s.registration.endLine > s.registration.line ? `-${s.registration.endLine}` : ''}  ${s.registration.text}`);
    }
  }
  if (report.problems.length > 0) {
    out.push('', `${l.problems}:`);
    for (const p of report.problems) out.push(`  ${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  }
  return `${out.join('\n')}\n`;
}

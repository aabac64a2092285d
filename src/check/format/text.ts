import type { Lang } from '../../cli/i18n.js';
import { findRule } from '../../policy/rules.js';
import { messageIn, type CheckFinding, type RepoReport } from '../finding.js';
import { summarize } from './report.js';

const labels = {
  en: { error: 'error', warning: 'warning', note: 'note', clean: 'No findings.', exempted: (n: number) => `${n} finding(s) exempted (batch-job.exemptions.yaml).`, totals: (e: number, w: number) => `${e} error(s), ${w} warning(s).`, table: ['repository', 'errors', 'warnings', 'worst rule'], scanned: (n: number) => `${n} file(s) scanned.` },
  es: { error: 'error', warning: 'aviso', note: 'nota', clean: 'Sin hallazgos.', exempted: (n: number) => `${n} hallazgo(s) exento(s) (batch-job.exemptions.yaml).`, totals: (e: number, w: number) => `${e} error(es), ${w} aviso(s).`, table: ['repositorio', 'errores', 'avisos', 'peor regla'], scanned: (n: number) => `${n} archivo(s) analizado(s).` },
};

/** ANSI colours, used only when writing to a TTY and `NO_COLOR` is unset (https://no-color.org). */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && (env.NO_COLOR === undefined || env.NO_COLOR === '') && env.TERM !== 'dumb';
}

/** Text report: findings grouped by file with `line:column`, notes, and a summary table when several repos. */
export function toText(reports: readonly RepoReport[], lang: Lang, colour: boolean): string {
  const l = labels[lang];
  const paint = (code: number, s: string) => (colour ? `\u001b[${code}m${s}\u001b[0m` : s);
  const lines: string[] = [];
  const many = reports.length > 1;
  for (const r of reports) {
    if (many) lines.push(paint(1, `== ${r.name} (${r.root})`));
    const byFile = new Map<string, CheckFinding[]>();
    for (const f of r.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
    for (const [file, findings] of byFile) {
      lines.push(paint(4, file));
      for (const f of findings) {
        const where = f.line === undefined ? '-' : `${f.line}${f.column ? `:${f.column}` : ''}`;
        const sev = f.severity === 'error' ? paint(31, l.error.padEnd(7)) : paint(33, l.warning.padEnd(7));
        lines.push(`  ${where.padEnd(8)} ${sev} ${paint(2, f.rule)}  ${findRule(f.rule)?.title[lang] ?? ''}: ${messageIn(f, lang)}`);
      }
    }
    for (const n of r.notes) lines.push(paint(36, `${l.note}: ${n.file ? `${n.file}: ` : ''}${messageIn(n, lang)}`));
    if (r.exempted.length > 0) lines.push(l.exempted(r.exempted.length));
    const s = summarize(r.findings);
    lines.push(r.findings.length === 0 ? `${l.clean} ${l.scanned(r.filesScanned)}` : `${l.totals(s.errors, s.warnings)} ${l.scanned(r.filesScanned)}`);
    if (many) lines.push('');
  }
  if (many) {
    const rows = reports.map((r) => {
      const s = summarize(r.findings);
      return [r.name, String(s.errors), String(s.warnings), s.worstRule ?? '-'];
    });
    const widths = l.table.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const fmt = (row: readonly string[]) => row.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
    lines.push(paint(1, fmt(l.table)), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
    const all = summarize(reports.flatMap((r) => r.findings));
    lines.push(l.totals(all.errors, all.warnings));
  }
  return `${lines.join('\n')}\n`;
}

import { existsSync, statSync, writeFileSync } from 'node:fs';
import type { Drift } from '../check/drift.js';
import { messageFields, type CheckFinding, type RepoReport } from '../check/finding.js';
import { say } from '../check/messages.js';
import { exitCodeFor, toJson, toSarif, type FailOn } from '../check/format/report.js';
import { toText, useColour } from '../check/format/text.js';
import { checkDirectory, repositoriesFor, withFindings } from '../check/run.js';
import { parseCommand } from './batch-job-options.js';
import type { Lang } from './i18n.js';

const FORMATS = ['text', 'json', 'sarif'] as const;
const FAIL_ON = ['error', 'warning', 'never'] as const;

const notFolder = {
  en: (path: string) => `check: ${JSON.stringify(path)} is not a folder (example: batch-job check . or batch-job check ~/checkouts)`,
  es: (path: string) => `check: ${JSON.stringify(path)} no es una carpeta (ejemplo: batch-job check . o batch-job check ~/checkouts)`,
};

/** Thrown for a bad flag value; the bin prints the message and exits 2. */
export class CheckUsageError extends Error {}

const usage = {
  en: (flag: string, value: string, allowed: readonly string[]) => `check: --${flag} ${JSON.stringify(value)} is not one of ${allowed.join('|')} (example: batch-job check --${flag} ${allowed[0]})`,
  es: (flag: string, value: string, allowed: readonly string[]) => `check: --${flag} ${JSON.stringify(value)} no es uno de ${allowed.join('|')} (ejemplo: batch-job check --${flag} ${allowed[0]})`,
};

/**
 * `batch-job check [paths…] [--format text|json|sarif] [--output file] [--fail-on error|warning|never] [--drift]`.
 * With no path it checks the current directory. Returns the exit code: 0 clean, 1 a finding reaches --fail-on.
 * `--drift` adds the managed-file comparison to the same report (one `drift` finding per file).
 */
export async function runCheck(
  argv: string[],
  lang: Lang,
  print: (text: string) => void,
  isTTY: boolean,
  /** Prints each drift's diff and how to keep the change (text format only, after the report). */
  printDriftDetails: (drifts: readonly Drift[]) => void,
): Promise<number> {
  const { values, positionals } = parseCommand('check', argv);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new CheckUsageError(usage[lang]('format', values.format!, FORMATS));
  const failOn = values['fail-on'] as FailOn;
  if (!FAIL_ON.includes(failOn)) throw new CheckUsageError(usage[lang]('fail-on', values['fail-on']!, FAIL_ON));

  for (const path of positionals) {
    if (!existsSync(path) || !statSync(path).isDirectory()) throw new CheckUsageError(notFolder[lang](path));
  }
  const reports: RepoReport[] = [];
  const drifts: Drift[] = [];
  for (const repo of repositoriesFor(positionals, process.cwd())) {
    let report = await checkDirectory(repo.root, repo.name);
    if (values.drift) {
      // Only --drift runs projen (through the repo's .projenrc.ts): the rest of check never loads it.
      const { findDrift, DriftCheckError } = await import('../check/drift.js');
      const found = await findDrift(repo.root).catch((error: unknown) => {
        throw error instanceof DriftCheckError ? new CheckUsageError(error.text[lang]) : error;
      });
      drifts.push(...found);
      report = withFindings(report, driftFindings(found));
    }
    reports.push(report);
  }
  const colour = values.output === undefined && format === 'text' && useColour({ isTTY }, process.env);
  const text = format === 'json' ? toJson(reports, lang) : format === 'sarif' ? toSarif(reports, lang) : toText(reports, lang, colour);
  if (values.output !== undefined) writeFileSync(values.output, text);
  else print(text);
  if (format === 'text' && drifts.length > 0) printDriftDetails(drifts);
  return exitCodeFor(reports, failOn);
}

function driftFindings(drifts: readonly Drift[]): CheckFinding[] {
  const kinds = { modified: say((m) => m.driftModified), missing: say((m) => m.driftMissing), stale: say((m) => m.driftStale) };
  return drifts.map((d) => ({ rule: 'drift', severity: 'error', file: d.path, ...messageFields(kinds[d.kind]) }));
}

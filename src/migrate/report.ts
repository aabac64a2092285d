/**
 * The migration report: one entry per detected schedule with the proposed CronJob `schedule` + `timeZone`, whether
 * it is exact (checked by evaluating both dialects), why not, the nearest schedule's in-job guard, and the
 * decisions left to the user. JSON follows `MIGRATE_REPORT_SCHEMA`; text is grouped by file.
 */
import type { Lang } from '../cli/i18n.js';
import { migrateCatalogs, type MigrateMessages } from './messages.js';
import { convert } from './convert.js';
import type { Value } from './csharp-values.js';
import type { Detected, Library } from './detect/common.js';
import { DialectError } from './dialect-fields.js';
import { parseCoravel } from './dialects/coravel.js';
import { parseCronos } from './dialects/cronos.js';
import { parseInterval } from './dialects/interval.js';
import { parseQuartz } from './dialects/quartz.js';
import type { ScanProblem, ScanResult } from './scan.js';
import type { SourceSchedule } from './source-schedule.js';
import { describeValue, resolveZone } from './time-zone.js';

export interface MigrationEntry {
  /** The expression as written, or the helper call / job id when there is no expression. */
  readonly source: string;
  readonly library: Library;
  readonly file: string;
  readonly line: number;
  readonly jobId: string | null;
  readonly invoked: string | null;
  /** The cron expression the source evaluates to (a helper's result, a constant's value); null when unknown. */
  readonly expression: string | null;
  readonly exact: boolean;
  /** Proposed Kubernetes schedule (exact or nearest); null when the source schedule cannot be read. */
  readonly schedule: string | null;
  /** IANA zone; null when it is a decision. */
  readonly timeZone: string | null;
  /** How the code gives the zone. */
  readonly timeZoneWritten: string;
  /** Why not exact (null when exact). */
  readonly reason: string | null;
  readonly reasonCodes: readonly string[];
  /** C# that makes the nearest schedule exact inside the job, when one exists. */
  readonly guard: string | null;
  /** The first fire time where the source and the CronJob differ, in the zone. */
  readonly firstDifference: string | null;
  /** Choices the user must make before the CronJob is right (zone, configuration values). */
  readonly decisions: readonly string[];
  readonly notes: readonly string[];
  /** Registration statement to remove by hand once the CronJob runs. */
  readonly registration: { readonly file: string; readonly line: number; readonly endLine: number; readonly text: string };
}

export interface MigrationReport {
  readonly root: string;
  readonly scanned: number;
  readonly parsed: number;
  readonly schedules: readonly MigrationEntry[];
  readonly problems: readonly ScanProblem[];
}

function sourceSchedule(d: Detected, m: MigrateMessages, lang: Lang): { schedule?: SourceSchedule; expression: string | null; problem?: string } {
  const s = d.schedule;
  if (s.kind === 'interval') {
    if (s.seconds === undefined) return { expression: null, problem: m.periodUnreadable };
    return { schedule: parseInterval(s.seconds, d.written), expression: null };
  }
  if (s.kind === 'coravel') {
    try {
      return { schedule: parseCoravel(s.method, s.args, s.days, d.written), expression: s.method === 'Cron' ? String(s.args[0]) : null };
    } catch (error) {
      return { expression: null, problem: (error as Error).message };
    }
  }
  const value: Value = s.value;
  if (value.kind !== 'constant') {
    // A configuration value with a literal fallback is converted from the fallback, and the decision stays.
    if (value.kind === 'config' && value.fallback !== undefined) return parseCron(s.dialect, value.fallback, d.written, m);
    return { expression: null, problem: m.scheduleFrom(describeValue(value, lang)) };
  }
  return parseCron(s.dialect, value.value, d.written, m);
}

function parseCron(dialect: 'hangfire' | 'ncronjob' | 'quartz' | 'coravel', text: string, written: string, m: MigrateMessages): { schedule?: SourceSchedule; expression: string | null; problem?: string } {
  try {
    const schedule = dialect === 'quartz' ? parseQuartz(text) : dialect === 'coravel' ? parseCoravel('Cron', [text], [], written) : parseCronos(text, dialect);
    return { schedule: { ...schedule, written }, expression: text };
  } catch (error) {
    if (error instanceof DialectError) return { expression: text, problem: m.refused(error.message) };
    throw error;
  }
}

/** Converts every detection; `from` fixes the comparison horizon's start (tests). */
export function buildReport(root: string, scan: ScanResult, from: Date = new Date(), lang: Lang = 'en'): MigrationReport {
  const m = migrateCatalogs[lang];
  const schedules = scan.detected.map((d): MigrationEntry => {
    const zone = resolveZone(d.zone, d.library, lang);
    const decisions: string[] = [];
    if (zone.decision) decisions.push(zone.decision);
    const { schedule, expression, problem } = sourceSchedule(d, m, lang);
    if (d.schedule.kind === 'cron' && d.schedule.value.kind === 'config') decisions.push(m.scheduleFromConfig(d.schedule.value.key));
    if (d.schedule.kind === 'cron' && d.schedule.value.kind === 'runtime') decisions.push(m.scheduleAtRunTime(describeValue(d.schedule.value, lang)));
    const base = {
      source: d.written,
      library: d.library,
      file: d.file,
      line: d.line,
      jobId: d.jobId ?? null,
      invoked: d.invoked ?? null,
      expression,
      timeZoneWritten: zone.written,
      decisions,
      notes: d.notes,
      registration: { file: d.file, ...d.registration },
    };
    if (!schedule) {
      return { ...base, exact: false, schedule: null, timeZone: zone.timeZone ?? null, reason: problem ?? 'the schedule cannot be read', reasonCodes: ['unreadable-schedule'], guard: null, firstDifference: null };
    }
    const c = convert(schedule, { ...(zone.timeZone ? { timeZone: zone.timeZone } : {}), from });
    const diff = c.comparison?.firstDifference;
    const reasons = c.reasons.map((r) => m.reasons[r.code](r.detail));
    if (problem) reasons.push(problem);
    return {
      ...base,
      exact: c.exact && decisions.length === 0,
      schedule: c.schedule,
      timeZone: c.timeZone ?? null,
      reason: reasons.length > 0 ? reasons.join('; ') : decisions.length > 0 ? m.decisionLeft : null,
      reasonCodes: c.reasons.map((r) => r.code),
      guard: c.guard ?? null,
      firstDifference: diff ? `${diff.date} ${diff.time}: ${diff.source ? m.onlySource : m.onlyKubernetes}${diff.dst ? ` (DST ${diff.dst})` : ''}` : null,
    };
  });
  return { root, scanned: scan.scanned, parsed: scan.parsed, schedules, problems: scan.problems };
}

const nullable = (type: string) => ({ type: [type, 'null'] });

/** JSON Schema (draft 2020-12) of `migrate --format json`. */
export const MIGRATE_REPORT_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://github.com/create-batch-job/schemas/migrate-report.json',
  type: 'object',
  required: ['root', 'scanned', 'parsed', 'schedules', 'problems'],
  additionalProperties: false,
  properties: {
    root: { type: 'string' },
    scanned: { type: 'integer', minimum: 0 },
    parsed: { type: 'integer', minimum: 0 },
    schedules: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['source', 'exact', 'schedule', 'timeZone', 'reason', 'file', 'line', 'library', 'jobId', 'invoked', 'expression', 'timeZoneWritten', 'reasonCodes', 'guard', 'firstDifference', 'decisions', 'notes', 'registration'],
        properties: {
          source: { type: 'string' },
          library: { enum: ['hangfire', 'quartz', 'ncronjob', 'coravel', 'hosted-service'] },
          file: { type: 'string' },
          line: { type: 'integer', minimum: 1 },
          jobId: nullable('string'),
          invoked: nullable('string'),
          expression: nullable('string'),
          exact: { type: 'boolean' },
          schedule: { type: ['string', 'null'], pattern: '^\\S+ \\S+ \\S+ \\S+ \\S+$' },
          timeZone: nullable('string'),
          timeZoneWritten: { type: 'string' },
          reason: nullable('string'),
          reasonCodes: { type: 'array', items: { type: 'string' } },
          guard: nullable('string'),
          firstDifference: nullable('string'),
          decisions: { type: 'array', items: { type: 'string' } },
          notes: { type: 'array', items: { type: 'string' } },
          registration: {
            type: 'object',
            additionalProperties: false,
            required: ['file', 'line', 'endLine', 'text'],
            properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 1 }, endLine: { type: 'integer', minimum: 1 }, text: { type: 'string' } },
          },
        },
      },
    },
    problems: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'kind', 'message'],
        properties: { file: { type: 'string' }, line: { type: 'integer', minimum: 1 }, kind: { enum: ['unreadable', 'syntax-error'] }, message: { type: 'string' } },
      },
    },
  },
} as const;

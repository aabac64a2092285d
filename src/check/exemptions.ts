import { matchesGlob } from 'node:path';
import { findRule } from '../policy/rules.js';
import type { CheckContext } from './context.js';
import type { CheckFinding, ExemptedFinding } from './finding.js';
import { say } from './messages.js';
import { parseYamlFile } from './yaml-source.js';

/** The repository's exemptions file, at its root. */
export const EXEMPTIONS_FILE = 'batch-job.exemptions.yaml';

/**
 * One waiver:
 * ```yaml
 * exemptions:
 *   - rule: dockerfile-base-tag
 *     path: tools/legacy/**
 *     justification: vendor image, tag pinned by digest upstream (TICKET-123)
 *     expires: 2026-12-31
 * ```
 */
export interface Exemption {
  readonly rule: string;
  /** Glob over repository-relative paths (`**` allowed). */
  readonly path: string;
  readonly justification: string;
  /** ISO date; from the next day on the exemption is expired. */
  readonly expires: string;
}

/**
 * Applies the exemptions file: valid, unexpired entries silence matching findings; an expired or incomplete entry
 * is itself a finding (and silences nothing).
 */
export function applyExemptions(ctx: CheckContext, findings: readonly CheckFinding[], today: Date): { kept: CheckFinding[]; exempted: ExemptedFinding[] } {
  const text = ctx.files.paths.includes(EXEMPTIONS_FILE) ? ctx.files.read(EXEMPTIONS_FILE) : undefined;
  if (text === undefined) return { kept: [...findings], exempted: [] };
  const parsed = parseYamlFile(text);
  const doc = parsed.docs[0];
  const list = (doc?.value as { exemptions?: unknown } | undefined)?.exemptions;
  if (parsed.error || !doc || !Array.isArray(list)) {
    ctx.report('exemption-invalid', EXEMPTIONS_FILE, parsed.error?.line ?? 1, say((m) => m.exemptionsNotList));
    return { kept: [...findings], exempted: [] };
  }
  const active: Exemption[] = [];
  const day = today.toISOString().slice(0, 10);
  list.forEach((raw, i) => {
    const line = doc.lineOf(`exemptions[${i}]`);
    const e = raw as Partial<Record<keyof Exemption, unknown>>;
    const expires = e.expires instanceof Date ? e.expires.toISOString().slice(0, 10) : String(e.expires ?? '');
    const missing: string[] = (['rule', 'path', 'justification'] as const).filter((k) => typeof e[k] !== 'string' || (e[k] as string).trim() === '');
    const badDate = !/^\d{4}-\d{2}-\d{2}$/.test(expires);
    if (missing.length > 0 || badDate) {
      ctx.report('exemption-invalid', EXEMPTIONS_FILE, line, say((m) => m.exemptionIncomplete(i + 1, badDate ? [...missing, m.exemptionExpiresField] : missing)));
    } else if (!findRule(e.rule as string)) {
      ctx.report('exemption-invalid', EXEMPTIONS_FILE, line, say((m) => m.exemptionUnknownRule(i + 1, e.rule as string)));
    } else if (expires < day) {
      ctx.report('exemption-expired', EXEMPTIONS_FILE, line, say((m) => m.exemptionExpired(e.rule as string, e.path as string, expires)));
    } else {
      active.push({ rule: e.rule as string, path: e.path as string, justification: e.justification as string, expires });
    }
  });
  const kept: CheckFinding[] = [];
  const exempted: ExemptedFinding[] = [];
  for (const f of findings) {
    const hit = active.find((e) => e.rule === f.rule && matchesGlob(f.file, e.path));
    if (hit) exempted.push({ ...f, justification: hit.justification, expires: hit.expires });
    else kept.push(f);
  }
  return { kept, exempted };
}

/** The lines the prompt and the CLI print for a schedule preview. */
import { catalogs, type ScheduleLang } from './messages.js';
import type { SchedulePreview } from './preview.js';

/**
 * ```
 * Runs: At 02:30 (Europe/Madrid time)
 * Next 5 runs:
 *   2026-11-26 02:30 (Europe/Madrid, UTC+01:00)
 *   …
 * Warning: On 2027-03-28 clocks in Europe/Madrid jump from 02:00 to 03:00: …
 * ```
 */
export function formatPreview(preview: SchedulePreview, lang: ScheduleLang): string[] {
  const text = catalogs[lang];
  const lines = [text.runs(preview.description, preview.timeZone)];
  if (preview.nextRuns.length === 0) {
    lines.push(text.noRuns);
  } else {
    lines.push(text.nextRuns(preview.nextRuns.length));
    for (const run of preview.nextRuns) lines.push(`  ${run.local}`);
  }
  for (const w of preview.warnings) lines.push(`${text.warning}: ${w.message}`);
  return lines;
}

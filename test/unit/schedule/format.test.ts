import { describe, expect, it } from 'vitest';
import { formatPreview } from '../../../src/schedule/format.js';
import { previewSchedule } from '../../../src/schedule/preview.js';

const from = new Date('2026-11-25T12:00:00Z');

describe('formatPreview', () => {
  it('prints description, next runs and warnings in English', () => {
    const p = previewSchedule('30 2 * * *', 'Europe/Madrid', 'en', { from, count: 3 });
    const lines = formatPreview(p, 'en');
    expect(lines.slice(0, 5)).toEqual([
      'Runs: At 02:30 (Europe/Madrid time)',
      'Next 3 runs:',
      '  2026-11-26 02:30 (Europe/Madrid, UTC+01:00)',
      '  2026-11-27 02:30 (Europe/Madrid, UTC+01:00)',
      '  2026-11-28 02:30 (Europe/Madrid, UTC+01:00)',
    ]);
    expect(lines).toHaveLength(7);
    expect(lines[5]).toMatch(/^Warning: On 2027-03-28 /);
    expect(lines[6]).toMatch(/^Warning: On 2027-10-31 /);
  });

  it('prints in Spanish', () => {
    const p = previewSchedule('* * * * *', 'UTC', 'es', { from, concurrencyPolicy: 'Allow' });
    const lines = formatPreview(p, 'es');
    expect(lines[0]).toBe('Se ejecuta: Cada minuto (hora de UTC)');
    expect(lines[1]).toBe('Próximas 5 ejecuciones:');
    expect(lines[2]).toBe('  2026-11-25 12:01 (UTC, UTC+00:00)');
    expect(lines).toHaveLength(8);
    expect(lines[7]).toMatch(/^Aviso: La programación lanza un Job cada minuto/);
  });

  it('says so when there is no upcoming run', () => {
    const p = previewSchedule('0 0 30 2 *', 'UTC', 'en', { from });
    expect(formatPreview(p, 'en')).toEqual([
      'Runs: At 00:00, on day 30 of the month, only in February (UTC time)',
      'No upcoming run: the schedule names a date that never comes (e.g. 30 February).',
    ]);
  });
});

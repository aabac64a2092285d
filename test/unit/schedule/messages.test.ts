/** The preview's sentences, in both languages, for one, a few and many affected times. */
import { describe, expect, it } from 'vitest';
import { catalogs, type GapFacts, type RepeatFacts } from '../../../src/schedule/messages.js';

const gap = (times: string[], nextRun?: string): GapFacts => ({
  date: '2027-03-28',
  timeZone: 'Europe/Madrid',
  jumpFrom: '02:00',
  jumpTo: '03:00',
  times,
  ...(nextRun === undefined ? {} : { nextRun }),
});
const repeat = (times: string[]): RepeatFacts => ({ date: '2027-10-31', timeZone: 'Europe/Madrid', backFrom: '03:00', backTo: '02:00', times, utc: ['00:30', '01:30'] });
const MANY = Array.from({ length: 60 }, (_, i) => `02:${String(i).padStart(2, '0')}`);

describe('schedule preview messages', () => {
  it('counts runs', () => {
    expect([1, 5].map((n) => catalogs.en.nextRuns(n))).toEqual(['Next run:', 'Next 5 runs:']);
    expect([1, 5].map((n) => catalogs.es.nextRuns(n))).toEqual(['Próxima ejecución:', 'Próximas 5 ejecuciones:']);
    expect(catalogs.en.runs('At 02:30', 'Etc/UTC')).toBe('Runs: At 02:30 (Etc/UTC time)');
    expect(catalogs.es.runs('A las 02:30', 'Etc/UTC')).toBe('Se ejecuta: A las 02:30 (hora de Etc/UTC)');
  });

  it('DST gap: one time, a list, many times; with and without the next run', () => {
    expect(catalogs.en.dstGap(gap(['02:30'], '2027-03-29 02:30'))).toBe(
      'On 2027-03-28 clocks in Europe/Madrid jump from 02:00 to 03:00: 02:30 does not exist that day, so Kubernetes skips that run ' +
        '(it does not move it to 03:00). The next run after the change is 2027-03-29 02:30. Pick a time outside 02:00–03:00 if the job must run every day.',
    );
    expect(catalogs.en.dstGap(gap(['02:00', '02:20', '02:40']))).toBe(
      'On 2027-03-28 clocks in Europe/Madrid jump from 02:00 to 03:00: 02:00, 02:20 and 02:40 do not exist that day, so Kubernetes skips those runs ' +
        '(it does not move them to 03:00). Pick a time outside 02:00–03:00 if the job must run every day.',
    );
    expect(catalogs.en.dstGap(gap(MANY))).toContain(': 60 times between 02:00 and 02:59 do not exist that day');
    expect(catalogs.es.dstGap(gap(['02:30'], '2027-03-29 02:30'))).toBe(
      'El 2027-03-28 los relojes de Europe/Madrid saltan de las 02:00 a las 03:00: las 02:30 no existen ese día, así que Kubernetes se salta esa ' +
        'ejecución (no la mueve a las 03:00). La siguiente ejecución tras el cambio es 2027-03-29 02:30. Elige una hora fuera de 02:00–03:00 si el ' +
        'trabajo debe ejecutarse todos los días.',
    );
    expect(catalogs.es.dstGap(gap(['02:00', '02:30']))).toContain(': las 02:00 y 02:30 no existen ese día, así que Kubernetes se salta esas ejecuciones (no las mueve');
    expect(catalogs.es.dstGap(gap(MANY))).toContain(': 60 horas entre 02:00 y 02:59 no existen ese día');
  });

  it('DST repeat: one time, a list, many times', () => {
    expect(catalogs.en.dstRepeat(repeat(['02:30']))).toBe(
      'On 2027-10-31 clocks in Europe/Madrid go back from 03:00 to 02:00: 02:30 happens twice, and Kubernetes runs the job at both ' +
        '(02:30 is 00:30 UTC and again 01:30 UTC). Make the job safe to run twice, or pick a time outside 02:00–03:00.',
    );
    expect(catalogs.en.dstRepeat(repeat(['02:00', '02:30']))).toContain(': 02:00 and 02:30 happen twice,');
    expect(catalogs.en.dstRepeat(repeat(MANY))).toContain(': the 60 times between 02:00 and 02:59 happen twice,');
    expect(catalogs.es.dstRepeat(repeat(['02:30']))).toBe(
      'El 2027-10-31 los relojes de Europe/Madrid retroceden de las 03:00 a las 02:00: las 02:30 ocurren dos veces, y Kubernetes ejecuta el ' +
        'trabajo en ambas (las 02:30 son las 00:30 UTC y de nuevo las 01:30 UTC). Haz que el trabajo tolere ejecutarse dos veces, o elige una ' +
        'hora fuera de 02:00–03:00.',
    );
    expect(catalogs.es.dstRepeat(repeat(MANY))).toContain(': las 60 horas entre 02:00 y 02:59 ocurren dos veces');
  });

  it('concurrency warnings', () => {
    expect(catalogs.en.subHourlyAllow(15)).toBe(
      'The schedule starts a Job as often as every 15 minutes and concurrencyPolicy is Allow: a run that takes longer overlaps the next one. ' +
        'Consider Forbid unless overlapping runs are safe.',
    );
    expect(catalogs.es.subHourlyAllow(15)).toBe(
      'La programación lanza un Job hasta cada 15 minutos y concurrencyPolicy es Allow: una ejecución que dure más se solapa con la siguiente. ' +
        'Considera Forbid salvo que solaparse sea seguro.',
    );
  });
});

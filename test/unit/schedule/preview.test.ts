import { describe, expect, it } from 'vitest';
import { parseSchedule } from '../../../src/schedule/fields.js';
import { describeSchedule, kubernetesRuns, previewSchedule } from '../../../src/schedule/preview.js';
import { oracleRuns } from '../../support/cron-oracle.js';

// A Wednesday, midday UTC; the next 366 days hold both 2027 DST changes of Europe and the US.
const from = new Date('2026-11-25T12:00:00Z');

const isos = (schedule: string, timeZone: string, at: Date, count = 5): string[] =>
  previewSchedule(schedule, timeZone, 'en', { from: at, count }).nextRuns.map((r) => r.iso);

const codes = (schedule: string, timeZone: string, concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace'): string[] =>
  previewSchedule(schedule, timeZone, 'en', { from, ...(concurrencyPolicy ? { concurrencyPolicy } : {}) }).warnings.map((w) => w.code);

describe('description (cronstrue with its Spanish locale, loaded under Node ESM)', () => {
  it.each([
    ['30 2 * * *', 'At 02:30', 'A las 02:30'],
    ['*/15 * * * *', 'Every 15 minutes', 'Cada 15 minutos'],
    ['0 9 * * 1-5', 'At 09:00, Monday through Friday', 'A las 09:00, de lunes a viernes'],
    ['0 0 1 * 1', 'At 00:00, on day 1 of the month, and on Monday', 'A las 00:00, el día 1 del mes, y el lunes'],
    ['@weekly', 'At 00:00, only on Sunday', 'A las 00:00, sólo el domingo'],
    ['@hourly', 'Every hour', 'Cada hora'],
    ['0 0 ? * 0', 'At 00:00, only on Sunday', 'A las 00:00, sólo el domingo'],
  ])('%s', (schedule, en, es) => {
    expect(describeSchedule(schedule, 'en')).toBe(en);
    expect(describeSchedule(schedule, 'es')).toBe(es);
    expect(previewSchedule(schedule, 'UTC', 'es', { from }).description).toBe(es);
  });
});

describe('next runs', () => {
  it('UTC, default count 5, strictly after from', () => {
    expect(isos('0 3 * * *', 'UTC', from)).toEqual([
      '2026-11-26T03:00:00.000Z',
      '2026-11-27T03:00:00.000Z',
      '2026-11-28T03:00:00.000Z',
      '2026-11-29T03:00:00.000Z',
      '2026-11-30T03:00:00.000Z',
    ]);
    expect(isos('0 12 * * *', 'UTC', from, 1)).toEqual(['2026-11-26T12:00:00.000Z']);
  });

  it('gives the local wall clock with zone and offset', () => {
    const p = previewSchedule('30 2 * * *', 'Europe/Madrid', 'en', { from, count: 2 });
    expect(p.nextRuns).toEqual([
      { iso: '2026-11-26T01:30:00.000Z', local: '2026-11-26 02:30 (Europe/Madrid, UTC+01:00)' },
      { iso: '2026-11-27T01:30:00.000Z', local: '2026-11-27 02:30 (Europe/Madrid, UTC+01:00)' },
    ]);
  });

  it('America/New_York weekdays (EST = UTC-5)', () => {
    const p = previewSchedule('0 9 * * 1-5', 'America/New_York', 'en', { from });
    expect(p.nextRuns.map((r) => r.iso)).toEqual([
      '2026-11-25T14:00:00.000Z', // Wed
      '2026-11-26T14:00:00.000Z', // Thu
      '2026-11-27T14:00:00.000Z', // Fri
      '2026-11-30T14:00:00.000Z', // Mon
      '2026-12-01T14:00:00.000Z', // Tue
    ]);
    expect(p.nextRuns[0]?.local).toBe('2026-11-25 09:00 (America/New_York, UTC-05:00)');
  });

  it('keeps the wall-clock time across a DST change (New York, 2027-03-14)', () => {
    expect(isos('0 9 * * *', 'America/New_York', new Date('2027-03-12T00:00:00Z'), 4)).toEqual([
      '2027-03-12T14:00:00.000Z',
      '2027-03-13T14:00:00.000Z',
      '2027-03-14T13:00:00.000Z',
      '2027-03-15T13:00:00.000Z',
    ]);
  });

  it('skips a time inside the spring-forward gap, like robfig (Madrid, 2027-03-28)', () => {
    expect(isos('30 2 * * *', 'Europe/Madrid', new Date('2027-03-26T12:00:00Z'), 3)).toEqual([
      '2027-03-27T01:30:00.000Z',
      '2027-03-29T00:30:00.000Z',
      '2027-03-30T00:30:00.000Z',
    ]);
  });

  it('skips a time inside the spring-forward gap (New York, 2027-03-14)', () => {
    expect(isos('30 2 * * *', 'America/New_York', new Date('2027-03-12T12:00:00Z'), 3)).toEqual([
      '2027-03-13T07:30:00.000Z',
      '2027-03-15T06:30:00.000Z',
      '2027-03-16T06:30:00.000Z',
    ]);
  });

  it('runs a repeated time twice, like robfig (Madrid, 2027-10-31)', () => {
    const p = previewSchedule('30 2 * * *', 'Europe/Madrid', 'en', { from: new Date('2027-10-29T12:00:00Z'), count: 4 });
    expect(p.nextRuns).toEqual([
      { iso: '2027-10-30T00:30:00.000Z', local: '2027-10-30 02:30 (Europe/Madrid, UTC+02:00)' },
      { iso: '2027-10-31T00:30:00.000Z', local: '2027-10-31 02:30 (Europe/Madrid, UTC+02:00)' },
      { iso: '2027-10-31T01:30:00.000Z', local: '2027-10-31 02:30 (Europe/Madrid, UTC+01:00)' },
      { iso: '2027-11-01T01:30:00.000Z', local: '2027-11-01 02:30 (Europe/Madrid, UTC+01:00)' },
    ]);
  });

  it('runs a repeated time twice (New York, 2027-11-07)', () => {
    expect(isos('30 1 * * *', 'America/New_York', new Date('2027-11-05T12:00:00Z'), 4)).toEqual([
      '2027-11-06T05:30:00.000Z',
      '2027-11-07T05:30:00.000Z',
      '2027-11-07T06:30:00.000Z',
      '2027-11-08T06:30:00.000Z',
    ]);
  });

  it('keeps hourly schedules hourly in elapsed time across both changes', () => {
    expect(isos('30 * * * *', 'Europe/Madrid', new Date('2027-03-27T23:00:00Z'), 4)).toEqual([
      '2027-03-27T23:30:00.000Z', // 00:30 CET
      '2027-03-28T00:30:00.000Z', // 01:30 CET
      '2027-03-28T01:30:00.000Z', // 03:30 CEST
      '2027-03-28T02:30:00.000Z',
    ]);
    expect(isos('30 * * * *', 'Europe/Madrid', new Date('2027-10-30T23:00:00Z'), 4)).toEqual([
      '2027-10-30T23:30:00.000Z', // 01:30 CEST
      '2027-10-31T00:30:00.000Z', // 02:30 CEST
      '2027-10-31T01:30:00.000Z', // 02:30 CET
      '2027-10-31T02:30:00.000Z', // 03:30 CET
    ]);
  });

  it('ORs day-of-month and day-of-week: 0 0 1 * 1 fires on the 1st AND on Mondays', () => {
    expect(isos('0 0 1 * 1', 'UTC', from, 8)).toEqual([
      '2026-11-30T00:00:00.000Z', // Mon
      '2026-12-01T00:00:00.000Z', // 1st (Tue)
      '2026-12-07T00:00:00.000Z', // Mon
      '2026-12-14T00:00:00.000Z',
      '2026-12-21T00:00:00.000Z',
      '2026-12-28T00:00:00.000Z',
      '2027-01-01T00:00:00.000Z', // 1st (Fri)
      '2027-01-04T00:00:00.000Z', // Mon
    ]);
  });

  it('ORs */2 with a weekday (robfig clears the star bit for steps above 1)', () => {
    expect(isos('0 0 */2 * 1', 'UTC', from, 5)).toEqual([
      '2026-11-27T00:00:00.000Z', // 27th
      '2026-11-29T00:00:00.000Z', // 29th
      '2026-11-30T00:00:00.000Z', // Mon
      '2026-12-01T00:00:00.000Z', // 1st
      '2026-12-03T00:00:00.000Z', // 3rd
    ]);
  });

  it('ANDs when a day field is starred: ?, */1 and * all mean Mondays only', () => {
    const mondays = ['2026-11-30T00:00:00.000Z', '2026-12-07T00:00:00.000Z', '2026-12-14T00:00:00.000Z'];
    expect(isos('0 0 * * 1', 'UTC', from, 3)).toEqual(mondays);
    expect(isos('0 0 ? * 1', 'UTC', from, 3)).toEqual(mondays);
    expect(isos('0 0 */1 * 1', 'UTC', from, 3)).toEqual(mondays);
    expect(isos('0 0 1 * ?', 'UTC', from, 2)).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
  });

  it('reads descriptors', () => {
    expect(isos('@hourly', 'UTC', from, 2)).toEqual(['2026-11-25T13:00:00.000Z', '2026-11-25T14:00:00.000Z']);
    expect(isos('@daily', 'UTC', from, 1)).toEqual(['2026-11-26T00:00:00.000Z']);
    expect(isos('@midnight', 'Europe/Madrid', from, 1)).toEqual(['2026-11-25T23:00:00.000Z']);
    expect(isos('@weekly', 'UTC', from, 2)).toEqual(['2026-11-29T00:00:00.000Z', '2026-12-06T00:00:00.000Z']);
    expect(isos('@monthly', 'UTC', from, 2)).toEqual(['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z']);
    expect(isos('@yearly', 'UTC', from, 2)).toEqual(['2027-01-01T00:00:00.000Z', '2028-01-01T00:00:00.000Z']);
    expect(isos('@annually', 'UTC', from, 1)).toEqual(['2027-01-01T00:00:00.000Z']);
  });

  it('reads n/step as n-max/step and month/day names', () => {
    expect(isos('5/20 * * * *', 'UTC', from, 4)).toEqual([
      '2026-11-25T12:05:00.000Z',
      '2026-11-25T12:25:00.000Z',
      '2026-11-25T12:45:00.000Z',
      '2026-11-25T13:05:00.000Z',
    ]);
    expect(isos('0 8 * JAN sat', 'UTC', from, 2)).toEqual(['2027-01-02T08:00:00.000Z', '2027-01-09T08:00:00.000Z']);
  });

  it('returns nothing for a date that never comes', () => {
    expect(isos('0 0 30 2 *', 'UTC', from)).toEqual([]);
  });

  it('rejects unknown time zones and @every', () => {
    expect(() => previewSchedule('0 3 * * *', 'Mars/Olympus', 'en', { from })).toThrow(RangeError);
    expect(() => previewSchedule('@every 1h', 'UTC', 'en', { from })).toThrow(RangeError);
  });

  // Oracle: test/support/cron-oracle.ts (cron-parser fields, Intl wall clocks, robfig's rules): no shared code.
  it.each([
    ['*/20 1-3 * * *', 'Europe/Madrid', '2027-03-27T12:00:00Z'],
    ['*/20 1-3 * * *', 'Europe/Madrid', '2027-10-30T12:00:00Z'],
    ['0,30 1,2 * * 0', 'America/New_York', '2027-11-06T12:00:00Z'],
    ['15 2 * * *', 'America/New_York', '2027-03-13T12:00:00Z'],
    ['0 2,3 * * *', 'Europe/Madrid', '2027-03-27T12:00:00Z'],
    ['30 2 * * *', 'Australia/Sydney', '2027-04-03T00:00:00Z'],
    ['30 2 * * *', 'Australia/Sydney', '2027-10-02T00:00:00Z'],
    ['45 1 * * *', 'Australia/Lord_Howe', '2027-04-03T00:00:00Z'],
    ['0 0 1 * 1', 'Etc/UTC', '2027-02-20T00:00:00Z'],
    ['0 12 */10 * 5', 'Asia/Tokyo', '2027-01-01T00:00:00Z'],
    ['0 9 ? * 1-5', 'America/New_York', '2027-03-12T00:00:00Z'],
    ['30 2 29 2 *', 'Europe/Madrid', '2027-12-01T00:00:00Z'],
  ])('%s in %s from %s agrees with an independent minute-by-minute oracle', (schedule, timeZone, at) => {
    const start = Date.parse(at);
    const days = schedule.includes(' 29 2 ') ? 400 : 12;
    const expected = oracleRuns(schedule, timeZone, start, start + days * 86_400_000);
    expect(expected.length).toBeGreaterThan(0);
    expect(kubernetesRuns(parseSchedule(schedule), timeZone, start, expected.length)).toEqual(expected);
    const shown = Math.min(5, expected.length);
    expect(isos(schedule, timeZone, new Date(start), shown)).toEqual(expected.slice(0, shown).map((ms) => new Date(ms).toISOString()));
  });
});

describe('warnings', () => {
  it('finds the Madrid gap and repeat on the right dates', () => {
    const p = previewSchedule('30 2 * * *', 'Europe/Madrid', 'en', { from: new Date('2026-11-25T00:00:00Z') });
    expect(p.warnings.map((w) => [w.code, w.date, w.times])).toEqual([
      ['dst-gap', '2027-03-28', ['02:30']],
      ['dst-repeat', '2027-10-31', ['02:30']],
    ]);
    expect(p.warnings[0]?.message).toBe(
      'On 2027-03-28 clocks in Europe/Madrid jump from 02:00 to 03:00: 02:30 does not exist that day, so Kubernetes skips that run ' +
        '(it does not move it to 03:00). The next run after the change is 2027-03-29 02:30 (Europe/Madrid, UTC+02:00). ' +
        'Pick a time outside 02:00–03:00 if the job must run every day.',
    );
    expect(p.warnings[1]?.message).toBe(
      'On 2027-10-31 clocks in Europe/Madrid go back from 03:00 to 02:00: 02:30 happens twice, and Kubernetes runs the job at both ' +
        '(02:30 is 00:30 UTC and again 01:30 UTC). Make the job safe to run twice, or pick a time outside 02:00–03:00.',
    );
  });

  it('says it in Spanish', () => {
    const p = previewSchedule('30 2 * * *', 'Europe/Madrid', 'es', { from: new Date('2026-11-25T00:00:00Z') });
    expect(p.warnings[0]?.message).toContain('El 2027-03-28 los relojes de Europe/Madrid saltan de las 02:00 a las 03:00');
    expect(p.warnings[0]?.message).toContain('Kubernetes se salta esa ejecución');
    expect(p.warnings[1]?.message).toContain('El 2027-10-31 los relojes de Europe/Madrid retroceden de las 03:00 a las 02:00');
    expect(p.warnings[1]?.message).toContain('las 02:30 son las 00:30 UTC y de nuevo las 01:30 UTC');
  });

  it('New York: gap on 2027-03-14 for 02:30, repeat on 2027-11-07 for 01:30', () => {
    expect(previewSchedule('30 2 * * *', 'America/New_York', 'en', { from }).warnings.map((w) => [w.code, w.date])).toEqual([
      ['dst-gap', '2027-03-14'],
    ]);
    const repeat = previewSchedule('30 1 * * *', 'America/New_York', 'en', { from }).warnings;
    expect(repeat.map((w) => [w.code, w.date])).toEqual([['dst-repeat', '2027-11-07']]);
    expect(repeat[0]?.message).toContain('01:30 is 05:30 UTC and again 06:30 UTC');
  });

  it('southern hemisphere: Sydney repeats in April and skips in October', () => {
    expect(previewSchedule('30 2 * * *', 'Australia/Sydney', 'en', { from }).warnings.map((w) => [w.code, w.date])).toEqual([
      ['dst-repeat', '2027-04-04'],
      ['dst-gap', '2027-10-03'],
    ]);
  });

  it('summarises many affected minutes', () => {
    const [gap] = previewSchedule('* 2 * * *', 'Europe/Madrid', 'en', { from }).warnings;
    expect(gap?.times).toHaveLength(60);
    expect(gap?.message).toContain('60 times between 02:00 and 02:59 do not exist that day');
  });

  it('no DST warning when the schedule avoids the changed hour, its day, or the zone has no DST', () => {
    expect(codes('0 3 * * *', 'UTC')).toEqual([]);
    expect(codes('30 2 * * *', 'UTC')).toEqual([]);
    expect(codes('0 3 * * *', 'Europe/Madrid')).toEqual([]);
    expect(codes('30 2 * * 1-5', 'Europe/Madrid')).toEqual([]); // both changes fall on a Sunday
    expect(codes('30 2 * * *', 'Asia/Tokyo')).toEqual([]);
  });

  it('no DST warning for schedules that fire every hour (spacing is kept in elapsed time)', () => {
    expect(codes('0 * * * *', 'Europe/Madrid')).toEqual([]);
    expect(codes('*/10 * * * *', 'Europe/Madrid')).toEqual([]);
  });

  it('only looks 366 days ahead', () => {
    const p = previewSchedule('30 2 * * *', 'Europe/Madrid', 'en', { from: new Date('2027-11-01T00:00:00Z') });
    expect(p.warnings.map((w) => w.date)).toEqual(['2028-03-26', '2028-10-29']);
    const q = previewSchedule('30 2 * * *', 'Europe/Madrid', 'en', { from: new Date('2026-10-26T00:00:00Z') });
    expect(q.warnings.map((w) => w.date)).toEqual(['2027-03-28']);
  });

  it('every-minute-allow for * * * * * and */1 * * * * with Allow only', () => {
    expect(codes('* * * * *', 'UTC', 'Allow')).toEqual(['every-minute-allow']);
    expect(codes('*/1 * * * *', 'UTC', 'Allow')).toEqual(['every-minute-allow']);
    expect(codes('* * * * *', 'UTC', 'Forbid')).toEqual([]);
    expect(codes('* * * * *', 'UTC', 'Replace')).toEqual([]);
    expect(codes('* * * * *', 'UTC')).toEqual([]);
    const [w] = previewSchedule('* * * * *', 'UTC', 'es', { from, concurrencyPolicy: 'Allow' }).warnings;
    expect(w?.message).toContain('cada minuto');
    expect(w?.message).toContain('Forbid');
  });

  it('sub-hourly-allow for schedules firing more than once an hour with Allow', () => {
    expect(codes('*/15 * * * *', 'UTC', 'Allow')).toEqual(['sub-hourly-allow']);
    expect(previewSchedule('0,45 * * * *', 'UTC', 'en', { from, concurrencyPolicy: 'Allow' }).warnings[0]?.message).toContain(
      'every 15 minutes',
    );
    expect(codes('0 * * * *', 'UTC', 'Allow')).toEqual([]);
    expect(codes('*/15 * * * *', 'UTC', 'Forbid')).toEqual([]);
  });

  it('puts concurrency warnings before DST warnings', () => {
    expect(codes('*/30 2 * * *', 'Europe/Madrid', 'Allow')).toEqual(['sub-hourly-allow', 'dst-gap', 'dst-repeat']);
  });
});

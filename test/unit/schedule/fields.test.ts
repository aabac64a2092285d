import { describe, expect, it } from 'vitest';
import {
  dayMatches,
  expandSchedule,
  matchesWall,
  parseField,
  parseSchedule,
  selected,
  toCronerPattern,
} from '../../../src/schedule/fields.js';
import { kubernetesRuns } from '../../../src/schedule/preview.js';
import { fixedOffsetMinutes, formatOffset, intlZoned, isFixedOffsetZone, sampledTransitions, transitions, zoned } from '../../../src/schedule/zone.js';

describe('parseField (robfig/cron v3 getRange)', () => {
  it('sets the star bit for *, ? and */1 only', () => {
    expect(parseField('*', 1, 31, 'dom').star).toBe(true);
    expect(parseField('?', 1, 31, 'dom').star).toBe(true);
    expect(parseField('*/1', 1, 31, 'dom').star).toBe(true);
    expect(parseField('*/2', 1, 31, 'dom').star).toBe(false);
    expect(parseField('1-31', 1, 31, 'dom').star).toBe(false);
    expect(parseField('1', 1, 31, 'dom').star).toBe(false);
  });
  it('reads n/step as n-max/step', () => {
    expect(selected(parseField('5/20', 0, 59, 'minute'))).toEqual([5, 25, 45]);
    expect(selected(parseField('10-20/5', 0, 59, 'minute'))).toEqual([10, 15, 20]);
    expect(selected(parseField('*/15', 0, 59, 'minute'))).toEqual([0, 15, 30, 45]);
  });
  it('reads lists and case-insensitive names', () => {
    expect(selected(parseField('MON-wed,Fri', 0, 6, 'dow', { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 }))).toEqual([
      1, 2, 3, 5,
    ]);
  });
});

describe('expandSchedule / toCronerPattern', () => {
  it.each([
    ['@yearly', '0 0 1 1 *'],
    ['@annually', '0 0 1 1 *'],
    ['@monthly', '0 0 1 * *'],
    ['@weekly', '0 0 * * 0'],
    ['@daily', '0 0 * * *'],
    ['@midnight', '0 0 * * *'],
    ['@hourly', '0 * * * *'],
    ['  30   2 * * *  ', '30 2 * * *'],
  ])('expands %j to %j', (input, expected) => {
    expect(expandSchedule(input)).toBe(expected);
  });
  it('rejects @every (not previewable)', () => {
    expect(() => expandSchedule('@every 1h')).toThrow(RangeError);
  });
  it.each([
    ['*/15 * * * *', '0,15,30,45 * * * *'],
    ['5/20 * * * *', '5,25,45 * * * *'],
    ['0 0 */1 * 1', '0 0 * * 1'],
    ['0 0 ? * 1', '0 0 * * 1'],
    ['0 0 1 * ?', '0 0 1 * *'],
    ['0 0 1-3 * 1', '0 0 1,2,3 * 1'],
    ['0 9 * JAN,jul MON-FRI', '0 9 * 1,7 1,2,3,4,5'],
  ])('rewrites %j for croner as %j', (input, expected) => {
    expect(toCronerPattern(parseSchedule(input))).toBe(expected);
  });
});

describe('dayMatches (robfig spec.go)', () => {
  // 2026-12-01 is a Tuesday, 2026-12-07 a Monday, 2026-12-08 a Tuesday.
  it('ORs day-of-month and day-of-week when both are restricted', () => {
    const f = parseSchedule('0 0 1 * 1');
    expect(dayMatches(f, 2026, 12, 1)).toBe(true);
    expect(dayMatches(f, 2026, 12, 7)).toBe(true);
    expect(dayMatches(f, 2026, 12, 8)).toBe(false);
  });
  it('ANDs them when either is starred (*, ?, */1)', () => {
    for (const s of ['0 0 * * 1', '0 0 ? * 1', '0 0 */1 * 1']) {
      const f = parseSchedule(s);
      expect(dayMatches(f, 2026, 12, 1)).toBe(false);
      expect(dayMatches(f, 2026, 12, 7)).toBe(true);
    }
  });
  it('matches a wall-clock minute on all five fields', () => {
    const f = parseSchedule('30 2 * 3 0');
    expect(matchesWall(f, { year: 2027, month: 3, day: 28, hour: 2, minute: 30 })).toBe(true);
    expect(matchesWall(f, { year: 2027, month: 3, day: 27, hour: 2, minute: 30 })).toBe(false);
    expect(matchesWall(f, { year: 2027, month: 3, day: 28, hour: 3, minute: 30 })).toBe(false);
  });
});

describe('zone helpers', () => {
  it('the zones taken as fixed-offset show no offset change when sampled over two years; zones with DST are not taken', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const fixed = [...Intl.supportedValuesOf('timeZone'), 'UTC', 'Etc/UTC', 'GMT', 'Etc/GMT+5', 'Etc/GMT-14', 'Zulu', 'Universal'].filter(isFixedOffsetZone);
    expect(fixed.length).toBeGreaterThan(5);
    for (const zone of new Set(fixed)) expect(sampledTransitions(from, from + 730 * 86_400_000, zone), zone).toEqual([]);
    for (const zone of ['Europe/Madrid', 'America/New_York', 'Australia/Sydney', 'Etcetera/Madrid', 'GMTX']) expect(isFixedOffsetZone(zone), zone).toBe(false);
  });

  it('reads the fixed-offset zones without Intl exactly as Intl reads them', () => {
    const names = ['UTC', 'UCT', 'GMT', 'GMT0', 'GMT+0', 'GMT-0', 'Greenwich', 'Universal', 'Zulu'].flatMap((n) => [n, `Etc/${n}`]);
    for (let h = 1; h <= 12; h++) names.push(`Etc/GMT+${h}`);
    for (let h = 1; h <= 14; h++) names.push(`Etc/GMT-${h}`);
    const from = Date.parse('2026-01-01T00:00:00Z');
    for (const zone of names) {
      expect(fixedOffsetMinutes(zone), zone).toBeDefined();
      expect(isFixedOffsetZone(zone), zone).toBe(true);
      // Every 61 h 7 min 13.5 s for two years: every hour of the day, odd minutes, seconds and milliseconds.
      for (let ms = from; ms < from + 730 * 86_400_000; ms += 219_913_500) expect(zoned(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toEqual(intlZoned(ms, zone));
    }
    for (const zone of ['Etc/GMT+13', 'Etc/GMT-15', 'etc/utc', 'utc', 'Etc/Foo', 'Europe/London']) expect(fixedOffsetMinutes(zone), zone).toBeUndefined();
  });

  it('finds the same runs in a fixed-offset zone as in a region that keeps that offset all year', () => {
    const from = Date.parse('2026-11-25T10:00:00Z');
    const fields = parseSchedule('30 2 * * 1-5');
    // America/Bogota has kept UTC-05:00 since 1993, Pacific/Kiritimati UTC+14:00 since 1995: both go through Intl.
    for (const [fixed, region] of [['Etc/GMT+5', 'America/Bogota'], ['Etc/GMT-14', 'Pacific/Kiritimati'], ['Etc/UTC', 'Africa/Abidjan']] as const) {
      expect(kubernetesRuns(fields, fixed, from, 8), fixed).toEqual(kubernetesRuns(fields, region, from, 8));
    }
    // 02:30 on Thursday 26 November at UTC+14:00.
    expect(new Date(kubernetesRuns(fields, 'Etc/GMT-14', from, 1)[0]!).toISOString()).toBe('2026-11-25T12:30:00.000Z');
  });

  it('finds the DST changes of Europe/Madrid to the minute', () => {
    const found = transitions(Date.parse('2026-11-25T00:00:00Z'), Date.parse('2027-11-26T00:00:00Z'), 'Europe/Madrid');
    expect(found.map((t) => ({ ...t, instant: new Date(t.instant).toISOString() }))).toEqual([
      { instant: '2027-03-28T01:00:00.000Z', before: 60, after: 120 },
      { instant: '2027-10-31T01:00:00.000Z', before: 120, after: 60 },
    ]);
  });
  it('finds none in UTC', () => {
    expect(transitions(Date.parse('2026-11-25T00:00:00Z'), Date.parse('2027-11-26T00:00:00Z'), 'UTC')).toEqual([]);
  });
  it('formats offsets', () => {
    expect(formatOffset(0)).toBe('UTC+00:00');
    expect(formatOffset(60)).toBe('UTC+01:00');
    expect(formatOffset(-300)).toBe('UTC-05:00');
    expect(formatOffset(330)).toBe('UTC+05:30');
  });
});

describe('parseSchedule refuses what robfig refuses, naming the field', () => {
  it.each([
    ['x * * * *', 'minute: cannot read "x"'],
    ['1x * * * *', 'minute: cannot read "1x"'],
    ['x1 * * * *', 'minute: cannot read "x1"'],
    ['*/2/3 * * * *', 'minute: too many slashes in "*/2/3"'],
    ['1-2-3 * * * *', 'minute: too many hyphens in "1-2-3"'],
    ['*/0 * * * *', 'minute: step must be positive in "*/0"'],
    ['60 * * * *', 'minute: "60" is outside 0-59'],
    ['5-3 * * * *', 'minute: "5-3" is outside 0-59'],
    ['* 24 * * *', 'hour: "24" is outside 0-23'],
    ['* * 0 * *', 'day of month: "0" is outside 1-31'],
    ['* * * 13 *', 'month: "13" is outside 1-12'],
    ['* * * * 7', 'day of week: "7" is outside 0-6'],
    ['* * * *', 'schedule "* * * *": expected 5 fields, got 4'],
    ['@every 5m', 'unsupported descriptor (only'],
  ])('%s', (schedule, message) => {
    expect(() => parseSchedule(schedule)).toThrow(message);
  });

  it('skips empty list items and sizes each field to its range', () => {
    const f = parseSchedule('0,,30 * * * *');
    expect(f.minute.values.flatMap((on, v) => (on ? [v] : []))).toEqual([0, 30]);
    expect(f.minute.values).toHaveLength(60);
    expect(f.dayOfWeek.values).toHaveLength(7);
  });
});

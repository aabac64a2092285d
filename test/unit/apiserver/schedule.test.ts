/**
 * The robfig/cron v3 `ParseStandard` grammar (what `validateScheduleFormat` calls), edge by edge, and the helpers
 * the CLI reuses for one-line reasons. These are our own cases, derived from robfig's parser.go and spec.go.
 */
import { describe, expect, it } from 'vitest';
import { goDurationProblem } from '../../../src/validation/apiserver/schedule.js';
import {
  cronJobNameProblem,
  jobNameProblem,
  parseRobfigStandard,
  parseStandardSchedule,
} from '../../../src/validation/apiserver/index.js';

function reason(schedule: string): string {
  const result = parseStandardSchedule(schedule);
  if (result.ok) throw new Error(`expected ${JSON.stringify(schedule)} to be rejected`);
  return result.reason;
}

describe('robfig standard grammar: accepted', () => {
  it.each([
    ['every minute', '* * * * *'],
    ['? as *', '* * * * ?'],
    ['? in every field', '? ? ? ? ?'],
    ['steps on *', '*/5 * * * *'],
    ['a/n means a-max/n', '5/15 * * * *'],
    ['a-b/n', '0-59/15 9-17/2 * * *'],
    ['lists', '0,15,30,45 0 1,15 * *'],
    ['upper bounds', '59 23 31 12 6'],
    ['lower bounds', '0 0 1 1 0'],
    ['day names, case-insensitive', '0 9 * * MON-FRI'],
    ['day name list', '0 9 * * mon,Wed,FRI'],
    ['month names', '0 0 1 JAN,jul,Dec *'],
    ['month name range', '0 0 1 jan-jun *'],
    ['tabs and repeated spaces separate fields', '0\t0  *   * *'],
    ['@yearly', '@yearly'],
    ['@annually', '@annually'],
    ['@monthly', '@monthly'],
    ['@weekly', '@weekly'],
    ['@daily', '@daily'],
    ['@midnight', '@midnight'],
    ['@hourly', '@hourly'],
    ['@every 1h30m', '@every 1h30m'],
    ['@every with a fraction', '@every 1.5h'],
    ['@every 0', '@every 0'],
    ['@every in microseconds (rounded up to 1s by robfig)', '@every 500µs'],
    // robfig quirks the apiserver inherits:
    ['a step larger than the range selects only the start', '*/60 * * * *'],
    ['strconv.Atoi accepts a plus sign', '+5 * * * *'],
    ['text after * is ignored', '*-5 * * * *'],
    ['empty list items are skipped', '1,,2 * * * *'],
    ['a step larger than any field', '*/9223372036854775807 * * * *'],
    ['a field of only commas selects nothing but parses', ', , , , ,'],
  ])('%s: %j', (_name, schedule) => {
    expect(parseStandardSchedule(schedule)).toEqual({ ok: true });
  });
});

describe('robfig standard grammar: rejected', () => {
  it.each([
    ['step 0', '*/0 * * * *', 'step of range should be a positive number: */0'],
    ['step 0 on a range', '0-30/0 * * * *', 'step of range should be a positive number'],
    ['minute 60', '60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['hour 24', '0 24 * * *', 'end of range (24) above maximum (23): 24'],
    // Go's Atoi reads an int64: values past a million are still printed exactly, only int64 overflow fails to parse.
    ['minute 2000000, printed as written', '2000000 * * * *', 'end of range (2000000) above maximum (59): 2000000'],
    ['the largest int64 as an hour', '0 9223372036854775807 * * *', 'end of range (9223372036854775807) above maximum (23): 9223372036854775807'],
    ['a huge range end', '0 0 1-1000001 * *', 'end of range (1000001) above maximum (31): 1-1000001'],
    ['past int64', '9223372036854775808 * * * *', 'failed to parse int from 9223372036854775808'],
    ['day-of-month 0', '0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['day-of-month 32', '0 0 32 * *', 'above maximum (31)'],
    ['month 0', '0 0 * 0 *', 'below minimum (1)'],
    ['month 13', '0 0 * 13 *', 'above maximum (12)'],
    ['day-of-week 7 (robfig is 0-6)', '* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['SUN-SAT is 0-6, so 1-7 fails', '0 0 * * 1-7', 'above maximum (6)'],
    ['six fields (seconds are not part of the standard parser)', '0 0 0 * * *', 'expected exactly 5 fields, found 6: [0 0 0 * * *]'],
    ['four fields', '* * * *', 'expected exactly 5 fields, found 4'],
    ['reversed range', '5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['two hyphens', '1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['two slashes', '*/5/2 * * * *', 'too many slashes: */5/2'],
    ['negative number', '0 0 * * */-1', 'negative number (-1) not allowed: -1'],
    ['leading hyphen', '-1 * * * *', 'failed to parse int from '],
    ['not a number', 'a * * * *', 'failed to parse int from a'],
    ['day names only in day-of-week', 'MON * * * *', 'failed to parse int from MON'],
    ['month names only in month', '0 0 * * JAN', 'failed to parse int from JAN'],
    ['full day names are not names', '0 0 * * monday', 'failed to parse int from monday'],
    ['Quartz L', '0 0 L * *', 'failed to parse int from L'],
    ['Quartz W', '0 0 15W * *', 'failed to parse int from 15W'],
    ['Quartz #', '0 0 * * 1#2', 'failed to parse int from 1#2'],
    ['unknown descriptor', '@reboot', 'unrecognized descriptor: @reboot'],
    ['descriptors are case-sensitive', '@HOURLY', 'unrecognized descriptor: @HOURLY'],
    ['a trailing space after a descriptor', '@hourly ', 'unrecognized descriptor: @hourly '],
    ['a leading space before a descriptor', ' @hourly', 'expected exactly 5 fields, found 1'],
    ['@every without a duration', '@every', 'unrecognized descriptor: @every'],
    ['@every without a unit', '@every 1', 'missing unit in duration'],
    ['@every with a space inside the duration', '@every 1h 30m', 'unknown unit "h "'],
    ['@every with an unknown unit', '@every 1d', 'unknown unit "d"'],
    ['empty', '', 'schedule is required'],
  ])('%s: %j', (_name, schedule, why) => {
    expect(reason(schedule)).toContain(why);
  });
});

describe('TZ and CRON_TZ', () => {
  it('robfig itself accepts a TZ= prefix with a loadable zone ...', () => {
    expect(parseRobfigStandard('TZ=Europe/Rome 0 9 * * *')).toEqual({ ok: true });
    expect(parseRobfigStandard('CRON_TZ=UTC @daily')).toEqual({ ok: true });
    expect(parseRobfigStandard('TZ=Nowhere/Else 0 9 * * *')).toEqual({
      ok: false,
      reason: 'provided bad location Nowhere/Else: unknown time zone Nowhere/Else',
    });
  });
  it('... but the apiserver rejects any TZ in a new schedule, pointing at spec.timeZone', () => {
    expect(reason('TZ=Europe/Rome 0 9 * * *')).toBe('cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
    expect(reason('CRON_TZ=UTC @daily')).toBe('cannot use TZ or CRON_TZ in schedule, use timeZone field instead');
  });
  it('a TZ prefix without a following space is the parser panic the apiserver reports as "invalid schedule format"', () => {
    expect(parseRobfigStandard('TZ=UTC')).toEqual({ ok: false, reason: 'invalid schedule format' });
  });
  it('lower-case tz= is not a prefix, just a bad field count', () => {
    expect(reason('tz=UTC 0 9 * * *')).toBe('expected exactly 5 fields, found 6: [tz=UTC 0 9 * * *]');
  });
});

describe('Go time.ParseDuration (for @every)', () => {
  it.each(['1h30m', '1.5h', '.5s', '5.s', '-1h', '+1h', '0', '1h1m1s1ms1us1µs1μs1ns', '9223372036854775807ns', '2562047h', '-9223372036854775808ns'])(
    'accepts %j',
    (d) => {
      expect(goDurationProblem(d)).toBeUndefined();
    },
  );
  it.each(['', '1', '.s', 'h', '1e3s', '1h ', ' 1h', '9223372036854775808ns', '2562048h', '1hh'])('rejects %j', (d) => {
    expect(goDurationProblem(d)).toBeDefined();
  });
});

describe('name helpers for the CLI', () => {
  it('cronJobNameProblem: DNS-1123 subdomain, at most 52 characters', () => {
    expect(cronJobNameProblem('nightly-report')).toBeUndefined();
    expect(cronJobNameProblem('a'.repeat(52))).toBeUndefined();
    expect(cronJobNameProblem('a'.repeat(53))).toBe('must be no more than 52 characters');
    expect(cronJobNameProblem('Nightly')).toContain('RFC 1123 subdomain');
    expect(cronJobNameProblem('')).toBe('name is required');
  });
  it('jobNameProblem: DNS-1123 subdomain, at most 63 characters', () => {
    expect(jobNameProblem('a'.repeat(63))).toBeUndefined();
    expect(jobNameProblem('a'.repeat(64))).toBe('must be no more than 63 characters');
    expect(jobNameProblem('report.v2')).toBeUndefined();
    expect(jobNameProblem('-report')).toContain('RFC 1123 subdomain');
  });
});

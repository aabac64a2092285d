/**
 * Go `time.ParseDuration` acceptance (what robfig's `@every` descriptor calls), with the tables of Go's
 * src/time/time_test.go: `parseDurationTests` (accepted) and `parseDurationErrorTests` (rejected, with the exact
 * message), plus the schedule edges of robfig's `getRange` that print the parsed numbers.
 */
import { describe, expect, it } from 'vitest';
import { goDurationProblem, parseRobfigStandard } from '../../../src/validation/apiserver/schedule.js';

describe('goDurationProblem (parseDurationTests)', () => {
  it.each([
    '0', '5s', '30s', '1478s', '-5s', '+5s', '-0', '+0', '5.0s', '5.6s', '5.s', '.5s', '1.0s', '1.00s', '1.004s', '1.0040s',
    '100.00100s', '10ns', '11us', '12µs', '12μs', '13ms', '14s', '15m', '16h', '3h30m', '10.5s4m', '-2m3.4s',
    '1h2m3s4ms5us6ns', '39h9m14.425s', '52763797000ns', '0.3333333333333333333h', '9007199254740993ns',
    '9223372036854775807ns', '9223372036s854ms775us807ns', '-9223372036854775808ns', '-9223372036s854ms775us808ns',
    '0.100000000000000000000h', '0.830103483285477580700h',
  ])('accepts %j', (d) => {
    expect(goDurationProblem(d)).toBeUndefined();
  });
});

describe('goDurationProblem (parseDurationErrorTests)', () => {
  it.each([
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1.5', 'time: missing unit in duration "1.5"'],
    ['1s2', 'time: missing unit in duration "1s2"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['9223372036854ms775us808ns', 'time: invalid duration "9223372036854ms775us808ns"'],
    ['-9223372036854775809ns', 'time: invalid duration "-9223372036854775809ns"'],
    ['99999999999999999999s', 'time: invalid duration "99999999999999999999s"'],
    ['9223372037s', 'time: invalid duration "9223372037s"'],
    ['2562048h', 'time: invalid duration "2562048h"'],
    ['2562047h48m', 'time: invalid duration "2562047h48m"'],
  ])('rejects %j', (d, message) => {
    expect(goDurationProblem(d)).toBe(message);
  });

  it('just within and just past the int64 nanosecond range', () => {
    expect(goDurationProblem('2562047h47m16s')).toBeUndefined();
    expect(goDurationProblem('2562047h47m17s')).toBe('time: invalid duration "2562047h47m17s"');
    expect(goDurationProblem('9223372036.854775807s')).toBeUndefined();
    // The fraction is what crosses the limit (parseDurationTests / parseDurationErrorTests).
    expect(goDurationProblem('9223372036854775.807us')).toBeUndefined();
    expect(goDurationProblem('-9223372036854775.808us')).toBeUndefined();
    expect(goDurationProblem('-2562047h47m16.854775808s')).toBeUndefined();
    expect(goDurationProblem('9223372036854775.808us')).toBe('time: invalid duration "9223372036854775.808us"');
    expect(goDurationProblem('2562047h47m16.854775808s')).toBe('time: invalid duration "2562047h47m16.854775808s"');
    expect(goDurationProblem('-9223372036854775.809us')).toBe('time: invalid duration "-9223372036854775.809us"');
  });
});

describe('robfig @every and ranges: the messages', () => {
  const reason = (spec: string) => {
    const r = parseRobfigStandard(spec);
    return r.ok ? 'ok' : r.reason;
  };
  it.each([
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['@every 90s', 'ok'],
    ['@every 0', 'ok'],
    ['@every ', 'failed to parse duration @every : time: invalid duration ""'],
    ['@every', 'unrecognized descriptor: @every'],
    ['@reboot', 'unrecognized descriptor: @reboot'],
    ['@hourly', 'ok'],
    ['1000000 * * * *', 'end of range (1000000) above maximum (59): 1000000'],
    // getRange splits on '-' first: the low end of "-1" is the empty string.
    ['-1 * * * *', 'failed to parse int from '],
    ['50-40/5 * * * *', 'beginning of range (50) beyond end of range (40): 50-40/5'],
    ['5/15 * * * *', 'ok'],
    ['5 * * * *', 'ok'],
    ['5-10/2 * * * *', 'ok'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['0 0 * 13 *', 'end of range (13) above maximum (12): 13'],
    ['0 0 * JAN-dec SUN', 'ok'],
    ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['x * * * *', 'failed to parse int from x'],
    ['1,,2 * * * *', 'ok'],
    ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
  ])('%j: %s', (spec, want) => {
    expect(reason(spec)).toBe(want);
  });
});

/**
 * `spec.timeZone` rules: `validateTimeZone` in pkg/apis/batch/validation/validation.go and Go's `time.LoadLocation`.
 * Cases follow `TestValidateCronJob` ("spec.timeZone: ...") and `TestValidateCronJobSpec` in
 * pkg/apis/batch/validation/validation_test.go (empty, `Local`, bad parts, unknown zones), plus the edges of
 * `LoadLocation` (`""`, `UTC`, `..`, absolute paths). Messages are asserted exactly.
 */
import { describe, expect, it } from 'vitest';
import { isTzDatabaseName, loadLocationProblem, timeZoneProblem, timeZoneProblems } from '../../../src/validation/apiserver/time-zone.js';
import { GO_TZ_NAMES } from '../../../src/validation/apiserver/tz-names.js';

const EXPLICIT = 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones';

describe('timeZoneProblems (validateTimeZone)', () => {
  it.each(['Europe/Rome', 'Etc/UTC', 'UTC', 'America/Buenos_Aires', 'America/Argentina/Buenos_Aires', 'Etc/GMT+1', 'EST5EDT'])('accepts %j', (tz) => {
    expect(timeZoneProblems(tz)).toEqual([]);
    expect(timeZoneProblem(tz)).toBeUndefined();
  });

  it('empty', () => {
    expect(timeZoneProblems('')).toEqual(['timeZone must be nil or non-empty string']);
  });

  it.each(['.', '..', 'Europe/.', 'a/../b', '-Europe', 'Europe/-Rome', 'America/Argentina_Buenos', 'Europe/Rome!', 'Europe//Rome', 'Europe/'])(
    'a bad part makes %j unknown (and nothing else is checked)',
    (tz) => {
      expect(timeZoneProblems(tz)).toEqual([`unknown time zone ${tz}`]);
    },
  );

  it('a dash inside or at the end of a part is fine', () => {
    expect(timeZoneProblems('America/Port-au-Prince')).toEqual([]);
    expect(timeZoneProblems('Abc-')).toEqual(['unknown time zone Abc-']);
    expect(timeZoneProblems('Europe/Rome-')).toEqual(['unknown time zone Europe/Rome-']);
  });

  it('Local in any case is not explicit; only the exact "Local" loads', () => {
    expect(timeZoneProblems('Local')).toEqual([EXPLICIT]);
    expect(timeZoneProblems('LOCAL')).toEqual([EXPLICIT, 'unknown time zone LOCAL']);
    expect(timeZoneProblem('local')).toBe(EXPLICIT);
  });

  it('names are case-sensitive (the tz database is a file tree on Linux)', () => {
    expect(timeZoneProblems('europe/rome')).toEqual(['unknown time zone europe/rome']);
    expect(timeZoneProblems('utc')).toEqual(['unknown time zone utc']);
  });

  it('unknown names', () => {
    expect(timeZoneProblems('Mars/Olympus')).toEqual(['unknown time zone Mars/Olympus']);
  });
});

describe('loadLocationProblem (time.LoadLocation)', () => {
  it.each(['', 'UTC', 'Local', 'Europe/Rome'])('%j loads', (name) => {
    expect(loadLocationProblem(name)).toBeUndefined();
  });
  it.each(['Europe/..', 'a..b', '/etc/localtime', '\\Europe\\Rome'])('%j is an invalid location name', (name) => {
    expect(loadLocationProblem(name)).toBe('time: invalid location name');
  });
  it('a name ending in a slash is only unknown', () => {
    expect(loadLocationProblem('Europe/')).toBe('unknown time zone Europe/');
    expect(loadLocationProblem('Europe\\')).toBe('unknown time zone Europe\\');
  });
  it.each(['local', 'Utc', 'Nowhere'])('%j is unknown', (name) => {
    expect(loadLocationProblem(name)).toBe(`unknown time zone ${name}`);
  });
});

describe('isTzDatabaseName', () => {
  it('exact names from the Go list', () => {
    expect(isTzDatabaseName('Europe/Rome')).toBe(true);
    expect(isTzDatabaseName('Asia/Calcutta')).toBe(true);
  });
  it('a known name in another case is not the file', () => {
    expect(isTzDatabaseName('EUROPE/ROME')).toBe(false);
    expect(isTzDatabaseName('Europe/rome')).toBe(false);
  });
  it('ICU canonical names Go’s list lacks are known too, in exact case only', () => {
    const go = new Set(GO_TZ_NAMES);
    const icuOnly = Intl.supportedValuesOf('timeZone').filter((n) => !go.has(n));
    for (const name of icuOnly) {
      expect(isTzDatabaseName(name)).toBe(true);
      expect(isTzDatabaseName(name.toLowerCase())).toBe(false);
    }
  });
  it('ICU UTC-offset identifiers are not tz database names', () => {
    expect(isTzDatabaseName('+01:00')).toBe(false);
    expect(isTzDatabaseName('+0100')).toBe(false);
    expect(isTzDatabaseName('-05')).toBe(false);
    expect(isTzDatabaseName('01:00')).toBe(false);
  });
  it('a name only ICU’s alias table knows is accepted', () => {
    expect(isTzDatabaseName('US/Pacific-New')).toBe(true);
    expect(isTzDatabaseName('Canada/East-Saskatchewan')).toBe(true);
  });
  it('a name nobody knows', () => {
    expect(isTzDatabaseName('Mars/Olympus')).toBe(false);
  });
});

/**
 * Hangfire's `Cron` helper class (Hangfire.Core `Cron.cs`): the expression each helper returns. Defaults as in the
 * library: `Weekly()` is Monday, `Monthly()` the 1st, `Yearly()` 1 January, all at 00:00.
 */
const DOW = (d: number | undefined) => String(d ?? 1);

const HELPERS: Readonly<Record<string, (a: readonly number[]) => string | undefined>> = {
  Minutely: () => '* * * * *',
  Hourly: ([m = 0]) => `${m} * * * *`,
  Daily: ([h = 0, m = 0]) => `${m} ${h} * * *`,
  Weekly: ([d, h = 0, m = 0]) => `${m} ${h} * * ${DOW(d)}`,
  Monthly: ([day = 1, h = 0, m = 0]) => `${m} ${h} ${day} * *`,
  Yearly: ([month = 1, day = 1, h = 0, m = 0]) => `${m} ${h} ${day} ${month} *`,
  Never: () => '0 0 31 2 *',
  MinuteInterval: ([n]) => (n === undefined ? undefined : `*/${n} * * * *`),
  HourInterval: ([n]) => (n === undefined ? undefined : `0 */${n} * * *`),
  DayInterval: ([n]) => (n === undefined ? undefined : `0 0 */${n} * *`),
  MonthInterval: ([n]) => (n === undefined ? undefined : `0 0 1 */${n} *`),
};

export const HANGFIRE_HELPERS = new Set(Object.keys(HELPERS));

/** The expression `Cron.<name>(args)` returns; undefined for an unknown helper or arguments. */
export function hangfireHelper(name: string, args: readonly number[]): string | undefined {
  return HELPERS[name]?.(args);
}

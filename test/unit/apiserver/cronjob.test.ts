/**
 * Cases ported from Kubernetes' pkg/apis/batch/validation/validation_test.go: `TestValidateCronJob`,
 * `TestValidateCronJobScheduleTZ`, `TestValidateCronJobSpec`, `TestTimeZones`,
 * `TestValidateScheduleFormatPanicRecovery` and `TestValidateScheduleFormatNormalCases`. Update cases run through
 * `validateBatchObjectUpdate` (old object, then the changed one), like `ValidateCronJobUpdate` upstream.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStandardSchedule, timeZoneProblem } from '../../../src/validation/apiserver/index.js';
import type { KubeObject } from '../../../src/validation/types.js';
import { cronJob, expectErrorAt, expectOnlyErrorAt, expectValid, findings, HOSTNET_TEMPLATE, podTemplate, updateFindings } from './manifests.js';

// The Go test's time zone fixtures (this version of the test uses Europe/Rome).
const timeZoneEmpty = '';
const timeZoneLocal = 'LOCAL';
const timeZoneUTC = 'UTC';
const timeZoneCorrect = 'Europe/Rome';
const timeZoneBadPrefix = ' Europe/Rome';
const timeZoneBadSuffix = 'Europe/Rome ';
const timeZoneBadName = 'Europe/InvalidRome';
const timeZoneEmptySpace = ' ';

describe('TestValidateCronJob success cases', () => {
  it('TestValidateCronJob/"basic scheduled job"', () => {
    expectValid(cronJob());
  });
  it('TestValidateCronJob/"hostnet job"', () => {
    expectValid(cronJob({}, { template: HOSTNET_TEMPLATE }));
  });
  it('TestValidateCronJob/"non-standard scheduled"', () => {
    expectValid(cronJob({ schedule: '@hourly' }));
  });
  it('TestValidateCronJob/"correct timeZone value"', () => {
    expectValid(cronJob({ schedule: '0 * * * *', timeZone: timeZoneCorrect }));
  });
});

describe('TestValidateCronJob error cases', () => {
  it('TestValidateCronJob/"spec.schedule: Invalid value"', () => {
    const [f] = expectOnlyErrorAt(cronJob({ schedule: 'error' }), 'spec.schedule');
    expect(f!.message).toContain('Invalid value: "error": expected exactly 5 fields, found 1: [error]');
  });
  it('TestValidateCronJob/"spec.schedule: Required value"', () => {
    const [f] = expectOnlyErrorAt(cronJob({ schedule: '' }), 'spec.schedule');
    expect(f!.message).toBe('Required value');
    expectOnlyErrorAt(cronJob({ schedule: undefined }), 'spec.schedule');
  });
  it('TestValidateCronJob/"spec.timeZone: timeZone must be nil or non-empty string"', () => {
    const [f] = expectOnlyErrorAt(cronJob({ schedule: '0 * * * *', timeZone: timeZoneEmpty }), 'spec.timeZone');
    expect(f!.message).toContain('timeZone must be nil or non-empty string');
  });
  it('TestValidateCronJob/"spec.timeZone: timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones"', () => {
    const at = expectOnlyErrorAt(cronJob({ schedule: '0 * * * *', timeZone: timeZoneLocal }), 'spec.timeZone');
    expect(at[0]!.message).toContain('timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones');
  });
  it('TestValidateCronJob/"spec.timeZone: Invalid value: \\" Continent/Zone\\": unknown time zone  Continent/Zone"', () => {
    const [f] = expectOnlyErrorAt(cronJob({ schedule: '0 * * * *', timeZone: timeZoneBadPrefix }), 'spec.timeZone');
    expect(f!.message).toContain(`unknown time zone ${timeZoneBadPrefix}`);
  });
  it('TestValidateCronJob/"spec.timeZone: Invalid value: \\"Continent/InvalidZone\\": unknown time zone  Continent/InvalidZone"', () => {
    const [f] = expectOnlyErrorAt(cronJob({ schedule: '0 * * * *', timeZone: timeZoneBadName }), 'spec.timeZone');
    expect(f!.message).toContain(`unknown time zone ${timeZoneBadName}`);
  });
  it('TestValidateCronJob/"spec.timeZone: Invalid value: \\" \\": unknown time zone  "', () => {
    expectOnlyErrorAt(cronJob({ schedule: '0 * * * *', timeZone: timeZoneEmptySpace }), 'spec.timeZone');
  });
  it('TestValidateCronJob/"spec.timeZone: Invalid value: \\"Continent/Zone \\": unknown time zone Continent/Zone "', () => {
    expectOnlyErrorAt(cronJob({ schedule: '0 * * * *', timeZone: timeZoneBadSuffix }), 'spec.timeZone');
  });
  it('TestValidateCronJob/"spec.startingDeadlineSeconds:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(cronJob({ startingDeadlineSeconds: -1 }), 'spec.startingDeadlineSeconds');
  });
  it('TestValidateCronJob/"spec.successfulJobsHistoryLimit: must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(cronJob({ successfulJobsHistoryLimit: -1 }), 'spec.successfulJobsHistoryLimit');
  });
  it('TestValidateCronJob/"spec.failedJobsHistoryLimit: must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(cronJob({ failedJobsHistoryLimit: -1 }), 'spec.failedJobsHistoryLimit');
  });
  it('TestValidateCronJob/"spec.concurrencyPolicy: Required value" (diverges: a manifest is defaulted before validation)', () => {
    // Upstream validates an undefaulted internal object, so an empty policy is "Required". In a manifest an absent or empty policy is defaulted to Allow (SetDefaults_CronJob) before validation...
    expectValid(cronJob({ concurrencyPolicy: undefined }));
    expectValid(cronJob({ concurrencyPolicy: '' }));
    // ...so only a value outside the enum reaches validateConcurrencyPolicy as an error.
    const [f] = expectOnlyErrorAt(cronJob({ concurrencyPolicy: 'Sometimes' }), 'spec.concurrencyPolicy');
    expect(f!.message).toBe('Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"');
  });
  it('TestValidateCronJob/"spec.jobTemplate.spec.parallelism:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(cronJob({}, { parallelism: -1 }), 'spec.jobTemplate.spec.parallelism');
  });
  it('TestValidateCronJob/"spec.jobTemplate.spec.completions:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(cronJob({}, { completions: -1 }), 'spec.jobTemplate.spec.completions');
  });
  it('TestValidateCronJob/"spec.jobTemplate.spec.activeDeadlineSeconds:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(cronJob({}, { activeDeadlineSeconds: -1 }), 'spec.jobTemplate.spec.activeDeadlineSeconds');
  });
  it('TestValidateCronJob/"spec.jobTemplate.spec.selector: Invalid value: {\\"matchLabels\\":{\\"a\\":\\"b\\"}}: `selector` will be auto-generated"', () => {
    const [f] = expectOnlyErrorAt(cronJob({}, { selector: { matchLabels: { a: 'b' } } }), 'spec.jobTemplate.spec.selector');
    expect(f!.message).toContain('`selector` will be auto-generated');
  });
  it('TestValidateCronJob/"metadata.name: must be no more than 52 bytes"', () => {
    const name = '10000000002000000000300000000040000000005000000000123';
    expect(name).toHaveLength(53);
    const [f] = expectOnlyErrorAt(cronJob({}, {}, { name }), 'metadata.name');
    expect(f!.rule).toBe('cronjob-name-length');
    expectValid(cronJob({}, {}, { name: name.slice(0, 52) }));
  });
  it('TestValidateCronJob/"spec.jobTemplate.spec.manualSelector: Unsupported value"', () => {
    expectOnlyErrorAt(cronJob({}, { manualSelector: true }), 'spec.jobTemplate.spec.manualSelector');
    expectValid(cronJob({}, { manualSelector: false }));
  });
  it('TestValidateCronJob/"spec.jobTemplate.spec.template.spec.restartPolicy: Required value"', () => {
    // Upstream sets Always; a manifest that leaves the field out is defaulted to Always, so both are refused.
    for (const restartPolicy of ['Always', null]) {
      const [f] = expectOnlyErrorAt(cronJob({}, { template: podTemplate({ restartPolicy }) }), 'spec.jobTemplate.spec.template.spec.restartPolicy');
      expect(f!.message).toContain('Required value');
    }
  });
  it('TestValidateCronJob/"spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value"', () => {
    const [f] = expectOnlyErrorAt(cronJob({}, { template: podTemplate({ restartPolicy: 'Invalid' }) }), 'spec.jobTemplate.spec.template.spec.restartPolicy');
    expect(f!.message).toContain('Unsupported value');
  });
  it('TestValidateCronJob/"spec.jobTemplate.spec.ttlSecondsAfterFinished:must be greater than or equal to 0"', () => {
    expectOnlyErrorAt(cronJob({}, { ttlSecondsAfterFinished: -1 }), 'spec.jobTemplate.spec.ttlSecondsAfterFinished');
  });
});

describe('TestValidateCronJobScheduleTZ', () => {
  const invalidSchedule = 'TZ=UTC 0 * * * *';
  const validSchedule = '0 * * * *';
  const invalidCronJob = cronJob({ schedule: invalidSchedule });
  const validCronJob = cronJob({ schedule: validSchedule });
  const withSpec = (base: KubeObject, spec: Record<string, unknown>): KubeObject => ({ ...base, spec: { ...(base['spec'] as object), ...spec } });
  const cases: { name: string; cronJob: KubeObject; createErr?: string; update: Record<string, unknown>; updateErr?: string }[] = [
    { name: 'update removing TZ should work', cronJob: invalidCronJob, createErr: 'cannot use TZ or CRON_TZ in schedule', update: { schedule: validSchedule } },
    {
      name: 'update not modifying TZ should work',
      cronJob: invalidCronJob,
      createErr: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      update: { schedule: invalidSchedule },
    },
    {
      name: 'update not modifying TZ but adding .spec.timeZone should fail',
      cronJob: invalidCronJob,
      createErr: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      update: { timeZone: 'UTC' },
      updateErr: 'cannot use both timeZone field and TZ or CRON_TZ in schedule',
    },
    { name: 'update adding TZ should fail', cronJob: validCronJob, update: { schedule: invalidSchedule }, updateErr: 'cannot use TZ or CRON_TZ in schedule' },
  ];
  for (const c of cases) {
    it(`TestValidateCronJobScheduleTZ/"${c.name}"`, () => {
      const created = findings(c.cronJob);
      if (c.createErr === undefined) expect(created).toEqual([]);
      else expect(created[0]?.message).toContain(c.createErr);
      const updated = updateFindings(c.cronJob, withSpec(c.cronJob, c.update));
      if (c.updateErr === undefined) expect(updated).toEqual([]);
      else {
        expect(updated[0]?.path).toBe('spec.schedule');
        expect(updated[0]?.message).toContain(c.updateErr);
      }
    });
  }
});

describe('TestValidateCronJobSpec (old spec → new spec)', () => {
  const spec = (timeZone: string | undefined): KubeObject => cronJob({ schedule: '0 * * * *', timeZone });
  const cases: [string, string | undefined, string | undefined, boolean][] = [
    ['no validation because timeZone is nil for old and new', undefined, undefined, false],
    ['check validation because timeZone is different for new', undefined, 'America/New_York', false],
    ['check validation because timeZone is different for new and invalid', undefined, 'broken', true],
    ['old timeZone and new timeZone are valid', 'America/New_York', 'America/Chicago', false],
    ['old timeZone is valid, but new timeZone is invalid', 'America/New_York', 'broken', true],
    ['old timeZone and new timeZone are invalid, but unchanged', 'broken', 'broken', false],
    ['old timeZone and new timeZone are invalid, but different', 'broken', 'still broken', true],
    ['old timeZone is invalid, but new timeZone is valid', 'broken', 'America/New_York', false],
  ];
  for (const [name, oldZone, newZone, expectErr] of cases) {
    it(`TestValidateCronJobSpec/"${name}"`, () => {
      const errs = updateFindings(spec(oldZone), spec(newZone));
      if (expectErr) expect(errs.map((f) => f.path)).toEqual(['spec.timeZone']);
      else expect(errs).toEqual([]);
    });
  }
  it('an update may keep a name over 52 characters (ValidateCronJobUpdate skips the create-only limit)', () => {
    const long = cronJob({}, {}, { name: 'a'.repeat(53) });
    expect(findings(long).map((f) => f.rule)).toEqual(['cronjob-name-length']);
    expect(updateFindings(long, long)).toEqual([]);
  });
});

describe('TestTimeZones', () => {
  const { names } = JSON.parse(readFileSync(new URL('../../fixtures/apiserver/go-test-time-zones.json', import.meta.url), 'utf8')) as {
    names: string[];
  };
  it(`TestTimeZones: all ${names.length} valid time zones as of go1.19 are accepted`, () => {
    expect(names.length).toBeGreaterThan(590);
    expect(names.filter((tz) => timeZoneProblem(tz) !== undefined)).toEqual([]);
  });
  it('time zones: aliases and UTC spellings are accepted; case, Local, offsets and junk are not', () => {
    for (const tz of ['Etc/UTC', 'UTC', 'America/Buenos_Aires', 'Asia/Kolkata', 'Asia/Calcutta', 'Europe/Kyiv', 'Etc/GMT+1']) {
      expect(timeZoneProblem(tz), tz).toBeUndefined();
    }
    expect(timeZoneProblem('europe/rome')).toBe('unknown time zone europe/rome');
    expect(timeZoneProblem('Local')).toContain('explicit time zone');
    expect(timeZoneProblem('local')).toContain('explicit time zone');
    expect(timeZoneProblem('+01:00')).toBe('unknown time zone +01:00');
    expect(timeZoneProblem('+0100')).toBe('unknown time zone +0100');
    expect(timeZoneProblem('Europe/../Rome')).toBe('unknown time zone Europe/../Rome');
    expect(timeZoneProblem('America/VeryVeryLongName1')).toBe('unknown time zone America/VeryVeryLongName1');
    expect(timeZoneProblem('Europe/Rome')).toBeUndefined();
  });
});

describe('TestValidateScheduleFormatPanicRecovery', () => {
  for (const [name, schedule] of [
    ['TZ=0 without space should not panic', 'TZ=0'],
    ['TZ= without value should not panic', 'TZ='],
    ['CRON_TZ= without space should not panic', 'CRON_TZ=UTC'],
    ['malformed timezone spec should not panic', 'TZ=Invalid/Timezone'],
  ] as const) {
    it(`TestValidateScheduleFormatPanicRecovery/"${name}"`, () => {
      const at = expectErrorAt(cronJob({ schedule }), 'spec.schedule');
      expect(at[0]!.message).toContain('invalid schedule format');
      expect(parseStandardSchedule(schedule)).toEqual({ ok: false, reason: 'invalid schedule format' });
    });
  }
});

describe('TestValidateScheduleFormatNormalCases (allowTZInSchedule=false, i.e. create)', () => {
  it('TestValidateScheduleFormatNormalCases/"valid schedule without timezone"', () => {
    expectValid(cronJob({ schedule: '0 0 * * *' }));
  });
  it('TestValidateScheduleFormatNormalCases/"valid schedule with timezone field"', () => {
    expectValid(cronJob({ schedule: '0 0 * * *', timeZone: timeZoneUTC }));
  });
  it('TestValidateScheduleFormatNormalCases/"TZ in schedule when not allowed"', () => {
    const [f] = expectOnlyErrorAt(cronJob({ schedule: 'TZ=UTC 0 0 * * *' }), 'spec.schedule');
    expect(f!.message).toContain('cannot use TZ or CRON_TZ in schedule');
  });
});

describe('CronJob rules beyond the Go cases', () => {
  it('a schedule with CRON_TZ is rejected on create even though robfig parses it', () => {
    expect(parseStandardSchedule('CRON_TZ=Europe/Rome 30 2 * * *')).toEqual({
      ok: false,
      reason: 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
    });
  });
  it('a bad schedule with TZ gets both errors, as validateScheduleFormat appends both', () => {
    const at = expectOnlyErrorAt(cronJob({ schedule: 'TZ=Nowhere/Else 0 * * * *' }), 'spec.schedule');
    expect(at.map((f) => f.rule)).toEqual(['cronjob-schedule', 'cronjob-schedule-time-zone']);
  });
  it('a CronJob name must be a DNS-1123 subdomain', () => {
    expectOnlyErrorAt(cronJob({}, {}, { name: 'Nightly_Report' }), 'metadata.name');
    expectOnlyErrorAt(cronJob({}, {}, { name: '' }), 'metadata.name');
  });
  it('the job template may not use Job-only defaults: Indexed needs completions there', () => {
    expectValid(cronJob({}, { completionMode: 'Indexed', completions: 3 }));
  });
  it('non-batch objects and other kinds are ignored', () => {
    expectValid({ apiVersion: 'batch/v1beta1', kind: 'CronJob', spec: {} });
    expectValid({ apiVersion: 'v1', kind: 'ConfigMap' });
  });
});

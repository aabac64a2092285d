/**
 * The time zone of a detected schedule, as Kubernetes needs it (`spec.timeZone`, an IANA name), or the decision
 * left to the user when the code does not fix one. Windows ids (`W. Europe Standard Time`) are mapped with CLDR's
 * windowsZones.xml as shipped by the `windows-iana` package: its first IANA name for an id is CLDR's territory
 * "001" (default) zone.
 */
import { findIana } from 'windows-iana';
import type { Lang } from '../cli/i18n.js';
import type { Value, ZoneValue } from './csharp-values.js';
import { migrateCatalogs } from './messages.js';

export interface ResolvedZone {
  /** IANA name for `spec.timeZone`; undefined when it is a decision. */
  readonly timeZone?: string;
  /** How the code gives it, for the report (`TimeZoneInfo.Local`, `"W. Europe Standard Time"`, `config Jobs:Zone`). */
  readonly written: string;
  /** Why the user must choose (configuration key, run-time choices, server-local zone). */
  readonly decision?: string;
}

function isIana(id: string): boolean {
  if (!id.includes('/') && !/^(UTC|Etc\/.+|GMT)$/.test(id)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

/** An id as .NET accepts it (IANA on every OS since .NET 6, Windows ids via ICU) → IANA; undefined when unknown. */
export function toIana(id: string): string | undefined {
  if (/^(UTC|Etc\/UTC|Coordinated Universal Time)$/i.test(id)) return 'Etc/UTC';
  if (isIana(id)) return id;
  return findIana(id)[0];
}

function describeValue(v: Value, lang: Lang = 'en'): string {
  const m = migrateCatalogs[lang];
  switch (v.kind) {
    case 'constant':
      return JSON.stringify(v.value);
    case 'config':
      return m.configuration(v.key, v.fallback);
    case 'runtime':
      return m.oneOf(v.choices.map((c) => describeValue(c, lang)).join(' | '), v.text);
    case 'unknown':
      return `\`${v.text}\``;
  }
}

export { describeValue };

function describeZone(z: ZoneValue): string {
  switch (z.kind) {
    case 'utc':
      return 'TimeZoneInfo.Utc';
    case 'local':
      return 'TimeZoneInfo.Local';
    case 'id':
      return describeValue(z.id);
    case 'runtime':
      return `one of ${z.choices.map(describeZone).join(' | ')}`;
    case 'unknown':
      return `\`${z.text}\``;
  }
}

/** The library's zone when the code names none: Quartz uses the server's local zone, the others UTC. */
export function resolveZone(zone: ZoneValue | undefined, library: string, lang: Lang = 'en'): ResolvedZone {
  const m = migrateCatalogs[lang];
  if (zone === undefined) {
    return library === 'quartz'
      ? { written: '(Quartz default: TimeZoneInfo.Local)', decision: m.quartzLocal }
      : { timeZone: 'Etc/UTC', written: `(${library} default: UTC)` };
  }
  const written = describeZone(zone);
  switch (zone.kind) {
    case 'utc':
      return { timeZone: 'Etc/UTC', written };
    case 'local':
      return { written, decision: m.localZone };
    case 'id': {
      if (zone.id.kind === 'constant') {
        const iana = toIana(zone.id.value);
        return iana ? { timeZone: iana, written } : { written, decision: m.unknownZoneId(JSON.stringify(zone.id.value)) };
      }
      if (zone.id.kind === 'config') return { written, decision: m.zoneFromConfig(zone.id.key) };
      if (zone.id.kind === 'runtime') return { written, decision: m.zoneAtRunTime(choices(zone.id.choices.map((c) => ({ kind: 'id', id: c }) as ZoneValue))) };
      return { written, decision: m.zoneUnreadable(written) };
    }
    case 'runtime':
      return { written, decision: m.zoneAtRunTime(choices(zone.choices)) };
    case 'unknown':
      return { written, decision: m.zoneUnreadable(written) };
  }
}

function choices(zones: readonly ZoneValue[]): string {
  return zones
    .map((z) => {
      const r = resolveZone(z, 'hangfire');
      return r.timeZone && r.written !== JSON.stringify(r.timeZone) ? `${r.written} (= ${r.timeZone})` : r.written;
    })
    .join(', ');
}

/** The reasons and decisions of the migration report, in English and Spanish (JSON carries the same text). */
import type { Lang } from '../cli/i18n.js';
import type { ReasonCode } from './convert.js';

export interface MigrateMessages {
  readonly reasons: Readonly<Record<ReasonCode, (detail: string) => string>>;
  readonly decisionLeft: string;
  readonly quartzLocal: string;
  readonly localZone: string;
  readonly unknownZoneId: (id: string) => string;
  readonly zoneFromConfig: (key: string) => string;
  readonly zoneAtRunTime: (choices: string) => string;
  readonly zoneUnreadable: (written: string) => string;
  readonly scheduleFromConfig: (key: string) => string;
  readonly scheduleAtRunTime: (what: string) => string;
  readonly scheduleFrom: (what: string) => string;
  readonly refused: (why: string) => string;
  readonly periodUnreadable: string;
  readonly onlySource: string;
  readonly onlyKubernetes: string;
  readonly configuration: (key: string, fallback?: string) => string;
  readonly oneOf: (choices: string, text: string) => string;
}

const en: MigrateMessages = {
  reasons: {
    'seconds-offset': (d) => `fires ${d} s into the minute; Kubernetes starts jobs on the minute`,
    'sub-minute': (d) => `fires more than once a minute (seconds ${d}); Kubernetes schedules at most once a minute`,
    year: (d) => `restricted to year(s) ${d}; Kubernetes schedules have no year field`,
    'day-fields-and': (d) => `day-of-month and day-of-week are AND-ed in the source (${d}) but OR-ed by Kubernetes`,
    'day-special': (d) => `runs on ${d}, which Kubernetes cron cannot express (L/W/#)`,
    'drifting-interval': (d) => `a delay/timer period of ${d} counted from start-up and run time, not aligned to the clock`,
    dst: (d) => `a daylight-saving change parts them (${d}): the source moves a skipped time to the end of the gap and runs a repeated one once; Kubernetes skips it or runs it twice`,
    'time-zone-undecided': () => 'the time zone is a decision (see decisions)',
    mismatch: (d) => `fire times differ from ${d}`,
  },
  decisionLeft: 'a decision is left to you (see decisions)',
  quartzLocal: "Quartz runs triggers without InTimeZone in the server's local zone: choose the IANA zone the server used",
  localZone: "TimeZoneInfo.Local is the server's zone: choose the IANA zone the server used",
  unknownZoneId: (id) => `${id} is neither an IANA nor a Windows time-zone id`,
  zoneFromConfig: (key) => `the zone comes from configuration key ${key}: choose its production value`,
  zoneAtRunTime: (choices) => `the zone is chosen at run time among ${choices}`,
  zoneUnreadable: (written) => `the zone comes from ${written}, which cannot be read statically`,
  scheduleFromConfig: (key) => `the schedule comes from configuration key ${key}: confirm its production value`,
  scheduleAtRunTime: (what) => `the schedule is chosen at run time: ${what}`,
  scheduleFrom: (what) => `the schedule comes from ${what}`,
  refused: (why) => `the library refuses it: ${why}`,
  periodUnreadable: 'the period cannot be read statically',
  onlySource: 'only the source fires',
  onlyKubernetes: 'only Kubernetes fires',
  configuration: (key, fallback) => `configuration ${key}${fallback !== undefined ? ` (fallback ${JSON.stringify(fallback)})` : ''}`,
  oneOf: (choices, text) => `one of ${choices} (chosen at run time: ${text})`,
};

const es: MigrateMessages = {
  reasons: {
    'seconds-offset': (d) => `se ejecuta en el segundo ${d} del minuto; Kubernetes arranca los jobs al inicio del minuto`,
    'sub-minute': (d) => `se ejecuta más de una vez por minuto (segundos ${d}); Kubernetes planifica como mucho una vez por minuto`,
    year: (d) => `limitada a los años ${d}; las planificaciones de Kubernetes no tienen campo de año`,
    'day-fields-and': (d) => `el día del mes y el día de la semana se combinan con Y en el origen (${d}) y con O en Kubernetes`,
    'day-special': (d) => `se ejecuta ${d}, que el cron de Kubernetes no puede expresar (L/W/#)`,
    'drifting-interval': (d) => `un periodo de espera/temporizador de ${d} contado desde el arranque y la duración de cada ejecución, no alineado con el reloj`,
    dst: (d) => `un cambio de horario de verano las separa (${d}): el origen mueve la hora que no existe al final del salto y ejecuta una vez la hora repetida; Kubernetes la omite o la ejecuta dos veces`,
    'time-zone-undecided': () => 'la zona horaria es una decisión (ver decisiones)',
    mismatch: (d) => `las ejecuciones difieren desde ${d}`,
  },
  decisionLeft: 'queda una decisión para ti (ver decisiones)',
  quartzLocal: 'Quartz ejecuta los triggers sin InTimeZone en la zona local del servidor: elige la zona IANA que usaba el servidor',
  localZone: 'TimeZoneInfo.Local es la zona del servidor: elige la zona IANA que usaba el servidor',
  unknownZoneId: (id) => `${id} no es un identificador de zona IANA ni de Windows`,
  zoneFromConfig: (key) => `la zona viene de la clave de configuración ${key}: elige su valor de producción`,
  zoneAtRunTime: (choices) => `la zona se elige en ejecución entre ${choices}`,
  zoneUnreadable: (written) => `la zona viene de ${written}, que no se puede leer sin ejecutar`,
  scheduleFromConfig: (key) => `la planificación viene de la clave de configuración ${key}: confirma su valor de producción`,
  scheduleAtRunTime: (what) => `la planificación se elige en ejecución: ${what}`,
  scheduleFrom: (what) => `la planificación viene de ${what}`,
  refused: (why) => `la biblioteca la rechaza: ${why}`,
  periodUnreadable: 'el periodo no se puede leer sin ejecutar',
  onlySource: 'solo se ejecuta el origen',
  onlyKubernetes: 'solo se ejecuta Kubernetes',
  configuration: (key, fallback) => `configuración ${key}${fallback !== undefined ? ` (por defecto ${JSON.stringify(fallback)})` : ''}`,
  oneOf: (choices, text) => `uno de ${choices} (elegido en ejecución: ${text})`,
};

export const migrateCatalogs: Record<Lang, MigrateMessages> = { en, es };

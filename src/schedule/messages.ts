/** User-facing text of the schedule preview, in English and Spanish. */

export type ScheduleLang = 'en' | 'es';

export interface GapFacts {
  readonly date: string;
  readonly timeZone: string;
  /** Wall clock the jump starts at, e.g. `02:00`. */
  readonly jumpFrom: string;
  /** Wall clock the jump lands on, e.g. `03:00`. */
  readonly jumpTo: string;
  /** The schedule's times that do not exist that day, e.g. `['02:30']`. */
  readonly times: readonly string[];
  /** The run Kubernetes makes instead, as a `local` string, if any. */
  readonly nextRun?: string;
}

export interface RepeatFacts {
  readonly date: string;
  readonly timeZone: string;
  /** Wall clock the clocks go back from, e.g. `03:00`. */
  readonly backFrom: string;
  /** Wall clock the clocks go back to, e.g. `02:00`. */
  readonly backTo: string;
  readonly times: readonly string[];
  /** For the first repeated time, its two instants in UTC, e.g. `['00:30', '01:30']`. */
  readonly utc: readonly [string, string];
}

export interface Catalog {
  readonly runs: (description: string, timeZone: string) => string;
  readonly nextRuns: (n: number) => string;
  readonly noRuns: string;
  readonly warning: string;
  readonly dstGap: (f: GapFacts) => string;
  readonly dstRepeat: (f: RepeatFacts) => string;
  readonly everyMinuteAllow: string;
  readonly subHourlyAllow: (minutes: number) => string;
}

/** `02:30`, `02:00 and 02:30`, or `60 times between 02:00 and 02:59`. */
function listTimes(times: readonly string[], and: string, between: (n: number, a: string, b: string) => string): string {
  if (times.length <= 3) {
    return times.length === 1 ? (times[0] ?? '') : `${times.slice(0, -1).join(', ')} ${and} ${times[times.length - 1] ?? ''}`;
  }
  return between(times.length, times[0] ?? '', times[times.length - 1] ?? '');
}

const en: Catalog = {
  runs: (d, tz) => `Runs: ${d} (${tz} time)`,
  nextRuns: (n) => (n === 1 ? 'Next run:' : `Next ${n} runs:`),
  noRuns: 'No upcoming run: the schedule names a date that never comes (e.g. 30 February).',
  warning: 'Warning',
  dstGap: (f) => {
    const t = listTimes(f.times, 'and', (n, a, b) => `${n} times between ${a} and ${b}`);
    const one = f.times.length === 1;
    return (
      `On ${f.date} clocks in ${f.timeZone} jump from ${f.jumpFrom} to ${f.jumpTo}: ${t} ${one ? 'does' : 'do'} not exist that day, ` +
      `so Kubernetes skips ${one ? 'that run' : 'those runs'} (it does not move ${one ? 'it' : 'them'} to ${f.jumpTo}).` +
      (f.nextRun ? ` The next run after the change is ${f.nextRun}.` : '') +
      ` Pick a time outside ${f.jumpFrom}–${f.jumpTo} if the job must run every day.`
    );
  },
  dstRepeat: (f) => {
    const t = listTimes(f.times, 'and', (n, a, b) => `the ${n} times between ${a} and ${b}`);
    const one = f.times.length === 1;
    return (
      `On ${f.date} clocks in ${f.timeZone} go back from ${f.backFrom} to ${f.backTo}: ${t} ${one ? 'happens' : 'happen'} twice, ` +
      `and Kubernetes runs the job at both (${f.times[0] ?? ''} is ${f.utc[0]} UTC and again ${f.utc[1]} UTC). ` +
      `Make the job safe to run twice, or pick a time outside ${f.backTo}–${f.backFrom}.`
    );
  },
  everyMinuteAllow:
    'The schedule starts a Job every minute and concurrencyPolicy is Allow: if a run takes longer than a minute, runs pile up. ' +
    'Use Forbid (skip a run while the previous one is still running) unless overlapping runs are safe.',
  subHourlyAllow: (m) =>
    `The schedule starts a Job as often as every ${m} minutes and concurrencyPolicy is Allow: a run that takes longer overlaps the next one. ` +
    'Consider Forbid unless overlapping runs are safe.',
};

const es: Catalog = {
  runs: (d, tz) => `Se ejecuta: ${d} (hora de ${tz})`,
  nextRuns: (n) => (n === 1 ? 'Próxima ejecución:' : `Próximas ${n} ejecuciones:`),
  noRuns: 'Ninguna ejecución próxima: la programación nombra una fecha que nunca llega (p. ej. 30 de febrero).',
  warning: 'Aviso',
  dstGap: (f) => {
    const t = listTimes(f.times, 'y', (n, a, b) => `${n} horas entre ${a} y ${b}`);
    const one = f.times.length === 1;
    return (
      `El ${f.date} los relojes de ${f.timeZone} saltan de las ${f.jumpFrom} a las ${f.jumpTo}: ${f.times.length <= 3 ? 'las ' : ''}${t} no existen ese día, ` +
      `así que Kubernetes se salta ${one ? 'esa ejecución' : 'esas ejecuciones'} (no ${one ? 'la' : 'las'} mueve a las ${f.jumpTo}).` +
      (f.nextRun ? ` La siguiente ejecución tras el cambio es ${f.nextRun}.` : '') +
      ` Elige una hora fuera de ${f.jumpFrom}–${f.jumpTo} si el trabajo debe ejecutarse todos los días.`
    );
  },
  dstRepeat: (f) => {
    const t = listTimes(f.times, 'y', (n, a, b) => `las ${n} horas entre ${a} y ${b}`);
    return (
      `El ${f.date} los relojes de ${f.timeZone} retroceden de las ${f.backFrom} a las ${f.backTo}: ${f.times.length <= 3 ? 'las ' : ''}${t} ocurren dos veces, ` +
      `y Kubernetes ejecuta el trabajo en ambas (las ${f.times[0] ?? ''} son las ${f.utc[0]} UTC y de nuevo las ${f.utc[1]} UTC). ` +
      `Haz que el trabajo tolere ejecutarse dos veces, o elige una hora fuera de ${f.backTo}–${f.backFrom}.`
    );
  },
  everyMinuteAllow:
    'La programación lanza un Job cada minuto y concurrencyPolicy es Allow: si una ejecución dura más de un minuto, las ejecuciones se acumulan. ' +
    'Usa Forbid (se salta una ejecución mientras la anterior siga en marcha) salvo que solaparse sea seguro.',
  subHourlyAllow: (m) =>
    `La programación lanza un Job hasta cada ${m} minutos y concurrencyPolicy es Allow: una ejecución que dure más se solapa con la siguiente. ` +
    'Considera Forbid salvo que solaparse sea seguro.',
};

export const catalogs: Readonly<Record<ScheduleLang, Catalog>> = { en, es };

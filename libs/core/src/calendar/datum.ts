/**
 * A calendar date in Sweden, written `YYYY-MM-DD`. Deadlines and holidays are dates, not instants:
 * arithmetic on them is done at UTC midnight, where no daylight-saving shift can move the day.
 */
export type Datum = string;

export const STOCKHOLM = 'Europe/Stockholm';

const DATUM_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDatum(value: string): boolean {
  const m = DATUM_PATTERN.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function assertDatum(value: string): Datum {
  if (!isDatum(value)) throw new RangeError(`"${value}" is not a date of the form YYYY-MM-DD`);
  return value;
}

export function addDays(datum: Datum, days: number): Datum {
  const d = new Date(`${assertDatum(datum)}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(datum: Datum): number {
  return new Date(`${assertDatum(datum)}T00:00:00Z`).getUTCDay();
}

const stockholmParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: STOCKHOLM,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(instant: Date): Record<string, string> {
  return Object.fromEntries(stockholmParts.formatToParts(instant).map((p) => [p.type, p.value]));
}

let senast: { minut: number; datum: Datum } | undefined;

/**
 * The date in Stockholm at a given instant. Every hot read asks for today's date and Intl is slow,
 * so the last answer is kept for its minute: Stockholm's offsets are whole hours, so a date always
 * changes on a minute boundary.
 */
export function stockholmDatum(instant: Date): Datum {
  const minut = Math.floor(instant.getTime() / 60_000);
  if (senast?.minut === minut) return senast.datum;
  const p = partsOf(instant);
  senast = { minut, datum: `${p.year}-${p.month}-${p.day}` };
  return senast.datum;
}

/** Stockholm's wall-clock time at an instant, carried in the UTC fields of the Date returned. */
export function stockholmWallClock(instant: Date): Date {
  const p = partsOf(instant);
  return new Date(Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second));
}

/** The instant at which Stockholm's wall clock shows `datum` at `hh:mm` (DST-aware). */
export function stockholmInstant(datum: Datum, hour: number, minute = 0, second = 0, ms = 0): Date {
  const wall = Date.parse(`${assertDatum(datum)}T00:00:00Z`) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  // Stockholm is UTC+1 or UTC+2; guess +1, then correct by the offset actually in force then.
  let guess = wall - 3600_000;
  for (let i = 0; i < 2; i++) {
    const p = partsOf(new Date(guess));
    const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) + ms;
    guess += wall - shown;
  }
  return new Date(guess);
}

/** A moment as Swedish mails and pages write it, in Stockholm time: `2026-03-20 kl. 10.15`. */
export function formatTidpunkt(instant: Date): string {
  const p = partsOf(instant);
  return `${p.year}-${p.month}-${p.day} kl. ${p.hour}.${p.minute}`;
}

/** The last moment an answer is on time: 23.59.59 Stockholm time on the svarsdatum. */
export function deadlineEnd(svarsdatum: Datum): Date {
  return stockholmInstant(svarsdatum, 23, 59, 59, 999);
}

/** The words the UI and every e-mail use for a deadline. */
export function formatDeadline(svarsdatum: Datum): string {
  return `senast ${assertDatum(svarsdatum)} kl. 23.59`;
}

/** The same words, for a list PostgreSQL builds as JSON (`column` is a date). */
export function formatDeadlineSql(column: string): string {
  return `'senast ' || ${column}::text || ' kl. 23.59'`;
}

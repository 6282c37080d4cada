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

/** Calendar days from `from` to `to` (negative when `to` is earlier): how many days late a deadline is. */
export function daysBetween(from: Datum, to: Datum): number {
  return Math.round(
    (Date.parse(`${assertDatum(to)}T00:00:00Z`) - Date.parse(`${assertDatum(from)}T00:00:00Z`)) / 86_400_000,
  );
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

const TIMME = 3600_000;
/** Stockholm's offset from UTC per UTC hour: it changes only on whole UTC hours (01.00 UTC, last Sunday of March and October). */
const offsetPerTimme = new Map<number, number>();

/**
 * Stockholm's offset from UTC at an instant. A page lists dozens of moments and Intl costs a few
 * microseconds each time it is asked, so each hour's offset is asked once and kept.
 */
function stockholmOffset(instant: Date): number {
  const timme = Math.floor(instant.getTime() / TIMME);
  let offset = offsetPerTimme.get(timme);
  if (offset === undefined) {
    const p = partsOf(new Date(timme * TIMME));
    offset = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - timme * TIMME;
    if (offsetPerTimme.size > 100_000) offsetPerTimme.clear();
    offsetPerTimme.set(timme, offset);
  }
  return offset;
}

/** The date in Stockholm at a given instant. */
export function stockholmDatum(instant: Date): Datum {
  return stockholmWallClock(instant).toISOString().slice(0, 10);
}

/** Stockholm's wall-clock time at an instant (to the second), carried in the UTC fields of the Date returned. */
export function stockholmWallClock(instant: Date): Date {
  const wall = instant.getTime() + stockholmOffset(instant);
  return new Date(wall - (((wall % 1000) + 1000) % 1000));
}

/** The instant at which Stockholm's wall clock shows `datum` at `hh:mm` (DST-aware). */
export function stockholmInstant(datum: Datum, hour: number, minute = 0, second = 0, ms = 0): Date {
  const wall = Date.parse(`${assertDatum(datum)}T00:00:00Z`) + ((hour * 60 + minute) * 60 + second) * 1000 + ms;
  // Stockholm is UTC+1 or UTC+2; guess +1, then correct by the offset actually in force then.
  let guess = wall - 3600_000;
  for (let i = 0; i < 2; i++) guess = wall - stockholmOffset(new Date(guess));
  return new Date(guess);
}

/** A moment as Swedish mails and pages write it, in Stockholm time: `2026-03-20 kl. 10.15`. */
export function formatTidpunkt(instant: Date): string {
  const t = stockholmWallClock(instant).toISOString();
  return `${t.slice(0, 10)} kl. ${t.slice(11, 13)}.${t.slice(14, 16)}`;
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

import Holidays from 'date-holidays';
import { addDays, assertDatum, Datum, weekday } from './datum';

/**
 * Days off in Sweden: the public holidays, plus the eves that are treated as holidays at work
 * (midsommarafton, julafton, nyårsafton; date-holidays calls them "bank" days).
 */
const DAYS_OFF_TYPES = new Set(['public', 'bank']);

const holidays = new Holidays('SE');
const daysOffByYear = new Map<number, Map<Datum, string>>();

function daysOff(year: number): Map<Datum, string> {
  let days = daysOffByYear.get(year);
  if (!days) {
    days = new Map(
      holidays
        .getHolidays(year)
        .filter((h) => DAYS_OFF_TYPES.has(h.type))
        .map((h) => [h.date.slice(0, 10), h.name] as const),
    );
    daysOffByYear.set(year, days);
  }
  return days;
}

/** The Swedish name of the holiday on this date, if it is one. */
export function holidayName(datum: Datum): string | undefined {
  return daysOff(Number(assertDatum(datum).slice(0, 4))).get(datum);
}

export function isWorkingDay(datum: Datum): boolean {
  const day = weekday(datum);
  return day !== 0 && day !== 6 && holidayName(datum) === undefined;
}

/** `datum` itself if it is a working day, else the first working day after it. */
export function workingDayOnOrAfter(datum: Datum): Datum {
  let d = assertDatum(datum);
  while (!isWorkingDay(d)) d = addDays(d, 1);
  return d;
}

/** `datum` itself if it is a working day, else the last working day before it. */
export function workingDayOnOrBefore(datum: Datum): Datum {
  let d = assertDatum(datum);
  while (!isWorkingDay(d)) d = addDays(d, -1);
  return d;
}

export function nextWorkingDay(datum: Datum): Datum {
  return workingDayOnOrAfter(addDays(datum, 1));
}

export function previousWorkingDay(datum: Datum): Datum {
  return workingDayOnOrBefore(addDays(datum, -1));
}

/** The working day `n` working days before `datum` (n ≥ 0; n = 0 gives the day on or before). */
export function workingDaysBefore(datum: Datum, n: number): Datum {
  let d = workingDayOnOrBefore(datum);
  for (let i = 0; i < n; i++) d = previousWorkingDay(d);
  return d;
}

/** The working day `n` working days after `datum` (n ≥ 0; n = 0 gives the day on or after). */
export function workingDaysAfter(datum: Datum, n: number): Datum {
  let d = workingDayOnOrAfter(datum);
  for (let i = 0; i < n; i++) d = nextWorkingDay(d);
  return d;
}

/** Working days from `from` (exclusive) up to and including `to`; 0 when `to` is not after `from`. */
export function workingDaysBetween(from: Datum, to: Datum): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}

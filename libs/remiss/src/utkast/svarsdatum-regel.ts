import {
  Datum,
  DomainError,
  holidayName,
  isWorkingDay,
  nextWorkingDay,
  weekday,
  workingDayOnOrAfter,
  workingDaysBetween,
} from '@app/core';

/** The API's message is English; the Swedish reason travels as `meddelande`, the next valid date in `details`. */
function ogiltigtSvarsdatum(svarsdatum: Datum, orsak: string, nasta: Datum) {
  return new DomainError('INVALID_SVARSDATUM', { svarsdatum, orsak, nasta });
}

/** The earliest svarsdatum that leaves `minimum` working days after `idag`. */
export function tidigasteSvarsdatum(idag: Datum, minimum: number): Datum {
  let d = idag;
  for (let i = 0; i < minimum; i++) d = nextWorkingDay(d);
  return d;
}

/** Why a svarsdatum is refused, in Swedish, or undefined when it is acceptable. */
function skal(svarsdatum: Datum, idag: Datum, minimum: number): string | undefined {
  if (svarsdatum < idag) return `Svarsdatum ${svarsdatum} har redan passerat`;
  const helgdag = holidayName(svarsdatum);
  if (helgdag) return `Svarsdatum ${svarsdatum} är en helgdag (${helgdag})`;
  if (!isWorkingDay(svarsdatum))
    return `Svarsdatum ${svarsdatum} infaller på en ${weekday(svarsdatum) === 6 ? 'lördag' : 'söndag'}`;
  const dagar = workingDaysBetween(idag, svarsdatum);
  if (dagar < minimum) return `Svarstiden är ${dagar} arbetsdagar, minst ${minimum} krävs`;
  return undefined;
}

/**
 * A remiss' svarsdatum must be a future working day at least `minimum` working days away (the
 * instanser need time to prepare and decide). Refused → 400 with the reason and the next valid date.
 */
export function checkSvarsdatum(svarsdatum: Datum, idag: Datum, minimum: number): void {
  const orsak = skal(svarsdatum, idag, minimum);
  if (!orsak) return;
  const tidigast = tidigasteSvarsdatum(idag, minimum);
  const nasta = workingDayOnOrAfter(svarsdatum > tidigast ? svarsdatum : tidigast);
  throw ogiltigtSvarsdatum(svarsdatum, orsak, nasta);
}

/** Anstånd: a later working day than the instans' current svarsdatum (the minimum does not apply). */
export function checkAnstand(nytt: Datum, nuvarande: Datum, idag: Datum): void {
  const orsak =
    nytt <= nuvarande
      ? `Det nya svarsdatumet måste vara senare än ${nuvarande}`
      : nytt <= idag
        ? `Svarsdatum ${nytt} måste ligga efter dagens datum`
        : holidayName(nytt)
          ? `Svarsdatum ${nytt} är en helgdag (${holidayName(nytt)})`
          : !isWorkingDay(nytt)
            ? `Svarsdatum ${nytt} infaller på en helg`
            : undefined;
  if (!orsak) return;
  const golv = nuvarande > idag ? nuvarande : idag;
  const nasta = workingDayOnOrAfter(nytt > golv ? nytt : nextWorkingDay(golv));
  throw ogiltigtSvarsdatum(nytt, orsak, nasta);
}

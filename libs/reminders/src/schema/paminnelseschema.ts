import {
  addDays,
  Datum,
  stockholmDatum,
  stockholmInstant,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
  workingDaysAfter,
  workingDaysBefore,
} from '@app/core';
import type { PaminnelseregelTyp } from '@app/database';

/** One rule of an organisation: `fore` / `efter` N working days, `pa_dagen`, `veckovis` after the deadline. */
export interface Regel {
  typ: PaminnelseregelTyp;
  arbetsdagar: number;
  aktiv: boolean;
}

/** Used while an organisation has not set rules of its own. */
export const STANDARDREGLER: readonly Regel[] = [
  { typ: 'fore', arbetsdagar: 10, aktiv: true },
  { typ: 'fore', arbetsdagar: 3, aktiv: true },
  { typ: 'pa_dagen', arbetsdagar: 0, aktiv: true },
  { typ: 'efter', arbetsdagar: 1, aktiv: true },
  { typ: 'veckovis', arbetsdagar: 0, aktiv: true },
];

/** An organisation's own rules, or the defaults while it has none. */
export const reglerEllerStandard = (egna: readonly Regel[] | null | undefined): readonly Regel[] =>
  egna?.length ? egna : STANDARDREGLER;

/** Reminders go out at 08:00 Stockholm time. */
export const SANDNINGSTIMME = 8;

export interface Paminnelsetid {
  /** `fore_10`, `pa_dagen`, `efter_1`, `vecka_1` …: unique per instans and svarsdatum. */
  typ: string;
  datum: Datum;
  dueAt: Date;
}

const tid = (typ: string, datum: Datum): Paminnelsetid => ({
  typ,
  datum,
  dueAt: stockholmInstant(datum, SANDNINGSTIMME),
});

/**
 * The reminders planned up front for a svarsdatum. Counting in working days keeps every one on
 * a working day; the morning-of reminder of a deadline on a day off moves to the working day before.
 * Weekly ones are not planned here: each is planned when the one before it is sent.
 */
export function paminnelsetider(svarsdatum: Datum, regler: readonly Regel[]): Paminnelsetid[] {
  const tider: Paminnelsetid[] = [];
  for (const regel of regler.filter((r) => r.aktiv)) {
    if (regel.typ === 'fore')
      tider.push(tid(`fore_${regel.arbetsdagar}`, workingDaysBefore(svarsdatum, regel.arbetsdagar)));
    if (regel.typ === 'pa_dagen') tider.push(tid('pa_dagen', workingDayOnOrBefore(svarsdatum)));
    if (regel.typ === 'efter')
      tider.push(tid(`efter_${regel.arbetsdagar}`, workingDaysAfter(svarsdatum, regel.arbetsdagar)));
  }
  const forsta = forstaVeckopaminnelse(svarsdatum, regler);
  if (forsta && !regler.some((r) => r.aktiv && r.typ === 'efter')) tider.push(forsta);
  return tider.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** The first weekly reminder: a week after the last after-deadline one (or after svarsdatum when there is none). */
function forstaVeckopaminnelse(svarsdatum: Datum, regler: readonly Regel[]): Paminnelsetid | null {
  if (!regler.some((r) => r.aktiv && r.typ === 'veckovis')) return null;
  const efter = regler.filter((r) => r.aktiv && r.typ === 'efter').map((r) => r.arbetsdagar);
  const sista = efter.length ? workingDaysAfter(svarsdatum, Math.max(...efter)) : svarsdatum;
  return tid('vecka_1', workingDayOnOrAfter(addDays(sista, 7)));
}

/**
 * The weekly reminder that follows one just sent, while the instans is unanswered: after the
 * last `efter_N` comes `vecka_1`, after `vecka_n` comes `vecka_n+1`, each a week (on or after) later.
 */
export function nastaVeckopaminnelse(
  svarsdatum: Datum,
  regler: readonly Regel[],
  skickadTyp: string,
  skickadDueAt: Date,
): Paminnelsetid | null {
  const forsta = forstaVeckopaminnelse(svarsdatum, regler);
  if (!forsta) return null;
  const vecka = /^vecka_(\d+)$/.exec(skickadTyp);
  if (vecka) return tid(`vecka_${Number(vecka[1]) + 1}`, workingDayOnOrAfter(addDays(stockholmDatum(skickadDueAt), 7)));
  const efter = /^efter_(\d+)$/.exec(skickadTyp);
  const sistaEfter = Math.max(...regler.filter((r) => r.aktiv && r.typ === 'efter').map((r) => r.arbetsdagar));
  return efter && Number(efter[1]) === sistaEfter ? forsta : null;
}

/** Whether a reminder kind is sent after the deadline (försenad): the kontaktperson gets a copy. */
export const isForsenad = (typ: string) => /^(efter|vecka|manuell_efter)_/.test(typ);

/**
 * The kind of a reminder the sender sends by hand on `idag`: `manuell_efter` once the svarsdatum has
 * passed (it reads as a late one, but starts no weekly chain), else `manuell_fore`.
 */
export const manuellTyp = (svarsdatum: Datum, idag: Datum) => (idag > svarsdatum ? 'manuell_efter' : 'manuell_fore');

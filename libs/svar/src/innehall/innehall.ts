import { SynpunktTyp } from '@app/database';

/** One synpunkt as the client writes it and as a revision keeps it. */
export interface SynpunktInnehall {
  typ: SynpunktTyp;
  rubrik: string | null;
  text: string;
  remisshandlingId: string | null;
  sida: number | null;
  citatinledning: string | null;
  citat: string | null;
  strykText: string | null;
  nyText: string | null;
  fotnoter: string[];
}

/** The whole content of a remissvar: what a save replaces and a revision records. */
export interface RemissvarInnehall {
  titel: string;
  inledning: string;
  avslutning: string;
  fotnoter: string[];
  synpunkter: SynpunktInnehall[];
}

/**
 * What a save changed, in Swedish for the revision history, e.g.
 * `Ändrat: inledning, synpunkt 2. Tillagt: synpunkt 4.`
 */
export function describeAndring(fore: RemissvarInnehall, efter: RemissvarInnehall): string {
  const andrat: string[] = (['titel', 'inledning', 'avslutning', 'fotnoter'] as const).filter(
    (f) => !lika(fore[f], efter[f]),
  );
  const tillagt: string[] = [];
  const borttaget: string[] = [];
  const antal = Math.max(fore.synpunkter.length, efter.synpunkter.length);
  for (let i = 0; i < antal; i++) {
    const namn = `synpunkt ${i + 1}`;
    if (i >= fore.synpunkter.length) tillagt.push(namn);
    else if (i >= efter.synpunkter.length) borttaget.push(namn);
    else if (!lika(fore.synpunkter[i], efter.synpunkter[i])) andrat.push(namn);
  }
  const delar = [lista('Ändrat', andrat), lista('Tillagt', tillagt), lista('Borttaget', borttaget)].filter(Boolean);
  return delar.length ? delar.join(' ') : 'Inga ändringar i innehållet.';
}

const lista = (rubrik: string, namn: string[]) => (namn.length ? `${rubrik}: ${namn.join(', ')}.` : '');
const lika = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Footnote numbers referenced as `[^n]` in a text that have no footnote (1-based). */
export function saknadeFotnoter(text: string, fotnoter: readonly string[]): number[] {
  return [...text.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1])).filter((n) => n < 1 || n > fotnoter.length);
}

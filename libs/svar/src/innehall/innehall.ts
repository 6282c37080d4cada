import { STALLNINGSNAMN } from '@app/core';
import { Fragesvar, RemissvarStallning, SynpunktTyp } from '@app/database';

/** One synpunkt as the client writes it and as a revision keeps it; `id` null: new, not stored yet. */
export interface SynpunktInnehall {
  id: string | null;
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
  stallning: RemissvarStallning | null;
  /** In fråga order, one per answered fråga. */
  fragesvar: Fragesvar[];
  synpunkter: SynpunktInnehall[];
}

const TEXTDELAR = [
  ['titel', 'titel ändrad'],
  ['inledning', 'inledning ändrad'],
  ['avslutning', 'avslutning ändrad'],
  ['fotnoter', 'fotnoter ändrade'],
] as const;

/**
 * What a save changed, in Swedish for the revision history and a stale save's explanation, e.g.
 * `Synpunkt 2 ändrad; svar på fråga 1 tillagt; ställning ändrad till avstyrker.` Synpunkter are
 * matched by id, so a reorder reads as one, not as every moved synpunkt changed; an added or
 * changed synpunkt is numbered as it stands after the save, a removed one as it stood before.
 */
export function describeAndring(fore: RemissvarInnehall, efter: RemissvarInnehall): string {
  const delar: string[] = TEXTDELAR.filter(([falt]) => !lika(fore[falt], efter[falt])).map(([, text]) => text);
  const foreById = new Map(fore.synpunkter.flatMap((s, i) => (s.id ? [[s.id, { s, nr: i + 1 }] as const] : [])));
  const kvar = new Set(efter.synpunkter.flatMap((s) => (s.id && foreById.has(s.id) ? [s.id] : [])));
  for (const [id, { nr }] of foreById) if (!kvar.has(id)) delar.push(`synpunkt ${nr} borttagen`);
  for (const [i, s] of efter.synpunkter.entries()) {
    const tidigare = s.id ? foreById.get(s.id) : undefined;
    if (!tidigare) delar.push(`synpunkt ${i + 1} tillagd`);
    else if (SYNPUNKTFALT.some((f) => !lika(tidigare.s[f], s[f]))) delar.push(`synpunkt ${i + 1} ändrad`);
  }
  const ordning = (lista: SynpunktInnehall[]) => lista.flatMap((s) => (s.id && kvar.has(s.id) ? [s.id] : []));
  if (!lika(ordning(fore.synpunkter), ordning(efter.synpunkter))) delar.push('synpunkter i ny ordning');
  const foreSvar = new Map(fore.fragesvar.map((f) => [f.fraga, f.text]));
  const efterSvar = new Map(efter.fragesvar.map((f) => [f.fraga, f.text]));
  for (const nr of [...new Set([...foreSvar.keys(), ...efterSvar.keys()])].sort((a, b) => a - b)) {
    const [a, b] = [foreSvar.get(nr), efterSvar.get(nr)];
    if (a === undefined) delar.push(`svar på fråga ${nr} tillagt`);
    else if (b === undefined) delar.push(`svar på fråga ${nr} borttaget`);
    else if (a !== b) delar.push(`svar på fråga ${nr} ändrat`);
  }
  if (fore.stallning !== efter.stallning)
    delar.push(
      efter.stallning ? `ställning ändrad till ${STALLNINGSNAMN[efter.stallning].namn}` : 'ställning borttagen',
    );
  if (delar.length === 0) return 'Inga ändringar i innehållet.';
  const text = delar.join('; ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

const SYNPUNKTFALT = [
  'typ',
  'rubrik',
  'text',
  'remisshandlingId',
  'sida',
  'citatinledning',
  'citat',
  'strykText',
  'nyText',
  'fotnoter',
] as const satisfies readonly (keyof SynpunktInnehall)[];

const lika = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Footnote numbers referenced as `[^n]` in a text that have no footnote (1-based). */
export function saknadeFotnoter(text: string, fotnoter: readonly string[]): number[] {
  return [...text.matchAll(/\[\^(\d+)\]/g)].map((m) => Number(m[1])).filter((n) => n < 1 || n > fotnoter.length);
}

import { STALLNINGSNAMN, STALLNINGSTAGANDENAMN, SYNPUNKTSTYPNAMN } from '@app/core';
import type { RemissammanstallningDokument, SammanstalldSynpunkt } from '@app/pdf';
import type { SammanstallningQuery } from '@app/remiss';

const versal = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** A synpunkt as the page shows it: its paragraphs, its kind's name and the ställningstagande's. */
export interface SynpunktKort extends SammanstalldSynpunkt {
  typnamn: string;
  stycken: string[];
  stallningstagandenamn?: string;
}

/** Paragraphs split at blank lines; a footnote reference `[^2]` reads "[2]", as the notes below are numbered. */
export const stycken = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((s) => s.trim().replace(/\[\^(\d+)\]/g, '[$1]'))
    .filter(Boolean);

export function synpunktKort(s: SammanstalldSynpunkt): SynpunktKort {
  return {
    ...s,
    typnamn: SYNPUNKTSTYPNAMN[s.typ],
    stycken: stycken(s.text),
    ...(s.stallningstagande
      ? { stallningstagandenamn: versal(STALLNINGSTAGANDENAMN[s.stallningstagande.beslut].namn) }
      : {}),
  };
}

const antalSynpunkter = (n: number) => (n === 1 ? '1 synpunkt' : `${n} synpunkter`);

/** "2 invändningar, 1 ändringsförslag" for a section's heading. */
const TYP_ANTAL: Record<SammanstalldSynpunkt['typ'], [string, string]> = {
  medhall: ['medhåll', 'medhåll'],
  invandning: ['invändning', 'invändningar'],
  andringsforslag: ['ändringsförslag', 'ändringsförslag'],
  ovrigt: ['övrig', 'övriga'],
};

/** What the sammanställning page shows: counts, instanser, the filter's choices and the grouped synpunkter. */
export function sammanstallningSida(doc: RemissammanstallningDokument, urval: SammanstallningQuery) {
  const avsnitt = doc.avsnitt.map((a) => ({
    rubrik: `${a.handling}, s.\u00A0${a.sida}`,
    antal: (Object.keys(TYP_ANTAL) as SammanstalldSynpunkt['typ'][])
      .filter((t) => a.antalPerTyp[t] > 0)
      .map((t) => `${a.antalPerTyp[t]} ${TYP_ANTAL[t][a.antalPerTyp[t] === 1 ? 0 : 1]}`)
      .join(', '),
    synpunkter: a.synpunkter.map(synpunktKort),
  }));
  const utanHanvisning = doc.utanHanvisning.map(synpunktKort);
  const visade = avsnitt.reduce((n, a) => n + a.synpunkter.length, 0) + utanHanvisning.filter((s) => s.id).length;
  return {
    stallningar: [
      ...(Object.keys(STALLNINGSNAMN) as (keyof typeof STALLNINGSNAMN)[]).map((s) => ({
        namn: versal(STALLNINGSNAMN[s].namn),
        antal: doc.antalPerStallning[s],
      })),
      { namn: 'Avstår', antal: doc.antalPerStallning.avstar },
      { namn: 'Svar utan angiven ställning', antal: doc.antalPerStallning.ej_angiven },
    ],
    instanser: doc.instanser.map((i) => ({
      ...i,
      stallningsnamn: i.stallning ? versal(STALLNINGSNAMN[i.stallning].namn) : undefined,
    })),
    typval: [
      { value: '', text: 'Alla typer' },
      ...(Object.keys(SYNPUNKTSTYPNAMN) as (keyof typeof SYNPUNKTSTYPNAMN)[]).map((t) => ({
        value: t,
        text: SYNPUNKTSTYPNAMN[t],
      })),
    ],
    instansval: [
      { value: '', text: 'Alla remissinstanser' },
      ...doc.instanser.filter((i) => i.status === 'besvarad').map((i) => ({ value: i.id, text: i.namn })),
    ],
    filtrerad: !!urval.typ || !!urval.instans,
    visade: antalSynpunkter(visade),
    avsnitt,
    utanHanvisning,
    fragor: doc.fragor.map((f) => ({ ...f, svar: f.svar.map((s) => ({ ...s, stycken: stycken(s.text) })) })),
    avstod: doc.instanser.filter((i) => i.status === 'avstar'),
    ejSvarat: doc.ejSvarat,
  };
}

/** The choices of the ställningstagande form, each saying what it means and whether it needs a motivering. */
export const STALLNINGSTAGANDEVAL = [
  { value: 'beaktas', text: 'Beaktas', hint: 'Synpunkten tas in i förslaget.' },
  { value: 'beaktas_delvis', text: 'Beaktas delvis', hint: 'En del av synpunkten tas in. Skriv en motivering.' },
  { value: 'beaktas_inte', text: 'Beaktas inte', hint: 'Förslaget ändras inte. Skriv en motivering.' },
  {
    value: 'noteras',
    text: 'Noteras',
    hint: 'Synpunkten tas till vara utan att förslaget ändras, till exempel ett medhåll eller en upplysning.',
  },
] as const satisfies { value: keyof typeof STALLNINGSTAGANDENAMN; text: string; hint: string }[];

export const stallningstagandenamn = (beslut: keyof typeof STALLNINGSTAGANDENAMN) =>
  versal(STALLNINGSTAGANDENAMN[beslut].namn);

import { STALLNINGSNAMN, STALLNINGSTAGANDENAMN, stockholmDatum } from '@app/core';
import {
  PdfMetadata,
  RemissammanstallningDokument,
  SammanstalldInstans,
  SammanstalldSynpunkt,
  StallningDokument,
  SynpunktDokument,
} from '../dokument';
import { SidVy } from './sida-vy';
import { sidangivelse, sidhanvisning, SynpunktVy, synpunktVy } from './synpunkt-vy';
import { Fotnot, Fotnotsregister, Stycke } from './text';

const TYPNAMN: Record<SynpunktDokument['typ'], [string, string]> = {
  medhall: ['medhåll', 'medhåll'],
  invandning: ['invändning', 'invändningar'],
  andringsforslag: ['ändringsförslag', 'ändringsförslag'],
  ovrigt: ['övrig synpunkt', 'övriga synpunkter'],
};

export interface RemissammanstallningVy {
  sida: SidVy;
  enhet: string;
  diarienummer: string;
  arendemening: string;
  avsnitt: { rubrik: string; sammanfattning: string; synpunkter: SynpunktVy[] }[];
  utanHanvisning: SynpunktVy[];
  /** "1 tillstyrker, 2 tillstyrker med ändringar", and each instans' position. */
  stallning?: { sammanfattning: string; instanser: { instans: string; namn: string }[] };
  fragor: { rubrik: string; svar: { instans: string; stycken: Stycke[] }[] }[];
  /** "Tekniska nämnden (TN2025/7)" and why it declined. */
  avstod: { instans: string; motivering?: string }[];
  /** "Socialnämnden: svarsdatum 2026-01-15" and why. */
  anstand: { instans: string; svarsdatum: string; orsak?: string }[];
  ejSvarat: string[];
  fotnoter: Fotnot[];
}

/** "2 medhåll, 1 invändning": the counts a reader scans before the details. */
export function sammanfattning(antal: Record<SynpunktDokument['typ'], number>): string {
  return (Object.keys(TYPNAMN) as SynpunktDokument['typ'][])
    .filter((typ) => antal[typ] > 0)
    .map((typ) => `${antal[typ]} ${TYPNAMN[typ][antal[typ] === 1 ? 0 : 1]}`)
    .join(', ');
}

/** "1 tillstyrker, 2 tillstyrker med ändringar, 1 avstår": positions in the order of the list, those taken only. */
export function stallningssammanfattning(
  antal: Record<StallningDokument, number> & { avstar?: number; ej_angiven?: number },
): string {
  return [
    ...(Object.keys(STALLNINGSNAMN) as StallningDokument[])
      .filter((s) => antal[s] > 0)
      .map((s) => `${antal[s]} ${STALLNINGSNAMN[s].namn}`),
    ...(antal.avstar ? [`${antal.avstar} avstår`] : []),
    ...(antal.ej_angiven ? [`${antal.ej_angiven} utan angiven ställning`] : []),
  ].join(', ');
}

/** "Utbildningsnämnden (UN2025/412)": the instans with its own dnr, which its registrator files by. */
const medDnr = (namn: string, dnr?: string) => (dnr ? `${namn} (${dnr})` : namn);

export function remissammanstallningVy(doc: RemissammanstallningDokument): RemissammanstallningVy {
  const register = new Fotnotsregister();
  const dnr = new Map(doc.instanser.map((i) => [i.namn, i.diarienummer]));
  // The register knows a synpunkt's notes by the object itself: each is passed as it is, never a copy
  // (a copy's notes were numbered twice, once referenced and again as unreferenced).
  const medTyp = (s: SammanstalldSynpunkt, utanHandling = false) => {
    const st = s.stallningstagande;
    const vy = synpunktVy(s, register);
    return {
      ...vy,
      // The section's heading names the handling; its quotations need only their page.
      ...(utanHandling && vy.citat && s.citat
        ? { citat: { ...vy.citat, sidhanvisning: sidhanvisning(s.citat.sida) } }
        : {}),
      instans: medDnr(s.instans, s.diarienummer),
      typnamn: TYPNAMN[s.typ][0],
      ...(st
        ? {
            stallningstagande: {
              beslut: STALLNINGSTAGANDENAMN[st.beslut].namn,
              ...(st.motivering ? { motivering: st.motivering } : {}),
              uppgift: [st.av, stockholmDatum(new Date(st.registrerad))].filter(Boolean).join(', '),
            },
          }
        : {}),
    };
  };
  const anstand = (i: SammanstalldInstans) =>
    i.anstand ? [{ instans: medDnr(i.namn, i.diarienummer), ...i.anstand }] : [];
  const avsnitt = doc.avsnitt.map((a) => ({
    rubrik: `${a.handling}, ${sidangivelse(a.sida)}`,
    sammanfattning: sammanfattning(a.antalPerTyp),
    synpunkter: a.synpunkter.map((s) => medTyp(s, true)),
  }));
  const utanHanvisning = doc.utanHanvisning.map((s) => medTyp(s));
  const fragor = doc.fragor.map((f) => ({
    rubrik: `Fråga ${f.nummer}: ${f.fraga}`,
    svar: f.svar.map((s) => ({ instans: s.instans, stycken: register.stycken(s.text, { fotnoter: [] }) })),
  }));
  return {
    sida: {
      dokumenttyp: 'SAMMANSTÄLLNING',
      titel: `Remissammanställning: ${doc.arendemening}`,
      datum: doc.datum,
      dnr: doc.diarienummer,
    },
    enhet: doc.brevhuvud.enhet,
    diarienummer: doc.diarienummer,
    arendemening: doc.arendemening,
    avsnitt,
    utanHanvisning,
    ...(doc.stallningar.length || doc.antalPerStallning.avstar || doc.antalPerStallning.ej_angiven
      ? {
          stallning: {
            sammanfattning: stallningssammanfattning(doc.antalPerStallning),
            instanser: doc.stallningar.map((s) => ({
              instans: medDnr(s.instans, dnr.get(s.instans)),
              namn: STALLNINGSNAMN[s.stallning].namn,
            })),
          },
        }
      : {}),
    fragor,
    avstod: doc.instanser
      .filter((i) => i.status === 'avstar')
      .map((i) => ({ instans: medDnr(i.namn, i.diarienummer), motivering: i.avstarMotivering })),
    anstand: doc.instanser.flatMap(anstand),
    ejSvarat: doc.ejSvarat,
    fotnoter: register.addUnreferenced([...doc.avsnitt.flatMap((a) => a.synpunkter), ...doc.utanHanvisning]),
  };
}

export function remissammanstallningMetadata(doc: RemissammanstallningDokument): PdfMetadata {
  return {
    title: `Remissammanställning: ${doc.arendemening}`,
    author: doc.brevhuvud.enhet,
    subject: `Sammanställning av remissvar, ${doc.diarienummer}`,
    keywords: [doc.diarienummer],
  };
}

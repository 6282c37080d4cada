import { STALLNINGSNAMN } from '@app/core';
import { PdfMetadata, RemissammanstallningDokument, StallningDokument, SynpunktDokument } from '../dokument';
import { SidVy } from './sida-vy';
import { sidangivelse, SynpunktVy, synpunktVy } from './synpunkt-vy';
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
  avstod: string[];
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

/** "1 tillstyrker, 2 tillstyrker med ändringar": positions in the order of the list, those taken only. */
export function stallningssammanfattning(antal: Record<StallningDokument, number>): string {
  return (Object.keys(STALLNINGSNAMN) as StallningDokument[])
    .filter((s) => antal[s] > 0)
    .map((s) => `${antal[s]} ${STALLNINGSNAMN[s].namn}`)
    .join(', ');
}

export function remissammanstallningVy(doc: RemissammanstallningDokument): RemissammanstallningVy {
  const register = new Fotnotsregister();
  const medTyp = (s: SynpunktDokument & { instans: string }) => ({
    ...synpunktVy(s, register),
    typnamn: TYPNAMN[s.typ][0],
  });
  const avsnitt = doc.avsnitt.map((a) => ({
    rubrik: `${a.handling}, ${sidangivelse(a.sida)}`,
    sammanfattning: sammanfattning(a.antalPerTyp),
    // The section's heading names the handling; its quotations need only their page.
    synpunkter: a.synpunkter.map((s) => medTyp({ ...s, citat: s.citat && { text: s.citat.text, sida: s.citat.sida } })),
  }));
  const utanHanvisning = doc.utanHanvisning.map(medTyp);
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
    ...(doc.stallningar.length
      ? {
          stallning: {
            sammanfattning: stallningssammanfattning(doc.antalPerStallning),
            instanser: doc.stallningar.map((s) => ({ instans: s.instans, namn: STALLNINGSNAMN[s.stallning].namn })),
          },
        }
      : {}),
    fragor,
    avstod: doc.avstod,
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

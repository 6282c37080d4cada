import { PdfMetadata, RemissammanstallningDokument, SynpunktDokument } from '../dokument';
import { SidVy } from './sida-vy';
import { sidangivelse, SynpunktVy, synpunktVy } from './synpunkt-vy';
import { Fotnot, Fotnotsregister } from './text';

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

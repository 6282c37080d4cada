import { formatDeadline } from '@app/core';
import { PdfMetadata, RemissmissivDokument } from '../dokument';
import { SidVy } from './sida-vy';
import { Stycke, stycken, textdelar } from './text';

export interface RemissmissivVy {
  sida: SidVy;
  enhet: string;
  diarienummer: string;
  arendemening: string;
  missiv: Stycke[];
  svarsdatum: string;
  /** "senast 2025-05-15 kl. 23.59", worded as in the UI and every e-mail. */
  svarSenast: string;
  remissinstanser: string[];
  remisshandlingar: string[];
  fragor: string[];
  kontaktperson: RemissmissivDokument['kontaktperson'];
  svarsanvisning: Stycke[];
}

export function remissmissivVy(doc: RemissmissivDokument): RemissmissivVy {
  return {
    sida: { dokumenttyp: 'REMISS', titel: doc.arendemening, datum: doc.datum, dnr: doc.diarienummer },
    enhet: doc.brevhuvud.enhet,
    diarienummer: doc.diarienummer,
    arendemening: doc.arendemening,
    missiv: stycken(doc.missiv).map(textdelar),
    svarsdatum: doc.svarsdatum,
    svarSenast: formatDeadline(doc.svarsdatum),
    remissinstanser: doc.remissinstanser,
    remisshandlingar: doc.remisshandlingar,
    fragor: doc.fragor,
    kontaktperson: doc.kontaktperson,
    svarsanvisning: stycken(doc.svarsanvisning).map(textdelar),
  };
}

export function remissmissivMetadata(doc: RemissmissivDokument): PdfMetadata {
  return {
    title: `Remiss: ${doc.arendemening}`,
    author: doc.brevhuvud.enhet,
    subject: `Remiss med svar senast ${doc.svarsdatum}`,
    keywords: [doc.diarienummer],
  };
}

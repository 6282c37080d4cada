import { STALLNINGSNAMN } from '@app/core';
import { BeslutDokument, PdfMetadata, RemissvarDokument, Underskrift } from '../dokument';
import { SidVy } from './sida-vy';
import { SynpunktVy, synpunktVy } from './synpunkt-vy';
import { Fotnot, Fotnotsregister, Stycke } from './text';

export interface RemissvarVy {
  sida: SidVy;
  enhet: string;
  avstar: boolean;
  vartDnr: string;
  ertDnr: string;
  mottagare: string;
  titel: string;
  inledning: Stycke[];
  /** "Utbildningsnämnden tillstyrker förslaget." */
  stallning?: string;
  fragesvar: { rubrik: string; stycken: Stycke[] }[];
  synpunkter: SynpunktVy[];
  avslutning: Stycke[];
  beslut?: {
    namndbeslut?: { namnd: string; datum: string; paragraf: string };
    delegationsbeslut?: { delegat: string; titel?: string; datum: string };
  };
  underskrifter: Underskrift[];
  bilagor: string[];
  fotnoter: Fotnot[];
}

export function remissvarVy(doc: RemissvarDokument): RemissvarVy {
  const register = new Fotnotsregister();
  // Reading order decides footnote numbers: inledning, each synpunkt, avslutning.
  const inledning = register.stycken(doc.inledning, doc);
  const fragesvar = (doc.fragesvar ?? []).map((f) => ({
    rubrik: `Fråga ${f.nummer}: ${f.fraga}`,
    stycken: register.stycken(f.svar, { fotnoter: [] }),
  }));
  const synpunkter = doc.synpunkter.map((s) => synpunktVy(s, register));
  const avslutning = register.stycken(doc.avslutning, doc);
  return {
    sida: { dokumenttyp: 'YTTRANDE', titel: doc.titel, datum: doc.datum, dnr: doc.vartDnr },
    enhet: doc.brevhuvud.enhet,
    avstar: doc.avstar ?? false,
    vartDnr: doc.vartDnr,
    ertDnr: doc.ertDnr,
    mottagare: doc.mottagare,
    titel: doc.titel,
    inledning,
    ...(doc.stallning ? { stallning: `${doc.brevhuvud.enhet} ${STALLNINGSNAMN[doc.stallning].sats}.` } : {}),
    fragesvar,
    synpunkter,
    avslutning,
    beslut: doc.beslut && beslutVy(doc.beslut),
    underskrifter: doc.underskrifter,
    bilagor: doc.bilagor,
    fotnoter: register.addUnreferenced([doc, ...doc.synpunkter]),
  };
}

function beslutVy(beslut: BeslutDokument): NonNullable<RemissvarVy['beslut']> {
  if (beslut.typ === 'namndbeslut') {
    const paragraf = beslut.paragraf.trim().startsWith('§') ? beslut.paragraf.trim() : `§ ${beslut.paragraf.trim()}`;
    return { namndbeslut: { namnd: beslut.namnd, datum: beslut.sammantradesdatum, paragraf } };
  }
  return { delegationsbeslut: { delegat: beslut.delegat, titel: beslut.titel, datum: beslut.beslutsdatum } };
}

export function remissvarMetadata(doc: RemissvarDokument): PdfMetadata {
  return {
    title: doc.titel,
    author: doc.brevhuvud.enhet,
    subject: `Yttrande till ${doc.mottagare} över remiss ${doc.ertDnr}`,
    keywords: [doc.vartDnr, doc.ertDnr],
  };
}

import type {
  BrevhuvudUppgifter,
  BeslutDokument,
  FragesvarDokument,
  RemissvarDokument,
  SynpunktDokument,
  Underskrift,
} from '@app/pdf';
import { Beslut, Fragesvar, Remissfraga, Remisshandling, RemissvarStallning, Synpunkt } from '@app/database';
import { Datum } from '@app/core';

export interface RemissvarUnderlag {
  /** Letterhead folder of the answering organisation (its slug). */
  kommun: string;
  /** The organisation's own letterhead from the database; absent: the folder's defaults. */
  uppgifter?: BrevhuvudUppgifter;
  /** The answering enhet, e.g. Utbildningsnämnden. */
  enhet: string;
  datum: Datum;
  vartDnr: string;
  ertDnr: string;
  /** The sending enhet, e.g. Kommunstyrelsen. */
  mottagare: string;
  svar: {
    titel: string;
    inledning: string;
    avslutning: string;
    fotnoter: string[];
    typ: 'yttrande' | 'avstar';
    stallning: RemissvarStallning | null;
    fragesvar: Fragesvar[];
  };
  /** The remiss' frågor, which the answers name by number. */
  fragor: Remissfraga[];
  synpunkter: Synpunkt[];
  handlingar: Remisshandling[];
  beslut: Beslut | null;
  /** Who sends it (the nämndsekreterare expediting); absent in a preview. */
  expedierasAv?: string;
  /** Who signs instead, when no nämnd decided it (an external instans' contact person). */
  undertecknare?: Underskrift;
}

/** The data of the letter the PDF template renders, from what the database holds. */
export function remissvarDokument(u: RemissvarUnderlag): RemissvarDokument {
  const titlar = new Map(u.handlingar.map((h) => [h.id, h.titel]));
  const flera = u.handlingar.length > 1;
  return {
    brevhuvud: { kommun: u.kommun, enhet: u.enhet, ...(u.uppgifter ? { uppgifter: u.uppgifter } : {}) },
    ...(u.svar.typ === 'avstar' ? { avstar: true } : {}),
    datum: u.datum,
    vartDnr: u.vartDnr,
    ertDnr: u.ertDnr,
    mottagare: u.mottagare,
    titel: u.svar.titel,
    inledning: u.svar.inledning,
    ...(u.svar.stallning ? { stallning: u.svar.stallning } : {}),
    fragesvar: fragesvarDokument(u.fragor, u.svar.fragesvar),
    synpunkter: u.synpunkter.map((p) => synpunktDokument(p, flera ? titlar.get(p.remisshandlingId ?? '') : undefined)),
    avslutning: u.svar.avslutning,
    fotnoter: u.svar.fotnoter,
    ...(u.beslut ? { beslut: beslutDokument(u.beslut, u.enhet) } : {}),
    underskrifter: u.undertecknare ? [u.undertecknare] : underskrifter(u.beslut, u.expedierasAv),
    bilagor: [],
  };
}

/** Each answered fråga with its text, in the remiss' order. */
function fragesvarDokument(fragor: Remissfraga[], svar: Fragesvar[]): FragesvarDokument[] {
  const text = new Map(svar.map((f) => [f.fraga, f.text]));
  return fragor.flatMap((f) => {
    const svaret = text.get(f.nummer);
    return svaret === undefined ? [] : [{ nummer: f.nummer, fraga: f.text, svar: svaret }];
  });
}

export function synpunktDokument(p: Synpunkt, handling?: string): SynpunktDokument {
  return {
    typ: p.typ,
    ...(p.rubrik ? { rubrik: p.rubrik } : {}),
    ...(p.citatinledning ? { citatinledning: p.citatinledning } : {}),
    ...(p.citat && p.sida ? { citat: { text: p.citat, sida: p.sida, ...(handling ? { handling } : {}) } } : {}),
    text: p.text,
    ...(p.strykText ? { stryk: p.strykText } : {}),
    ...(p.nyText ? { ersattMed: p.nyText } : {}),
    fotnoter: p.fotnoter,
  };
}

function beslutDokument(b: Beslut, namnd: string): BeslutDokument {
  return b.typ === 'namndbeslut'
    ? { typ: 'namndbeslut', namnd, sammantradesdatum: b.sammantradesdatum!, paragraf: b.paragraf! }
    : {
        typ: 'delegationsbeslut',
        delegat: b.delegatNamn!,
        ...(b.delegatTitel ? { titel: b.delegatTitel } : {}),
        beslutsdatum: b.beslutsdatum,
      };
}

/** A delegationsbeslut is signed by the delegat; a nämnd's answer by the secretary who sends it. */
function underskrifter(b: Beslut | null, expedierasAv?: string): Underskrift[] {
  if (b?.typ === 'delegationsbeslut') return [{ namn: b.delegatNamn!, titel: b.delegatTitel ?? 'Delegat' }];
  return expedierasAv ? [{ namn: expedierasAv, titel: 'Nämndsekreterare' }] : [];
}

import { Datum } from '@app/core';

/**
 * The data the document templates render. Built by the workflow (libs/remiss, libs/svar) from the
 * database; rendered by PdfService. Texts are plain (Handlebars escapes them): paragraphs are
 * separated by a blank line, and `[^n]` marks a reference to footnote n (1-based) of the same
 * part; the renderer numbers footnotes through the whole document.
 */
/** `Brevhuvud.kommun` of a party without a letterhead on the platform: `enhet` is then its name. */
export const NEUTRALT_BREVHUVUD = 'neutral';

export interface Brevhuvud {
  /** The organisation's slug, e.g. `enkoping` (its folder under templates/kommuner/, if any), or NEUTRALT_BREVHUVUD. */
  kommun: string;
  /** e.g. Utbildningsnämnden. */
  enhet: string;
  /** e.g. Utbildningsförvaltningen. */
  forvaltning?: string;
  /**
   * The organisation's own letterhead from the database (its admin's pages, or its organisation row);
   * absent: the folder's kommun.json and emblem.svg. The layout is the folder's brevhuvud.hbs, or for an
   * organisation without a folder the general one (partials/allmant-brevhuvud.hbs).
   */
  uppgifter?: BrevhuvudUppgifter;
}

/** What a letterhead says about its organisation: the fields of kommun.json and the emblem. */
export interface BrevhuvudUppgifter {
  namn: string;
  besoksadress: string;
  postadress: string;
  telefon: string;
  epost: string;
  webb: string;
  organisationsnummer: string;
  farger: { primar: string; accent: string };
  etiketter: { vartDnr: string; ertDnr: string };
  /** A data: URL (image/svg+xml or image/png), the only kind of URL a document may load. */
  emblem: string;
}

export interface Citat {
  text: string;
  sida: number;
  /** Title of the remisshandling quoted, when the remiss has more than one. */
  handling?: string;
}

export interface SynpunktDokument {
  typ: 'medhall' | 'invandning' | 'andringsforslag' | 'ovrigt';
  rubrik?: string;
  /** Words that lead into the quotation, e.g. "I policyn framgår:"; shown before it. */
  citatinledning?: string;
  citat?: Citat;
  text: string;
  /** For andringsforslag: the text to strike, and what replaces it (absent: strike only). */
  stryk?: string;
  ersattMed?: string;
  fotnoter: string[];
}

export type BeslutDokument =
  | { typ: 'namndbeslut'; namnd: string; sammantradesdatum: Datum; paragraf: string }
  | { typ: 'delegationsbeslut'; delegat: string; titel?: string; beslutsdatum: Datum };

export interface Underskrift {
  namn: string;
  /** e.g. Ordförande, Nämndsekreterare, Förvaltningschef. */
  titel: string;
}

/** An answer's overall position on the proposal. */
export type StallningDokument = 'tillstyrker' | 'tillstyrker_med_andringar' | 'avstyrker' | 'inga_synpunkter';

/** One of the remiss' frågor with the answer given to it. */
export interface FragesvarDokument {
  nummer: number;
  fraga: string;
  svar: string;
}

export interface RemissvarDokument {
  brevhuvud: Brevhuvud;
  /** YTTRANDE; a declined remiss is rendered with `avstar` true. */
  avstar?: boolean;
  datum: Datum;
  /** Our dnr, e.g. UN2025/412. */
  vartDnr: string;
  /** The sender's dnr, e.g. KS2025/118. */
  ertDnr: string;
  /** The addressee, e.g. Kommunstyrelsen. */
  mottagare: string;
  /** e.g. Svar på remiss om policy för digital omställning. */
  titel: string;
  inledning: string;
  /** The answer's overall position, said as a sentence after the inledning. */
  stallning?: StallningDokument;
  /** The answered frågor, in the remiss' order. */
  fragesvar?: FragesvarDokument[];
  synpunkter: SynpunktDokument[];
  avslutning: string;
  /** Footnotes referenced from inledning and avslutning. */
  fotnoter: string[];
  beslut?: BeslutDokument;
  underskrifter: Underskrift[];
  bilagor: string[];
  /** The PDF's Author is the enhet; Keywords carry the dnr. */
}

export interface RemissmissivDokument {
  brevhuvud: Brevhuvud;
  datum: Datum;
  /** The sender's dnr, to be quoted in every answer. */
  diarienummer: string;
  arendemening: string;
  missiv: string;
  svarsdatum: Datum;
  remissinstanser: string[];
  remisshandlingar: string[];
  fragor: string[];
  kontaktperson: { namn: string; epost?: string; telefon?: string };
  /** How to answer: the platform link, or e-mail for those without an account. */
  svarsanvisning: string;
}

/** The sender's position on one synpunkt (#14), the current one of its history. */
export interface StallningstagandeDokument {
  beslut: 'beaktas' | 'beaktas_delvis' | 'beaktas_inte' | 'noteras';
  motivering: string;
  /** Who recorded it (null: the account is gone). */
  av: string | null;
  /** When, as an ISO timestamp. */
  registrerad: string;
  version: number;
}

/** A synpunkt in the sammanställning: whose it is, its stable id and the sender's ställningstagande. */
export type SammanstalldSynpunkt = SynpunktDokument & {
  /** Absent for the note on an answer sent as PDF: it has no synpunkter to take a position on. */
  id?: string;
  instansId: string;
  instans: string;
  /** The answering instans' dnr (UN2025/412). */
  diarienummer?: string;
  stallningstagande?: StallningstagandeDokument;
};

/** One remissinstans as the sammanställning reports it. */
export interface SammanstalldInstans {
  id: string;
  namn: string;
  status: 'inbjuden' | 'registrerad' | 'under_beredning' | 'besvarad' | 'avstar' | 'stangd';
  diarienummer?: string;
  svarsdatum: Datum;
  /** Granted anstånd: the new svarsdatum and why. */
  anstand?: { svarsdatum: Datum; orsak?: string };
  /** The expedierat answer's position. */
  stallning?: StallningDokument;
  /** Why it declined (avstår). */
  avstarMotivering?: string;
}

export interface RemissammanstallningDokument {
  brevhuvud: Brevhuvud;
  datum: Datum;
  diarienummer: string;
  arendemening: string;
  /** Synpunkter grouped by remisshandling and page, in document order. */
  avsnitt: {
    handling: string;
    sida: number;
    synpunkter: SammanstalldSynpunkt[];
    antalPerTyp: Record<SynpunktDokument['typ'], number>;
  }[];
  utanHanvisning: SammanstalldSynpunkt[];
  /**
   * Each expedierat answer's position, by instans, and how many take each; besides them those who
   * declined, and those who answered without a stated position (a PDF sent through the link or by post).
   */
  stallningar: { instans: string; stallning: StallningDokument }[];
  antalPerStallning: Record<StallningDokument | 'avstar' | 'ej_angiven', number>;
  /** Every fråga of the remiss with the answers the instanser gave to it. */
  fragor: { nummer: number; fraga: string; svar: { instans: string; text: string }[] }[];
  /** Every instans: dnr, anstånd, position, reason to decline. */
  instanser: SammanstalldInstans[];
  avstod: string[];
  ejSvarat: string[];
}

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  /** The dnr(s), e.g. UN2025/412, KS2025/118. */
  keywords: string[];
}

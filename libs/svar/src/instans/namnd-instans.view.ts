import { Datum } from '@app/core';
import { Remissfraga, RemissinstansStatus, RemissStatus, RemissvarStatus, RemissvarTyp } from '@app/database';

/** A remisshandling as the instans' pages list it. */
export interface HandlingVy {
  id: string;
  titel: string;
  sidantal: number;
  filnamn: string;
}

/** The remissinstans as its nämnd received it, with what the user may do next. */
export interface NamndInstansVy {
  id: string;
  status: RemissinstansStatus;
  forsenad: boolean;
  dagarForsenad: number | null;
  /** The instans' own svarsdatum (later than the remiss' after an anstånd). */
  svarsdatum: Datum;
  /** The remiss' own svarsdatum and the reason, when this instans was granted anstånd. */
  anstand: { ursprungligtSvarsdatum: Datum; orsak: string | null } | null;
  /** The nämnd's own dnr, once registered. */
  diarienummer: string | null;
  registreradAt: Date | null;
  besvaradAt: Date | null;
  avstodAt: Date | null;
  avstarMotivering: string | null;
  avsandare: { organisation: string; enhet: string };
  remiss: {
    id: string;
    diarienummer: string;
    arendemening: string;
    missiv: string;
    fragor: Remissfraga[];
    status: RemissStatus;
    utskickadAt: Date | null;
  };
  kontaktperson: { namn: string | null; epost: string | null; telefon: string | null } | null;
  handlingar: HandlingVy[];
  remissvar: { id: string; status: RemissvarStatus; typ: RemissvarTyp } | null;
  /** What the user may do now, by the instans' state and the user's role at the enhet. */
  atgarder: { registrera: boolean; avsta: boolean; skrivaSvar: boolean };
}

/** One remisshandling's text page by page, to read and copy quotes from. */
export interface HandlingstextVy {
  instans: { id: string; arendemening: string; avsandarDiarienummer: string };
  handling: HandlingVy;
  sidor: { nummer: number; text: string }[];
}

import { RemissvarResponse, RevisionResponse, RevisionSidaResponse } from '../remissvar.response';

/** One choice of a form's radios or select: the stored value and its Swedish name. */
export interface Val {
  value: string;
  text: string;
}

/** What every page of one instans' answer shows in its header: which remiss, which instans, where it stands. */
export interface SvarsramVy {
  instans: {
    id: string;
    namn: string;
    /** The display name of its state ("under beredning"). */
    status: string;
    diarienummer: string | null;
    svarsdatum: string;
  };
  remiss: { arendemening: string; diarienummer: string; avsandare: string };
  /** Null until the first save creates the answer. */
  svar: RemissvarResponse | null;
  /** The display name of the answer's state, or null before it exists. */
  svarsstatus: string | null;
  /** What the caller may do here now (the pages offer only that). */
  far: { redigera: boolean; forBeslut: boolean; tillUtkast: boolean; besluta: boolean; expediera: boolean };
}

/** The editor: the answer and everything its form offers to choose from. */
export interface SvarsredigeringVy extends SvarsramVy {
  fragor: { nummer: number; text: string }[];
  handlingar: { id: string; titel: string; sidantal: number }[];
  synpunktstyper: Val[];
  stallningar: Val[];
}

export interface HistorikVy extends SvarsramVy {
  revisioner: RevisionSidaResponse;
}

/** One revision as saved then, with the names its content refers to. */
export interface RevisionVy extends SvarsramVy {
  revision: RevisionResponse;
  fragor: { nummer: number; text: string }[];
  /** Display names by value, to show what the revision stored. */
  handlingsnamn: Record<string, string>;
  typnamn: Record<string, string>;
  stallningsnamn: string | null;
  statusnamn: string;
}

/** The summary before expediering, and afterwards where the sent answer is. */
export interface ExpedieringVy extends SvarsramVy {
  sammanfattning: {
    titel: string;
    stallning: string | null;
    antalSynpunkter: number;
    beslut: string | null;
    mottagare: string;
  };
  /** After expediering: the sent PDF's name and its registration in the nämnd's diarium. */
  skickat: { filnamn: string; diarienummer: string; lopnummer: number; datum: string; expedieratAt: Date } | null;
}

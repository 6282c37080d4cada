import { SynpunktDokument } from '../dokument';
import { Fotnotsregister, Stycke } from './text';

export interface SynpunktVy {
  typ: SynpunktDokument['typ'];
  rubrik?: string;
  citatinledning?: string;
  citat?: { text: string; sidhanvisning: string };
  stycken: Stycke[];
  stryk?: string;
  ersattMed?: string;
  instans?: string;
  /** The kind as the sammanställning names it ("ändringsförslag"); an answer leaves it out. */
  typnamn?: string;
  /** The sender's ställningstagande, in the sammanställning only. */
  stallningstagande?: { beslut: string; motivering?: string; uppgift: string };
}

/** "s. 5" with a no-break space, so the number never starts a line of its own. */
export const sidangivelse = (sida: number) => `s.\u00A0${sida}`;

/** "(s. 5)", or "(Policy för digital omställning, s. 5)" when the remiss has several handlingar. */
export function sidhanvisning(sida: number, handling?: string): string {
  return handling ? `(${handling}, ${sidangivelse(sida)})` : `(${sidangivelse(sida)})`;
}

export function synpunktVy(synpunkt: SynpunktDokument & { instans?: string }, fotnoter: Fotnotsregister): SynpunktVy {
  return {
    typ: synpunkt.typ,
    rubrik: synpunkt.rubrik,
    citatinledning: synpunkt.citat ? synpunkt.citatinledning : undefined,
    citat: synpunkt.citat && {
      text: synpunkt.citat.text.replace(/\s+/g, ' ').trim(),
      sidhanvisning: sidhanvisning(synpunkt.citat.sida, synpunkt.citat.handling),
    },
    stycken: fotnoter.stycken(synpunkt.text, synpunkt),
    stryk: synpunkt.stryk,
    ersattMed: synpunkt.stryk ? synpunkt.ersattMed : undefined,
    instans: synpunkt.instans,
  };
}

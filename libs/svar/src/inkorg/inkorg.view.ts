import { CappedSida, Datum } from '@app/core';
import { RemissinstansStatus } from '@app/database';
import { InkorgRadData } from './inkorg.read-model';

/** A count up to the list cap: `fler` when more rows match than `antal` says ("1000+"). */
export interface Antal {
  antal: number;
  fler: boolean;
}

/** One row of the inkorg page: the API's row and, when försenad, by how many days. */
export interface InkorgRadVy extends InkorgRadData {
  dagarForsenad: number | null;
}

/** The inkorg page of one enhet: the asked-for page, and the counts its filters show beside each choice. */
export interface InkorgVy {
  sida: CappedSida<InkorgRadVy>;
  antalPerStatus: Record<RemissinstansStatus, Antal>;
  forsenade: Antal;
  idag: Datum;
}

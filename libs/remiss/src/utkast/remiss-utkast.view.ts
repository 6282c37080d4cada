import { Datum } from '@app/core';
import { RemissResponse } from '../remiss.response';

/** A diarium the sender may open the remiss' ärende in, with a number in its format. */
export interface DiariumVal {
  id: string;
  namn: string;
  exempel: string;
}

/** What the form of a new utkast offers. */
export interface NyttUtkastVy {
  diarier: DiariumVal[];
  tidigasteSvarsdatum: Datum;
  minstaSvarstid: number;
  kontaktperson: { namn: string; epost: string | null };
}

/** What the page of one utkast shows: the draft, how far it has come, and what to warn about. */
export interface UtkastVy {
  remiss: RemissResponse;
  tidigasteSvarsdatum: Datum;
  minstaSvarstid: number;
  arendemeningVarning?: string;
  antalMottagare: number;
  antalHandlingar: number;
}

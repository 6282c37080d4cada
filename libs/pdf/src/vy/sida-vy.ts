import { Datum } from '@app/core';

/** What every document shows in its letterhead and running header. */
export interface SidVy {
  /** YTTRANDE, REMISS, SAMMANSTÄLLNING: printed top right on page 1 and in the later pages' header. */
  dokumenttyp: string;
  titel: string;
  datum: Datum;
  /** The dnr repeated in the header of later pages. */
  dnr: string;
}

import { RemissStatus } from '@app/database';
import { PlaneradMottagareResponse } from './mottagare.response';

/** An enhet of the recipient directory, and whether the draft goes to it. */
export interface KatalogEnhet {
  enhetId: string;
  namn: string;
  vald: boolean;
}

/** The directory by organisation: the own first, with all its enheter; the others' answering enheter. */
export interface KatalogOrganisation {
  organisationId: string;
  organisation: string;
  egen: boolean;
  enheter: KatalogEnhet[];
}

/** What the recipients page of a draft shows. */
export interface MottagareVy {
  remiss: { id: string; diarienummer: string; arendemening: string; status: RemissStatus };
  mottagare: PlaneradMottagareResponse[];
  katalog: KatalogOrganisation[];
  sandlistor: { id: string; namn: string; antal: number }[];
}

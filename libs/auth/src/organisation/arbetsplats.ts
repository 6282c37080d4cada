import type { Roll } from '@app/database';

/** An enhet where the signed-in user works, with the roles held there. */
export interface ArbetsplatsEnhet {
  id: string;
  namn: string;
  kortnamn: string;
  roller: Roll[];
}

/** Where the signed-in user works: what a page's header shows and the enhet chooser offers. */
export interface Arbetsplats {
  organisationNamn: string;
  enheter: ArbetsplatsEnhet[];
}

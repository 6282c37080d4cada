import { Datum } from '@app/core';
import { Enhet, Organisation, Remiss, Remisshandling } from '@app/database';
import { RemissmissivDokument } from '@app/pdf';

/** The covering letter as the template renders it, from the frozen remiss. */
export function missivDokument(
  remiss: Remiss,
  avsandare: { organisation: Organisation; enhet: Enhet },
  instanser: string[],
  handlingar: Remisshandling[],
  datum: Datum,
  plattform: string,
): RemissmissivDokument {
  return {
    brevhuvud: { kommun: avsandare.organisation.slug, enhet: avsandare.enhet.namn },
    datum,
    diarienummer: remiss.diarienummer,
    arendemening: remiss.arendemening,
    missiv: remiss.missiv,
    svarsdatum: remiss.svarsdatum,
    remissinstanser: instanser,
    remisshandlingar: handlingar.map((h) => h.titel),
    fragor: remiss.fragor.map((f) => f.text),
    kontaktperson: {
      namn: remiss.kontaktpersonNamn ?? avsandare.enhet.namn,
      epost: remiss.kontaktpersonEpost ?? undefined,
      telefon: remiss.kontaktpersonTelefon ?? undefined,
    },
    svarsanvisning: `Nämnder och organisationer på Remissplattformen svarar i plattformen (${plattform}). Övriga remissinstanser får en personlig länk per e-post där svaret lämnas som PDF.`,
  };
}

import { formatTidpunkt } from '@app/core';
import { Remiss, Remissinstans, Remissvar } from '@app/database';
import { KoadEpost, messageIdFor } from '@app/mail';
import type { Remissavsandare } from '@app/remiss';

export interface Kvittens {
  remiss: Remiss;
  instans: Remissinstans;
  svar: Remissvar & { kontaktpersonEpost: string };
  /** The sender as an outsider names it ("Kommunstyrelsen i Enköpings kommun"), and where a reply goes. */
  avsandare: Remissavsandare;
  mottaget: Date;
  visasTill: Date;
  /** The personal link, which keeps showing what was sent. */
  lank: string;
  /** The answer's PDF as registered, attached to the mail. */
  fil: { id: string; filnamn: string };
}

/** To the external instans' contact person: the answer was received, with the answer as PDF. */
export function kvittensEpost(k: Kvittens): KoadEpost {
  const kontakt = [k.remiss.kontaktpersonNamn, k.remiss.kontaktpersonEpost, k.remiss.kontaktpersonTelefon];
  return {
    to: k.svar.kontaktpersonEpost,
    avsandarnamn: k.avsandare.namn,
    replyTo: k.avsandare.svaraTill,
    subject: `${k.remiss.diarienummer} Ert svar har tagits emot: ${k.remiss.arendemening}`,
    mall: 'extern-kvittens',
    data: {
      mottagare: k.svar.kontaktpersonNamn ?? k.instans.namn,
      arendemening: k.remiss.arendemening,
      diarienummer: k.remiss.diarienummer,
      avsandare: k.avsandare.namn,
      egetDnr: k.svar.egetDiarienummer,
      mottaget: formatTidpunkt(k.mottaget),
      visasTill: formatTidpunkt(k.visasTill),
      filnamn: k.fil.filnamn,
      lank: k.lank,
      kontakt: kontakt.filter(Boolean).join(', '),
    },
    messageId: messageIdFor('extern-kvittens', k.svar.id),
    bifogadeFiler: [k.fil.id],
  };
}

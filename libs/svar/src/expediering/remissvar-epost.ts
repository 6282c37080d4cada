import { formatDeadline } from '@app/core';
import { Remiss, Remissinstans } from '@app/database';
import { MallEpost, messageIdFor } from '@app/mail';

export interface SvarEpost {
  remiss: Remiss;
  instans: Remissinstans;
  /** The answering enhet with its organisation ("Utbildningsnämnden i Enköpings kommun"), and where replies go. */
  svarande: { namn: string; svaraTill: string };
  remissvarId: string;
  avstar: boolean;
  vartDnr: string;
  filnamn: string;
  avsandare: string;
  till: string;
  /** The sender's page of the remiss, where the answer now is. */
  remisslank: string;
}

/** The mail to the remiss' kontaktperson when an answer (or a declining letter) has been sent. */
export function svarEpost(e: SvarEpost): MallEpost {
  return {
    to: e.till,
    avsandarnamn: e.svarande.namn,
    replyTo: e.svarande.svaraTill,
    subject: `${e.remiss.diarienummer} ${e.svarande.namn} ${e.avstar ? 'avstår' : 'har svarat'}: ${e.remiss.arendemening}`,
    mall: 'remissvar',
    data: {
      kontaktperson: e.remiss.kontaktpersonNamn,
      avstar: e.avstar,
      instans: e.svarande.namn,
      arendemening: e.remiss.arendemening,
      diarienummer: e.remiss.diarienummer,
      vartDnr: e.vartDnr,
      filnamn: e.filnamn,
      svaraSenast: formatDeadline(e.instans.svarsdatum),
      avsandare: e.avsandare,
      remisslank: e.remisslank,
    },
    messageId: messageIdFor(e.avstar ? 'remissvar-avstar' : 'remissvar', e.remissvarId),
  };
}

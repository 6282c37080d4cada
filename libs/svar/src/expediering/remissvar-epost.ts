import { formatDeadline } from '@app/core';
import { Remiss, Remissinstans } from '@app/database';
import { MallEpost, messageIdFor } from '@app/mail';

export interface SvarEpost {
  remiss: Remiss;
  instans: Remissinstans;
  remissvarId: string;
  avstar: boolean;
  vartDnr: string;
  filnamn: string;
  /** The same letter as a Word file, attached beside the PDF. */
  redigerbarFilnamn: string;
  avsandare: string;
  till: string;
}

/** The mail to the remiss' kontaktperson when an answer (or a declining letter) has been sent. */
export function svarEpost(e: SvarEpost): MallEpost {
  const vad = e.avstar ? `${e.instans.namn} avstår från att yttra sig` : `Svar på remiss från ${e.instans.namn}`;
  return {
    to: e.till,
    subject: `${e.remiss.diarienummer} ${vad}`,
    mall: 'remissvar',
    data: {
      kontaktperson: e.remiss.kontaktpersonNamn,
      avstar: e.avstar,
      instans: e.instans.namn,
      arendemening: e.remiss.arendemening,
      diarienummer: e.remiss.diarienummer,
      vartDnr: e.vartDnr,
      filnamn: e.filnamn,
      redigerbarFilnamn: e.redigerbarFilnamn,
      svaraSenast: formatDeadline(e.instans.svarsdatum),
      avsandare: e.avsandare,
    },
    messageId: messageIdFor(e.avstar ? 'remissvar-avstar' : 'remissvar', e.remissvarId),
  };
}

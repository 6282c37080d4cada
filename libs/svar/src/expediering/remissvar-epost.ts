import { formatDeadline } from '@app/core';
import { Remiss, Remissinstans } from '@app/database';
import { Epost, messageIdFor } from '@app/mail';

export interface SvarEpost {
  remiss: Remiss;
  instans: Remissinstans;
  remissvarId: string;
  avstar: boolean;
  vartDnr: string;
  filnamn: string;
  avsandare: string;
  till: string;
}

/** The mail to the remiss' kontaktperson when an answer (or a declining letter) has been sent. */
export function svarEpost(e: SvarEpost): Epost {
  const vad = e.avstar ? `${e.instans.namn} avstår från att yttra sig` : `Svar på remiss från ${e.instans.namn}`;
  const rader = [
    `Hej${e.remiss.kontaktpersonNamn ? ` ${e.remiss.kontaktpersonNamn}` : ''}!`,
    '',
    e.avstar
      ? `${e.instans.namn} avstår från att yttra sig över remissen "${e.remiss.arendemening}" (er beteckning ${e.remiss.diarienummer}, vår beteckning ${e.vartDnr}).`
      : `${e.instans.namn} har besvarat remissen "${e.remiss.arendemening}" (er beteckning ${e.remiss.diarienummer}, vår beteckning ${e.vartDnr}).`,
    `Skrivelsen (${e.filnamn}) är registrerad som inkommande handling i ärende ${e.remiss.diarienummer} och finns i Remissplattformen.`,
    '',
    `Svarsdatum för ${e.instans.namn}: ${formatDeadline(e.instans.svarsdatum)}.`,
    '',
    'Med vänliga hälsningar',
    e.avsandare,
    e.instans.namn,
  ];
  return {
    to: e.till,
    subject: `${e.remiss.diarienummer} ${vad}`,
    text: rader.join('\n'),
    html: rader
      .map((r) => (r === '' ? '' : `<p>${escapeHtml(r)}</p>`))
      .filter(Boolean)
      .join('\n'),
    messageId: messageIdFor(e.avstar ? 'remissvar-avstar' : 'remissvar', e.remissvarId),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

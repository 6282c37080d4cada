import { Injectable } from '@nestjs/common';
import { notFound } from '@app/core';
import { Utvecklingsbrevlada } from '@app/mail';
import { Textdel, textdelar } from './textdelar';

/** A caught mail as the page shows it. */
export interface VisadEpost {
  id: string;
  mottagen: Date;
  fran: string;
  till: string;
  svaraTill: string;
  amne: string;
  delar: Textdel[];
}

/**
 * The page of the development mail sink: the mails the process caught, newest first, each with
 * its text and clickable links. It exists only while the sink runs (no SMTP_URL, not production):
 * otherwise the page is the 404 of any unknown page, and nothing says it could have been there.
 */
@Injectable()
export class UtvecklingsepostService {
  constructor(private readonly brevlada: Utvecklingsbrevlada) {}

  list(): { mails: VisadEpost[]; antal: number } {
    if (!this.brevlada.active) throw notFound('Route');
    const mails = this.brevlada.list().map((m) => ({
      id: m.id,
      mottagen: m.mottagen,
      fran: m.from,
      till: m.mottagare.join(', '),
      svaraTill: m.replyTo,
      amne: m.subject || '(inget ämne)',
      delar: textdelar(m.text),
    }));
    return { mails, antal: mails.length };
  }
}

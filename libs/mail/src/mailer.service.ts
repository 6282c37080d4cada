import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { Meddelandebyggare } from './ra-meddelande';
import { SmtpForbindelser } from './smtp-forbindelser';

/** A file sent with a mail (a kvittens carries the answer as PDF). */
export interface Bilaga {
  filnamn: string;
  mimetyp: string;
  data: Buffer;
}

export interface Epost {
  to: string | string[];
  cc?: string | string[];
  /** Who sends it, shown in From before "via <MAIL_FROM's name>" (the address stays MAIL_FROM's). */
  avsandarnamn?: string;
  /** Whom an answer goes to (the remiss' kontaktperson): the sender address is the platform's, which nobody reads. */
  replyTo?: string;
  subject: string;
  text: string;
  html?: string;
  bilagor?: Bilaga[];
  /** Deterministic, so a resend after a crash is recognisable as the same message. */
  messageId: string;
}

/** The SMTP server refused the message for good (5xx): retrying will not help. */
export class SmtpPermanentError extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
  }
}

/** A Message-ID derived from what the mail is about, e.g. `<paminnelse.<uuid>@remissplattformen>`. */
export function messageIdFor(kind: string, id: string): string {
  return `<${kind}.${id}@remissplattformen>`;
}

/** The SMTP server mail goes to: SMTP_URL, or the development mail sink's address (MailModule decides). */
export const SMTP_ADRESS = 'SMTP_ADRESS';

/** Sends mail over SMTP (SMTP_ADRESS). Transient failures throw Error; permanent ones SmtpPermanentError. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly byggare: Meddelandebyggare;
  // Pooled: the outbox sends thousands of reminders at 08:00, and a connection per mail caps that at a few hundred a second.
  private readonly forbindelser: SmtpForbindelser;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(SMTP_ADRESS) smtpUrl: string) {
    this.byggare = new Meddelandebyggare(config.MAIL_FROM);
    this.forbindelser = new SmtpForbindelser(smtpUrl, config.SMTP_MAX_CONNECTIONS);
  }

  async send(mail: Epost): Promise<void> {
    try {
      await this.forbindelser.send(this.byggare.build(mail, new Date()));
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600)
        throw new SmtpPermanentError((error as Error).message, code);
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.forbindelser.close();
  }
}

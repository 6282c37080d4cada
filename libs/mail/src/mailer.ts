import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import nodemailer, { Transporter } from 'nodemailer';

export interface Epost {
  to: string | string[];
  cc?: string | string[];
  subject: string;
  text: string;
  html?: string;
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

/** Sends mail over SMTP (SMTP_URL). Transient failures throw Error; permanent ones SmtpPermanentError. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter;
  /** Builds the MIME message into one buffer (nodemailer's stream transport), so SMTP gets it in one write, not a write per line. */
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true });

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    // Pooled: the outbox sends thousands of reminders at 08:00, and a connection per mail caps that at a few hundred a second.
    this.transport = nodemailer.createTransport(
      {
        url: config.SMTP_URL!,
        pool: true,
        maxConnections: config.SMTP_MAX_CONNECTIONS,
        maxMessages: Infinity,
        // Well inside the outbox lease (OUTBOX_LEASE_MS, 120 s): a hung server fails the send before another worker may take the row over.
        connectionTimeout: 20_000,
        greetingTimeout: 20_000,
        socketTimeout: 60_000,
      },
      { from: config.MAIL_FROM },
    );
  }

  async send(mail: Epost): Promise<void> {
    try {
      const built = await this.composer.sendMail({ from: this.config.MAIL_FROM, to: mail.to, cc: mail.cc, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
      await this.transport.sendMail({ envelope: built.envelope, raw: built.message as Buffer });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      if (typeof code === 'number' && code >= 500 && code < 600) throw new SmtpPermanentError((error as Error).message, code);
      throw error;
    }
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

import type { UtkorgUtfall } from '@app/utkorg';
import { Epost, Mailer, SmtpPermanentError } from './mailer.service';

/** Sends one mail of an outbox kind and reports it as the outbox's outcome: a 5xx is for good, anything else is tried again. */
export async function sendAsUtfall(mailer: Mailer, epost: Epost): Promise<UtkorgUtfall> {
  try {
    await mailer.send(epost);
    return { utfall: 'utford', kvitto: epost.messageId };
  } catch (error) {
    if (error instanceof SmtpPermanentError)
      return { utfall: 'misslyckad', orsak: `SMTP ${error.responseCode}: ${error.message}` };
    return { utfall: 'fel', fel: (error as Error).message };
  }
}

import { EntityManager } from 'typeorm';
import type { MallEpost } from './epost-mallar.service';
import { Epost } from './mailer.service';

/**
 * A mail to queue. Attachments are stored files (`fil` ids), read when the mail is sent: the
 * outbox row stays small and the file is already kept where the diarium keeps it.
 */
export type KoadEpost = (Omit<Epost, 'bilagor'> | MallEpost) & { bifogadeFiler?: string[] };

/**
 * The outbox for one-off mails (a remiss sent, an answer expedierat, an anstånd granted).
 * A mail is stored in the caller's transaction, so a state change and its mails commit together
 * and SMTP being down never rolls a state change back; a worker sends and retries.
 */
export abstract class EpostUtkorg {
  /** Stores the mail (a template's is rendered first) in the caller's transaction; returns its id. */
  abstract enqueue(manager: EntityManager, organisationId: string, epost: KoadEpost): Promise<string>;

  /** After commit: hand the stored mails to the sender (the reconciler catches any a crash left out). */
  abstract dispatch(ids: string[]): Promise<void>;
}

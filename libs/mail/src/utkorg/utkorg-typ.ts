import { EntityManager } from 'typeorm';
import { Epost } from '../mailer';

/** The tables that carry the outbox columns (status, forsok, lease_until, nasta_forsok_at, …). */
export type UtkorgTabell = 'paminnelse' | 'epost_utkorg';

/** What a kind makes of one claimed row: a mail to send, or a reason not to send it. */
export type Forfattat = { epost: Epost } | { avbryt: string } | { misslyckas: string };

/** One row to hand to the queue, due at `at`. */
export interface UtkorgJobb {
  typ: string;
  id: string;
  at: Date;
}

/**
 * One kind of outgoing mail (reminders, one-off mails). The outbox claims, sends, retries and
 * reconciles the rows of every kind the same way; a kind only says what its mails contain.
 */
export interface UtkorgTyp {
  /** BullMQ job name and job-id prefix, e.g. `paminnelse` (no ':'). */
  readonly namn: string;
  readonly tabell: UtkorgTabell;
  /** Builds the mails of claimed rows, many at a time (the map holds every id given). */
  forfatta(ids: string[], nu: Date): Promise<Map<string, Forfattat>>;
  /** Runs in the transaction that marks rows sent; returns further rows to queue after commit. */
  skickade?(manager: EntityManager, ids: string[], nu: Date): Promise<UtkorgJobb[]>;
}

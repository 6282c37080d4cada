import { EntityManager } from 'typeorm';

/**
 * What became of one claimed row when its kind did the work. The outbox settles it: `utford` and
 * `avbruten` end the row, `misslyckad` ends it as failed (shown to admins, its job fails), and `fel`
 * is a transient failure that the outbox retries with a backoff until OUTBOX_MAX_ATTEMPTS.
 */
export type UtkorgUtfall =
  /** Done; `kvitto` (a mail's Message-ID, an archive's reference) is stored in the row's `message_id`. */
  | { utfall: 'utford'; kvitto?: string }
  /** No longer to be done (the reminder's instans answered, the row is gone). */
  | { utfall: 'avbruten'; orsak: string }
  /** Failed for good: trying again will not help (an SMTP 5xx, a recipient without an address). */
  | { utfall: 'misslyckad'; orsak: string }
  /** Failed this time (a server away, a timeout): tried again later. */
  | { utfall: 'fel'; fel: string };

/** One row to hand to the queue, due at `at`. */
export interface UtkorgJobb {
  typ: string;
  id: string;
  at: Date;
}

/**
 * One kind of background work (reminders, one-off mails; next archiving and e-arkiv export). The
 * outbox claims, leases, retries, settles and reconciles the rows of every kind the same way; a
 * kind does the work of the rows it is handed and reports each one's outcome.
 *
 * Its table carries the outbox columns: `status` (`paminnelse_status`), `forsok`, `due_at`,
 * `nasta_forsok_at`, `lease_until`, `senaste_fel`, `skickad_at`, `message_id`, `updated_at`.
 */
export interface UtkorgTyp {
  /** BullMQ job name and job-id prefix, e.g. `paminnelse` (no ':'). */
  readonly namn: string;
  /** The kind's table (an SQL identifier; it is interpolated into the outbox's statements). */
  readonly tabell: string;
  /**
   * Does the work of claimed rows, many at a time, and reports each one's outcome; a row missing
   * from the map is cancelled. A throw counts as a transient failure of every row given.
   */
  perform(ids: string[], nu: Date): Promise<Map<string, UtkorgUtfall>>;
  /** Runs in the transaction that marks rows done; returns further rows to queue after commit. */
  afterPerformed?(manager: EntityManager, ids: string[], nu: Date): Promise<UtkorgJobb[]>;
}

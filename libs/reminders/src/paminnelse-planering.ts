import { EntityManager } from 'typeorm';

/** Rows written by a planning call, to hand to BullMQ once the transaction has committed. */
export interface PlaneradePaminnelser {
  ids: string[];
}

/**
 * What the remiss workflow calls when a state change affects reminders. Every method writes its
 * `paminnelse` rows in the caller's transaction (`manager`); `enqueue` runs after commit, and the
 * reconciler re-creates any job a crash between the two left out.
 */
export abstract class PaminnelsePlanering {
  /** A remiss was sent: plan every reminder of these instanser, new and so without any yet, from their svarsdatum. */
  abstract plan(manager: EntityManager, remissinstansIds: string[]): Promise<PlaneradePaminnelser>;

  /** Anstånd: cancel the instans' pending reminders and plan new ones from its new svarsdatum. */
  abstract replan(manager: EntityManager, remissinstansId: string): Promise<PlaneradePaminnelser>;

  /** The instans answered or declined: nothing more is sent to it. */
  abstract cancelForInstans(manager: EntityManager, remissinstansId: string): Promise<void>;

  /** The remiss was withdrawn (återkallad) or closed (avslutad). */
  abstract cancelForRemiss(manager: EntityManager, remissId: string): Promise<void>;

  /** After commit: add the delayed BullMQ jobs for the planned rows. */
  abstract enqueue(planned: PlaneradePaminnelser): Promise<void>;
}

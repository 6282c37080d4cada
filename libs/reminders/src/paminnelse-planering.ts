import { Datum } from '@app/core';
import { PaminnelseStatus } from '@app/database';
import { EntityManager } from 'typeorm';

/** What planning needs of a remissinstans (a Remissinstans entity is one). */
export interface PlanerbarInstans {
  id: string;
  organisationId: string;
  svarsdatum: Datum;
}

/** A reminder a remiss sent now would get: its kind (`fore_5`, `pa_dagen`, `efter_2`, `vecka_1`) and when it goes. */
export interface PlaneradTid {
  typ: string;
  dueAt: Date;
}

/** Rows written by a planning call, to hand to BullMQ once the transaction has committed. */
export interface PlaneradePaminnelser {
  ids: string[];
}

/** One reminder of a remiss as its sender follows it. */
export interface PaminnelseForInstans {
  id: string;
  remissinstansId: string;
  /** `fore_10`, `dag`, `efter_1`, `vecka_2`, or `manuell_…` for one the sender sent by hand. */
  typ: string;
  dueAt: Date;
  status: PaminnelseStatus;
  skickadAt: Date | null;
}

/**
 * What the remiss workflow calls when a state change affects reminders. Every method writes its
 * `paminnelse` rows in the caller's transaction (`manager`); `enqueue` runs after commit, and the
 * reconciler re-creates any job a crash between the two left out.
 */
export abstract class PaminnelsePlanering {
  /** A remiss was sent: plan every reminder of its new instanser (none has any yet) from their svarsdatum. */
  abstract plan(manager: EntityManager, instanser: readonly PlanerbarInstans[]): Promise<PlaneradePaminnelser>;

  /** What `plan` would write for an instans of `organisationId` with `svarsdatum`, if sent now; writes nothing. */
  abstract schedule(manager: EntityManager, organisationId: string, svarsdatum: Datum): Promise<PlaneradTid[]>;

  /** Anstånd, the instans as it is now: cancel its pending reminders and plan new ones from its new svarsdatum. */
  abstract replan(manager: EntityManager, instans: PlanerbarInstans): Promise<PlaneradePaminnelser>;

  /** The instans answered or declined: nothing more is sent to it. */
  abstract cancelForInstans(manager: EntityManager, remissinstansId: string): Promise<void>;

  /** The remiss was withdrawn (återkallad) or closed (avslutad). */
  abstract cancelForRemiss(manager: EntityManager, remissId: string): Promise<void>;

  /**
   * The sender's "skicka påminnelse nu": one reminder of the instans due now, with the text its
   * svarsdatum calls for (days left, or late).
   */
  abstract sendNow(manager: EntityManager, instans: PlanerbarInstans): Promise<PlaneradePaminnelser>;

  /** The reminders of a remiss' instanser, planned, sent or failed (not the cancelled), by due time. */
  abstract listForRemiss(manager: EntityManager, remissId: string): Promise<PaminnelseForInstans[]>;

  /** After commit: add the delayed BullMQ jobs for the planned rows (a bounded wait; never fails, the reconciler catches up). */
  abstract enqueue(planned: PlaneradePaminnelser): Promise<void>;
}

import { Injectable } from '@nestjs/common';
import { Clock, Datum, DomainError, Minne, stockholmDatum } from '@app/core';
import { Utkorg, UtkorgKo } from '@app/utkorg';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  PaminnelseForInstans,
  PaminnelsePlanering,
  PlanerbarInstans,
  PlaneradePaminnelser,
  PlaneradTid,
} from './paminnelse-planering';
import { PaminnelseKind } from './paminnelse.kind';
import { NyPaminnelse, PaminnelseRepository } from './paminnelse.repository';
import { LastaRegler, PaminnelseregelRepository } from './paminnelseregel.repository';
import { manuellTyp, Paminnelsetid, paminnelsetider } from './schema/paminnelseschema';

/** What `plan` returns: the ids of the contract, and the due times, so queueing needs no second read. */
interface PlaneradeMedTider extends PlaneradePaminnelser {
  tider?: Date[];
}

/** Rules that changed again between reading and inserting this many times in a row: give up rather than loop. */
const LASFORSOK = 3;

/** What the remiss workflow calls: rows in the caller's transaction, jobs after its commit. */
@Injectable()
export class PaminnelsePlanerare extends PaminnelsePlanering {
  private readonly kalendrar = new Minne<Paminnelsetid[]>();
  /**
   * Each organisation's rules as last read. Sending a remiss then plans in one statement, which
   * inserts only while their version is unchanged (and otherwise they are read again): a round trip
   * to PostgreSQL costs planning more than the insert. One entry per organisation on the platform.
   */
  private readonly kandaRegler = new Map<string, LastaRegler>();

  constructor(
    private readonly paminnelser: PaminnelseRepository,
    private readonly regler: PaminnelseregelRepository,
    private readonly typ: PaminnelseKind,
    private readonly utkorg: Utkorg,
    private readonly ko: UtkorgKo,
    private readonly clock: Clock,
  ) {
    super();
  }

  async plan(manager: EntityManager, instanser: readonly PlanerbarInstans[]): Promise<PlaneradeMedTider> {
    const planerade: NyPaminnelse[] = [];
    for (const [organisationId, egna] of perOrganisation(instanser)) {
      for (let forsok = 1; ; forsok++) {
        const regler =
          this.kandaRegler.get(organisationId) ?? (await this.regler.getVersioned(manager, organisationId));
        const rader = this.rader(egna, regler);
        if (await this.paminnelser.insert(manager, rader, organisationId, regler.version)) {
          this.kandaRegler.set(organisationId, regler);
          planerade.push(...rader);
          break;
        }
        this.kandaRegler.delete(organisationId);
        if (forsok === LASFORSOK) {
          throw new DomainError('REMINDER_RULES_CHANGING');
        }
      }
    }
    return { ids: planerade.map((r) => r.id), tider: planerade.map((r) => r.dueAt) };
  }

  async schedule(manager: EntityManager, organisationId: string, svarsdatum: Datum): Promise<PlaneradTid[]> {
    const regler = await this.regler.getVersioned(manager, organisationId);
    const nu = this.clock.now();
    return this.kalender(svarsdatum, regler)
      .filter((t) => t.dueAt > nu)
      .map((t) => ({ typ: t.typ, dueAt: t.dueAt }));
  }

  async replan(manager: EntityManager, instans: PlanerbarInstans): Promise<PlaneradeMedTider> {
    await this.paminnelser.cancelForInstans(manager, instans.id, 'anstånd: nytt svarsdatum');
    // An anstånd may return to an earlier svarsdatum, whose reminders exist, cancelled: an upsert.
    const rader = this.rader([instans], await this.regler.getVersioned(manager, instans.organisationId));
    const planerade = await this.paminnelser.upsert(manager, rader);
    return { ids: planerade.map((p) => p.id), tider: planerade.map((p) => p.due_at) };
  }

  async sendNow(manager: EntityManager, instans: PlanerbarInstans): Promise<PlaneradeMedTider> {
    const nu = this.clock.now();
    // A typ of its own per press, so the unique key (instans, typ, svarsdatum) never refuses a second one.
    const typ = `${manuellTyp(instans.svarsdatum, stockholmDatum(nu))}_${nu.getTime()}`;
    const rad = { id: randomUUID(), organisationId: instans.organisationId, remissinstansId: instans.id, typ };
    const planerade = await this.paminnelser.upsert(manager, [{ ...rad, svarsdatum: instans.svarsdatum, dueAt: nu }]);
    return { ids: planerade.map((p) => p.id), tider: planerade.map((p) => p.due_at) };
  }

  listForRemiss(manager: EntityManager, remissId: string): Promise<PaminnelseForInstans[]> {
    return this.paminnelser.listForRemiss(manager, remissId);
  }

  /** The reminders still ahead of each instans under the rules, each with an id of its own. */
  private rader(instanser: readonly PlanerbarInstans[], regler: LastaRegler): NyPaminnelse[] {
    const nu = this.clock.now();
    return instanser.flatMap((instans) =>
      this.kalender(instans.svarsdatum, regler)
        .filter((t) => t.dueAt > nu)
        .map((t) => ({
          id: randomUUID(),
          organisationId: instans.organisationId,
          remissinstansId: instans.id,
          typ: t.typ,
          svarsdatum: instans.svarsdatum,
          dueAt: t.dueAt,
        })),
    );
  }

  /**
   * The reminder times of a svarsdatum under an organisation's rules. Remisser sent the same weeks
   * share their deadlines, and working-day arithmetic in Stockholm time is most of planning's CPU:
   * remembered, for the last thousand (svarsdatum, rules).
   */
  private kalender(svarsdatum: Datum, regler: LastaRegler): Paminnelsetid[] {
    return this.kalendrar.get(`${svarsdatum}/${regler.nyckel}`, () => paminnelsetider(svarsdatum, regler.regler));
  }

  cancelForInstans(manager: EntityManager, remissinstansId: string): Promise<void> {
    return this.paminnelser.cancelForInstans(manager, remissinstansId, 'remissinstansen har svarat eller avstått');
  }

  cancelForRemiss(manager: EntityManager, remissId: string): Promise<void> {
    return this.paminnelser.cancelForRemiss(manager, remissId, 'remissen är återkallad eller avslutad');
  }

  /** A row cancelled between commit and here still gets its job: the job finds it `avbruten` and does nothing. */
  enqueue(planned: PlaneradeMedTider): Promise<void> {
    const { ids, tider } = planned;
    if (tider?.length !== ids.length) return this.utkorg.enqueue(this.typ, ids);
    return this.ko.addAfterCommit(ids.map((id, i) => ({ typ: this.typ.namn, id, at: tider[i] })));
  }
}

function perOrganisation(instanser: readonly PlanerbarInstans[]): Map<string, PlanerbarInstans[]> {
  const grupper = new Map<string, PlanerbarInstans[]>();
  for (const instans of instanser)
    grupper.set(instans.organisationId, [...(grupper.get(instans.organisationId) ?? []), instans]);
  return grupper;
}

import { Injectable } from '@nestjs/common';
import { Clock, Datum, Minne } from '@app/core';
import { Utkorg, UtkorgKo } from '@app/mail';
import { EntityManager } from 'typeorm';
import { PaminnelsePlanering, PlaneradePaminnelser } from './paminnelse-planering';
import { PaminnelseTyp } from './paminnelse-typ';
import { NyPaminnelse, PaminnelseRepository } from './paminnelse.repository';
import { Paminnelsetid, paminnelsetider, Regel, reglerEllerStandard } from './schema/paminnelseschema';

/** What `plan` returns: the ids of the contract, and the due times, so queueing needs no second read. */
interface PlaneradeMedTider extends PlaneradePaminnelser {
  tider?: (Date | string)[];
}

/** What the remiss workflow calls: rows in the caller's transaction, jobs after its commit. */
@Injectable()
export class PaminnelsePlanerare extends PaminnelsePlanering {
  private readonly kalendrar = new Minne<Paminnelsetid[]>();

  constructor(
    private readonly paminnelser: PaminnelseRepository,
    private readonly typ: PaminnelseTyp,
    private readonly utkorg: Utkorg,
    private readonly ko: UtkorgKo,
    private readonly clock: Clock,
  ) {
    super();
  }

  /** The instanser were just sent, so none has reminders yet: a plain insert, a tenth cheaper for PostgreSQL than an upsert. */
  plan(manager: EntityManager, remissinstansIds: string[]): Promise<PlaneradeMedTider> {
    return this.planera(manager, remissinstansIds, (rader) => this.paminnelser.infoga(manager, rader));
  }

  async replan(manager: EntityManager, remissinstansId: string): Promise<PlaneradePaminnelser> {
    await this.paminnelser.avbrytForInstans(manager, remissinstansId, 'anstånd: nytt svarsdatum');
    // An anstånd may return to an earlier svarsdatum, whose reminders exist, cancelled.
    return this.planera(manager, [remissinstansId], (rader) => this.paminnelser.planera(manager, rader));
  }

  private async planera(manager: EntityManager, remissinstansIds: string[], skriv: (rader: NyPaminnelse[]) => Promise<{ id: string; due_at: Date }[]>): Promise<PlaneradeMedTider> {
    const instanser = await this.paminnelser.obesvarade(manager, remissinstansIds);
    const nu = this.clock.now();
    // All instanser of a remiss share one svarsdatum: compute its calendar once.
    const tider = new Map<string, Paminnelsetid[]>();
    const rader: NyPaminnelse[] = [];
    for (const instans of instanser) {
      const nyckel = `${instans.organisationId}/${instans.svarsdatum}`;
      if (!tider.has(nyckel)) tider.set(nyckel, this.kalender(instans.svarsdatum, instans.regler).filter((t) => t.dueAt > nu));
      for (const t of tider.get(nyckel)!) rader.push({ organisationId: instans.organisationId, remissinstansId: instans.id, typ: t.typ, svarsdatum: instans.svarsdatum, dueAt: t.dueAt });
    }
    const planerade = await skriv(rader);
    return { ids: planerade.map((p) => p.id), tider: planerade.map((p) => p.due_at) };
  }

  /**
   * The reminder times of a svarsdatum under an organisation's rules. Remisser sent the same weeks
   * share their deadlines, and working-day arithmetic in Stockholm time is most of planning's CPU:
   * remembered, for the last thousand (svarsdatum, rules).
   */
  private kalender(svarsdatum: Datum, regler: Regel[] | null): Paminnelsetid[] {
    return this.kalendrar.hamta(`${svarsdatum}/${JSON.stringify(regler)}`, () => paminnelsetider(svarsdatum, reglerEllerStandard(regler)));
  }

  cancelForInstans(manager: EntityManager, remissinstansId: string): Promise<void> {
    return this.paminnelser.avbrytForInstans(manager, remissinstansId, 'remissinstansen har svarat eller avstått');
  }

  cancelForRemiss(manager: EntityManager, remissId: string): Promise<void> {
    return this.paminnelser.avbrytForRemiss(manager, remissId, 'remissen är återkallad eller avslutad');
  }

  /** A row cancelled between commit and here still gets its job: the job finds it `avbruten` and does nothing. */
  enqueue(planned: PlaneradeMedTider): Promise<void> {
    const { ids, tider } = planned;
    if (tider?.length !== ids.length) return this.utkorg.koa(this.typ, ids);
    return this.ko.laggTill(ids.map((id, i) => ({ typ: this.typ.namn, id, at: new Date(tider[i]) })));
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import { Utkorg } from '@app/mail';
import { EntityManager } from 'typeorm';
import { PaminnelsePlanering, PlaneradePaminnelser } from './paminnelse-planering';
import { PaminnelseTyp } from './paminnelse-typ';
import { NyPaminnelse, PaminnelseRepository } from './paminnelse.repository';
import { PaminnelseregelRepository } from './paminnelseregel.repository';
import { Paminnelsetid, paminnelsetider } from './schema/paminnelseschema';

/** What the remiss workflow calls: rows in the caller's transaction, jobs after its commit. */
@Injectable()
export class PaminnelsePlanerare extends PaminnelsePlanering {
  constructor(
    private readonly paminnelser: PaminnelseRepository,
    private readonly regler: PaminnelseregelRepository,
    private readonly typ: PaminnelseTyp,
    private readonly utkorg: Utkorg,
    private readonly clock: Clock,
  ) {
    super();
  }

  async plan(manager: EntityManager, remissinstansIds: string[]): Promise<PlaneradePaminnelser> {
    const instanser = await this.paminnelser.obesvarade(manager, remissinstansIds);
    const regler = await this.regler.forOrganisationer(manager, [...new Set(instanser.map((i) => i.organisationId))]);
    const nu = this.clock.now();
    // All instanser of a remiss share one svarsdatum: compute its calendar once.
    const tider = new Map<string, Paminnelsetid[]>();
    const rader: NyPaminnelse[] = [];
    for (const instans of instanser) {
      const nyckel = `${instans.organisationId}/${instans.svarsdatum}`;
      if (!tider.has(nyckel)) tider.set(nyckel, paminnelsetider(instans.svarsdatum, regler.get(instans.organisationId)!).filter((t) => t.dueAt > nu));
      for (const t of tider.get(nyckel)!) rader.push({ organisationId: instans.organisationId, remissinstansId: instans.id, typ: t.typ, svarsdatum: instans.svarsdatum, dueAt: t.dueAt });
    }
    return { ids: await this.paminnelser.planera(manager, rader) };
  }

  async replan(manager: EntityManager, remissinstansId: string): Promise<PlaneradePaminnelser> {
    await this.paminnelser.avbrytForInstans(manager, remissinstansId, 'anstånd: nytt svarsdatum');
    return this.plan(manager, [remissinstansId]);
  }

  cancelForInstans(manager: EntityManager, remissinstansId: string): Promise<void> {
    return this.paminnelser.avbrytForInstans(manager, remissinstansId, 'remissinstansen har svarat eller avstått');
  }

  cancelForRemiss(manager: EntityManager, remissId: string): Promise<void> {
    return this.paminnelser.avbrytForRemiss(manager, remissId, 'remissen är återkallad eller avslutad');
  }

  enqueue(planned: PlaneradePaminnelser): Promise<void> {
    return this.utkorg.koa(this.typ, planned.ids);
  }
}

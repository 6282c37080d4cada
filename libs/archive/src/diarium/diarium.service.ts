import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { Clock, forbidden, stockholmDatum } from '@app/core';
import { Arende } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { DiariumRepository } from './diarium.repository';

export interface NyttArende {
  diariumId: string;
  arendemening: string;
  /** An entered number (validated, unique); when absent the next number is allocated. */
  diarienummer?: string;
}

const REGISTRERANDE_ROLLER = ['registrator', 'namndsekreterare', 'remissansvarig'] as const;

@Injectable()
export class DiariumService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly diarier: DiariumRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** Opens an ärende in the diarium, in the caller's transaction when given one. */
  async registerArende(actor: Actor, nytt: NyttArende, outer?: EntityManager): Promise<Arende> {
    const work = async (manager: EntityManager) => {
      const diarium = await this.diarier.get(actor, nytt.diariumId, manager);
      if (!actor.hasRoleAt(diarium.enhetId, ...REGISTRERANDE_ROLLER))
        throw forbidden(
          `Registering in ${diarium.namn} needs the role registrator, namndsekreterare or remissansvarig there`,
        );
      const nummer = nytt.diarienummer
        ? await this.diarier.claimEntered(manager, diarium, nytt.diarienummer)
        : { ar: this.currentYear(), ...(await this.diarier.allocate(manager, diarium, this.currentYear())) };
      const arende = await this.diarier.insertArende(manager, {
        organisationId: diarium.organisationId,
        diariumId: diarium.id,
        diarienummer: nummer.diarienummer,
        ar: nummer.ar,
        lopnummer: nummer.lopnummer,
        arendemening: nytt.arendemening,
        createdBy: actor.anvandareId,
      });
      await this.audit.record(manager, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'arende_registrerat',
        objektTyp: 'arende',
        objektId: arende.id,
        data: { diarienummer: arende.diarienummer },
      });
      return arende;
    };
    return outer ? work(outer) : this.dataSource.transaction(work);
  }

  private currentYear(): number {
    return Number(stockholmDatum(this.clock.now()).slice(0, 4));
  }
}

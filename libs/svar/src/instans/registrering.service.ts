import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DiariumRepository, DiariumService } from '@app/archive';
import { Actor, AuditLog } from '@app/auth';
import { Clock, DomainError, illegalTransition, stockholmDatum } from '@app/core';
import { Remissinstans } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { kravOppenRemiss, kravRoll, REGISTRERA } from '../behorighet';
import { InstansMedRemiss, NamndInstansRepository } from './namnd-instans.repository';

/**
 * Registrering: the nämnd opens its own ärende for the remiss (an allocated dnr such as UN2025/412,
 * or one it entered), registers the remiss as an inkommande handling and the instans becomes
 * `registrerad`.
 */
@Injectable()
export class RegistreringService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly instanser: NamndInstansRepository,
    private readonly diarium: DiariumService,
    private readonly diarier: DiariumRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  registrera(actor: Actor, instansId: string, diarienummer?: string): Promise<Remissinstans> {
    return this.dataSource.transaction(async (manager) => {
      const lage = await this.instanser.get(actor, instansId, manager, true);
      kravRoll(actor, lage.instans.mottagareEnhetId, REGISTRERA, 'Registering a remiss');
      kravOppenRemiss(lage.remiss, 'registrera');
      if (lage.instans.status !== 'inbjuden')
        throw illegalTransition('remissinstans', lage.instans.status, 'registrera');
      return this.registreraI(manager, actor, lage, diarienummer);
    });
  }

  /** Inside the caller's transaction, with the instans locked and found `inbjuden`. */
  async registreraI(
    manager: EntityManager,
    actor: Actor,
    { instans, remiss }: InstansMedRemiss,
    diarienummer?: string,
  ): Promise<Remissinstans> {
    const diarium = await this.instanser.diariumFor(manager, instans.mottagareEnhetId);
    if (!diarium) throw new DomainError('DIARIUM_SAKNAS', { enhet: instans.namn });
    const arende = await this.diarium.registerArende(
      actor,
      { diariumId: diarium.id, arendemening: `Remiss: ${remiss.arendemening}`, diarienummer },
      manager,
    );
    const now = this.clock.now();
    await this.diarier.registerHandling(manager, arende.id, {
      riktning: 'inkommande',
      datum: stockholmDatum(now),
      motpart: await this.instanser.avsandare(manager, remiss, actor.organisationId),
      beskrivning: `Remiss ${remiss.diarienummer}: ${remiss.arendemening}`,
      filId: remiss.missivFilId,
      registreradAv: actor.anvandareId,
    });
    const registrerad = await this.instanser.markRegistrerad(manager, instans, arende, now);
    await this.audit.record(manager, {
      organisationId: actor.organisationId,
      anvandareId: actor.anvandareId,
      handelse: 'remissinstans_registrerad',
      objektTyp: 'remissinstans',
      objektId: instans.id,
      data: { diarienummer: arende.diarienummer, avsandarDiarienummer: remiss.diarienummer },
    });
    return registrerad;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, DiariumService } from '@app/archive';
import { Actor, AuditLog } from '@app/auth';
import { Clock, DomainError, illegalTransition, stockholmDatum } from '@app/core';
import { Remissinstans } from '@app/database';
import { RemissinstansResponse, toRemissinstansResponse } from '@app/remiss';
import { DataSource, EntityManager } from 'typeorm';
import { requireOppenRemiss, requireRoll, REGISTRERA } from '../behorighet';
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
    private readonly arkiv: ArkivService,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  register(actor: Actor, instansId: string, diarienummer?: string): Promise<RemissinstansResponse> {
    return this.dataSource.transaction(async (manager) => {
      const lage = await this.instanser.get(manager, actor, instansId, true);
      requireRoll(actor, lage.instans.mottagareEnhetId, REGISTRERA, 'Registering a remiss');
      requireOppenRemiss(lage.remiss, 'registrera');
      if (lage.instans.status !== 'inbjuden')
        throw illegalTransition('remissinstans', lage.instans.status, 'registrera');
      return toRemissinstansResponse(await this.registerIn(manager, actor, lage, diarienummer));
    });
  }

  /** Inside the caller's transaction, with the instans locked and found `inbjuden`. */
  async registerIn(
    manager: EntityManager,
    actor: Actor,
    { instans, remiss }: InstansMedRemiss,
    diarienummer?: string,
  ): Promise<Remissinstans> {
    if (!instans.mottagareEnhetId) throw new DomainError('DIARIUM_SAKNAS', { enhet: instans.namn });
    const arende = await this.diarium.registerArende(manager, actor, {
      enhetId: instans.mottagareEnhetId,
      arendemening: `Remiss: ${remiss.arendemening}`,
      diarienummer,
    });
    const now = this.clock.now();
    // The missiv enters the nämnd's diarium as its own copy when the remiss came from another organisation.
    await this.arkiv.registerHandling(manager, remiss.missivFilId ? { filId: remiss.missivFilId } : null, [
      {
        arendeId: arende.id,
        riktning: 'inkommande',
        datum: stockholmDatum(now),
        motpart: await this.instanser.avsandare(manager, remiss, actor.organisationId),
        beskrivning: `Remiss ${remiss.diarienummer}: ${remiss.arendemening}`,
        registreradAv: actor.anvandareId,
      },
    ]);
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

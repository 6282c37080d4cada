import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { Clock, forbidden, stockholmDatum } from '@app/core';
import { Arende } from '@app/database';
import { DataSource, EntityManager } from 'typeorm';
import { NyttArendeDto } from './diarium.dto';
import { DiariumRepository } from './diarium.repository';
import {
  ArendeMedHandlingarResponse,
  ArendeResponse,
  DiariumResponse,
  toArendeResponse,
  toDiariumResponse,
  toHandlingResponse,
} from './diarium.response';

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

  async list(actor: Actor): Promise<DiariumResponse[]> {
    return (await this.diarier.list(actor)).map(toDiariumResponse);
  }

  async getArende(actor: Actor, id: string): Promise<ArendeMedHandlingarResponse> {
    const { arende, handlingar } = await this.diarier.arende(actor, id);
    return { arende: toArendeResponse(arende), handlingar: handlingar.map(toHandlingResponse) };
  }

  /** A registrator (or namndsekreterare, remissansvarig) opens an ärende by hand. */
  async openArende(actor: Actor, diariumId: string, dto: NyttArendeDto): Promise<ArendeResponse> {
    const arende = await this.dataSource.transaction((manager) =>
      this.registerArende(manager, actor, { diariumId, ...dto }),
    );
    return toArendeResponse(arende);
  }

  /** Opens an ärende in the diarium, in the caller's transaction. */
  async registerArende(manager: EntityManager, actor: Actor, nytt: NyttArende): Promise<Arende> {
    const diarium = await this.diarier.get(manager, actor, nytt.diariumId);
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
  }

  private currentYear(): number {
    return Number(stockholmDatum(this.clock.now()).slice(0, 4));
  }
}

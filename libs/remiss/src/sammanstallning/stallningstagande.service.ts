import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { illegalTransition, notFound } from '@app/core';
import { RemissRepository } from '../remiss.repository';
import { requireAvsandare } from '../utkast/remiss-utkast.service';
import { instansDnr, sammanstalldSynpunkt } from './sammanstallning';
import { StallningstagandeDto } from './sammanstallning.dto';
import { SammanstallningRepository } from './sammanstallning.repository';
import { SammanstallningService } from './sammanstallning.service';
import { StallningstagandeRepository } from './stallningstagande.repository';
import {
  StallningstagandeResponse,
  SynpunktStallningstagandenResponse,
  toStallningstagandeResponse,
} from './stallningstagande.response';
import { DataSource } from 'typeorm';

/**
 * The remissansvarig's ställningstagande per synpunkt of an expedierat answer: recorded by the
 * sending enhet's remissansvarig only, each change a new version with its audit event.
 */
@Injectable()
export class StallningstagandeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly sammanstallning: SammanstallningService,
    private readonly synpunkter: SammanstallningRepository,
    private readonly stallningstaganden: StallningstagandeRepository,
    private readonly audit: AuditLog,
  ) {}

  /** One synpunkt with its current ställningstagande and its history. */
  async getSynpunkt(actor: Actor, remissId: string, synpunktId: string): Promise<SynpunktStallningstagandenResponse> {
    const remiss = await this.sammanstallning.getSammanstallbar(actor, remissId);
    const [rad, instanser, historik] = await Promise.all([
      this.synpunkter.synpunkt(this.dataSource.manager, remiss.id, synpunktId),
      this.synpunkter.instanser(this.dataSource.manager, remiss.id),
      this.stallningstaganden.history(actor.organisationId, remiss.id, synpunktId),
    ]);
    if (!rad) throw notFound('Synpunkt');
    return {
      remissId: remiss.id,
      diarienummer: remiss.diarienummer,
      arendemening: remiss.arendemening,
      synpunkt: sammanstalldSynpunkt(
        rad,
        instansDnr(instanser),
        new Map(historik.slice(0, 1).map((s) => [s.synpunktId, s])),
      ),
      aktuellt: historik[0] ? toStallningstagandeResponse(historik[0]) : null,
      historik: historik.map(toStallningstagandeResponse),
    };
  }

  /**
   * Records the next version. The remiss is held FOR SHARE (it is not withdrawn meanwhile), then the
   * synpunkt's row is locked so concurrent recordings of it take consecutive versions.
   */
  async record(
    actor: Actor,
    remissId: string,
    synpunktId: string,
    dto: StallningstagandeDto,
  ): Promise<StallningstagandeResponse> {
    const rad = await this.dataSource.transaction(async (m) => {
      const remiss = await this.remisser.getOwn(m, actor, remissId, 'share');
      requireAvsandare(actor, remiss);
      if (remiss.status !== 'utskickad' && remiss.status !== 'avslutad')
        throw illegalTransition('remiss', remiss.status, 'taStallning');
      const synpunkt = await this.synpunkter.synpunkt(m, remiss.id, synpunktId);
      if (!synpunkt) throw notFound('Synpunkt');
      await this.stallningstaganden.lockSynpunkt(m, synpunkt.id);
      const ny = await this.stallningstaganden.insert(m, {
        organisationId: remiss.organisationId,
        remissId: remiss.id,
        synpunktId: synpunkt.id,
        beslut: dto.beslut,
        motivering: dto.motivering.trim(),
        anvandareId: actor.anvandareId,
      });
      await this.audit.record(m, {
        organisationId: remiss.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'stallningstagande_registrerat',
        objektTyp: 'synpunkt',
        objektId: synpunkt.id,
        data: { remissId: remiss.id, instans: synpunkt.instans, version: ny.version, beslut: ny.beslut },
      });
      return ny;
    });
    return toStallningstagandeResponse(rad);
  }
}

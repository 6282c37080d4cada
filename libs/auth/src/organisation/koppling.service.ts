import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainError, notFound } from '@app/core';
import { DataSource } from 'typeorm';
import { Actor } from '../actor';
import { AuditLog } from '../audit-log.service';
import { KopplingRepository } from './koppling.repository';
import { KopplingarResponse } from './koppling.response';

/**
 * Connections between organisations: a row lets one organisation send remisser to another. The
 * receiving organisation's admin decides who may send to it; the directory shows, the other way,
 * whom the own organisation may send to and which of their enheter answer.
 */
@Injectable()
export class KopplingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly kopplingar: KopplingRepository,
    private readonly audit: AuditLog,
  ) {}

  async get(actor: Actor): Promise<KopplingarResponse> {
    const m = this.dataSource.manager;
    const [avsandare, mottagare, valbara] = await Promise.all([
      this.kopplingar.avsandare(m, actor.organisationId),
      this.kopplingar.mottagare(m, actor.organisationId),
      this.kopplingar.valbara(m, actor.organisationId),
    ]);
    return { avsandare, mottagare, valbara };
  }

  /** Lets `avsandareId` send remisser to the caller's organisation; adding one that is there changes nothing. */
  async allow(actor: Actor, avsandareId: string): Promise<KopplingarResponse> {
    if (avsandareId === actor.organisationId) throw new DomainError('KOPPLING_OGILTIG', { skal: 'egen' });
    await this.dataSource.transaction(async (m) => {
      const namn = await this.kopplingar.isAnsluten(m, avsandareId);
      if (!namn) throw new DomainError('KOPPLING_OGILTIG', { skal: 'okand' });
      if (await this.kopplingar.insert(m, avsandareId, actor.organisationId))
        await this.audit.record(m, {
          organisationId: actor.organisationId,
          anvandareId: actor.anvandareId,
          handelse: 'koppling_tillagd',
          objektTyp: 'organisation',
          objektId: avsandareId,
          data: { avsandare: namn },
        });
    });
    return this.get(actor);
  }

  /** Stops `avsandareId` sending new remisser here; remisser already received stay. */
  async revoke(actor: Actor, avsandareId: string): Promise<KopplingarResponse> {
    await this.dataSource.transaction(async (m) => {
      if (!(await this.kopplingar.delete(m, avsandareId, actor.organisationId))) throw notFound('Organisation');
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'koppling_borttagen',
        objektTyp: 'organisation',
        objektId: avsandareId,
      });
    });
    return this.get(actor);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { DomainError } from '@app/core';
import { UtkorgKo } from '@app/utkorg';
import { DataSource } from 'typeorm';
import { PaminnelseRepository } from '../paminnelse.repository';
import { PaminnelseregelRepository } from '../paminnelseregel.repository';
import {
  MisslyckadPaminnelseResponse,
  PaminnelsereglerResponse,
  toMisslyckatJobb,
  UtkorgKoResponse,
} from './paminnelse-admin.response';
import { PaminnelsereglerDto } from './paminnelseregler.dto';

/** What an admin does with the organisation's reminders: its rules, and what the outbox queue is doing. */
@Injectable()
export class PaminnelseAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly regler: PaminnelseregelRepository,
    private readonly paminnelser: PaminnelseRepository,
    private readonly ko: UtkorgKo,
    private readonly audit: AuditLog,
  ) {}

  getRegler(actor: Actor): Promise<PaminnelsereglerResponse> {
    return this.regler.get(actor.organisationId);
  }

  /** Replaces the rules with their audit event in one transaction; reminders planned already keep their times. */
  async replaceRegler(actor: Actor, body: PaminnelsereglerDto): Promise<PaminnelsereglerResponse> {
    check(body);
    await this.dataSource.transaction(async (m) => {
      await this.regler.replace(m, actor.organisationId, body.regler);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'paminnelseregler_andrade',
        objektTyp: 'organisation',
        objektId: actor.organisationId,
        data: { regler: body.regler },
      });
    });
    return this.getRegler(actor);
  }

  /** The queue is shared by every organisation: its counts are shown, its failed jobs only the own ones. */
  async getKo(actor: Actor): Promise<UtkorgKoResponse> {
    const [antal, misslyckade] = await Promise.all([this.ko.count(), this.ko.listMisslyckade()]);
    const agare = await this.paminnelser.organisationer(
      misslyckade.map((j) => (j.data as { id?: string }).id).filter((id): id is string => !!id),
    );
    return {
      antal,
      misslyckadeJobb: misslyckade
        .filter((j) => agare.get((j.data as { id: string }).id) === actor.organisationId)
        .map(toMisslyckatJobb),
    };
  }

  listMisslyckade(actor: Actor): Promise<MisslyckadPaminnelseResponse[]> {
    return this.paminnelser.listMisslyckade(actor.organisationId);
  }
}

/** Rules that make sense together: one of each kind and days, `fore`/`efter` at least one day. */
function check(body: PaminnelsereglerDto): void {
  const sedda = new Set<string>();
  for (const r of body.regler) {
    const nyckel = `${r.typ}/${r.arbetsdagar}`;
    if (sedda.has(nyckel)) throw new DomainError('DUPLICATE_RULE', { typ: r.typ, arbetsdagar: r.arbetsdagar });
    sedda.add(nyckel);
    if ((r.typ === 'fore' || r.typ === 'efter') && r.arbetsdagar < 1)
      throw new DomainError('INVALID_RULE', { typ: r.typ, arbetsdagar: 1 });
    if ((r.typ === 'pa_dagen' || r.typ === 'veckovis') && r.arbetsdagar !== 0)
      throw new DomainError('INVALID_RULE', { typ: r.typ, arbetsdagar: 0 });
  }
}

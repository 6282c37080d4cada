import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { DomainError } from '@app/core';
import { DataSource, EntityManager } from 'typeorm';
import { RemissRepository } from '../remiss.repository';
import { requireAvsandare, RemissUtkastService } from '../utkast/remiss-utkast.service';
import { NySandlistaDto } from './mottagare.dto';
import { RemissMottagareService } from './remiss-mottagare.service';
import { SandlistaResponse, toSandlistaResponse } from './mottagare.response';
import { SandlistaRepository } from './sandlista.repository';

/**
 * Saved sändlistor of an organisation, shared by its remissansvariga. Their recipients pass the
 * draft's rule when saved and again when used, so a list never carries what a draft may not.
 */
@Injectable()
export class SandlistaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sandlistor: SandlistaRepository,
    private readonly remisser: RemissRepository,
    private readonly utkast: RemissUtkastService,
    private readonly mottagare: RemissMottagareService,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor): Promise<SandlistaResponse[]> {
    return (await this.sandlistor.list(this.dataSource.manager, actor)).map(toSandlistaResponse);
  }

  create(actor: Actor, dto: NySandlistaDto): Promise<SandlistaResponse> {
    return this.dataSource.transaction(async (m) => {
      const mottagare = await this.utkast.checkMottagare(m, actor, dto.mottagare);
      return this.insert(m, actor, dto.namn.trim(), mottagare);
    });
  }

  /** A draft's recipients saved under a name, for the next remiss to the same instanser. */
  saveFromRemiss(actor: Actor, remissId: string, namn: string): Promise<SandlistaResponse> {
    return this.dataSource.transaction(async (m) => {
      const remiss = await this.remisser.getOwn(m, actor, remissId);
      requireAvsandare(actor, remiss);
      if (remiss.utkastMottagare.length === 0) throw new DomainError('NO_MOTTAGARE');
      // The draft keeps enheter chosen while they could be; a list saved now carries only what may be chosen now.
      await this.mottagare.requireValbara(m, actor, remiss.utkastMottagare);
      return this.insert(m, actor, namn.trim(), remiss.utkastMottagare);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const lista = await this.sandlistor.delete(m, actor, id);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'sandlista_borttagen',
        objektTyp: 'sandlista',
        objektId: lista.id,
        data: { namn: lista.namn },
      });
    });
  }

  private async insert(
    m: EntityManager,
    actor: Actor,
    namn: string,
    mottagare: Parameters<SandlistaRepository['insert']>[3],
  ): Promise<SandlistaResponse> {
    const lista = await this.sandlistor.insert(m, actor, namn, mottagare);
    await this.audit.record(m, {
      organisationId: actor.organisationId,
      anvandareId: actor.anvandareId,
      handelse: 'sandlista_sparad',
      objektTyp: 'sandlista',
      objektId: lista.id,
      data: { namn: lista.namn, antal: mottagare.length },
    });
    return toSandlistaResponse(lista);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { notFound } from '@app/core';
import { DataSource } from 'typeorm';
import { Actor } from '../actor';
import { AuditLog } from '../audit-log.service';
import { EnhetDto, NyEnhetDto } from './enhet-admin.dto';
import { EnhetAdminRepository, EnhetFalt } from './enhet-admin.repository';
import { setEnhetensDiarium } from './enhetens-diarium';
import { OrganisationRepository } from './organisation.repository';
import { EnhetResponse, toEnhetResponse } from './organisation.response';

/** What an admin does with the organisation's enheter: list, create, edit; each change with its audit event. */
@Injectable()
export class EnhetAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly organisationer: OrganisationRepository,
    private readonly enheter: EnhetAdminRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(actor: Actor): Promise<EnhetResponse[]> {
    return (await this.organisationer.enheter(actor)).map(toEnhetResponse);
  }

  get(actor: Actor, id: string): Promise<EnhetResponse> {
    return this.organisationer.enhet(actor, id).then(toEnhetResponse);
  }

  /** A new enhet with its diarium, so it can register and send at once. */
  async create(actor: Actor, dto: NyEnhetDto): Promise<EnhetResponse> {
    const falt = normalise(dto);
    const enhet = await this.dataSource.transaction(async (m) => {
      const ny = await this.enheter.insert(m, actor.organisationId, falt);
      const diarium = await setEnhetensDiarium(m, actor.organisationId, ny, dto.diarium ?? 'eget');
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'enhet_skapad',
        objektTyp: 'enhet',
        objektId: ny.id,
        data: { ...falt, diariumId: diarium.id },
      });
      return ny;
    });
    return toEnhetResponse(enhet);
  }

  async update(actor: Actor, id: string, dto: EnhetDto): Promise<EnhetResponse> {
    const falt = normalise(dto);
    const enhet = await this.dataSource.transaction(async (m) => {
      const fore = await this.enheter.lock(m, actor.organisationId, id);
      if (!fore) throw notFound('Enhet');
      const efter = await this.enheter.update(m, fore, falt);
      const andrade = (Object.keys(falt) as (keyof EnhetFalt)[]).filter((k) => fore[k] !== falt[k]);
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'enhet_andrad',
        objektTyp: 'enhet',
        objektId: id,
        data: { andrade: Object.fromEntries(andrade.map((k) => [k, { fore: fore[k], efter: falt[k] }])) },
      });
      return efter;
    });
    return toEnhetResponse(enhet);
  }
}

function normalise(dto: EnhetDto): EnhetFalt {
  const brevlada = dto.funktionsbrevlada?.trim();
  return {
    namn: dto.namn.trim(),
    kortnamn: dto.kortnamn.trim(),
    typ: dto.typ,
    funktionsbrevlada: brevlada ? brevlada.toLowerCase() : null,
  };
}

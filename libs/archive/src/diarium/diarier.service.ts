import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { Clock, DiarienummerFormat, DomainError, forbidden, stockholmDatum } from '@app/core';
import { Diarium, Enhet } from '@app/database';
import { DataSource } from 'typeorm';
import { EnhetDiariumDto, NyttDiariumDto } from './diarium.dto';
import { DiariumRepository } from './diarium.repository';
import { DiarieformatResponse, DiariumEnhetResponse, DiariumResponse, toDiariumResponse } from './diarium.response';

/** An enhet and the diarium its ärenden are numbered in, for the admin's page. */
export interface EnhetMedDiarium extends DiariumEnhetResponse {
  diariumId: string | null;
}

/**
 * The organisation's diarier and which enhet numbers its ärenden in which: one for all (a region's
 * `RJL 2026/0001`) or one per nämnd (`UN2025/412`). Created and set by the admin, never by SQL.
 */
@Injectable()
export class DiarierService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly diarier: DiariumRepository,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor): Promise<DiariumResponse[]> {
    const [diarier, enheter] = await Promise.all([
      this.diarier.list(actor),
      this.diarier.enheter(this.dataSource.manager, actor),
    ]);
    return diarier.map((d) => this.response(d, enheter));
  }

  /** The organisation's enheter, each with its diarium (the admin page's second table). */
  async enheter(actor: Actor): Promise<EnhetMedDiarium[]> {
    requireAdmin(actor);
    return (await this.diarier.enheter(this.dataSource.manager, actor)).map((e) => ({
      id: e.id,
      namn: e.namn,
      kortnamn: e.kortnamn,
      diariumId: e.diariumId,
    }));
  }

  /** How the first numbers of this year would read: `{prefix} {year}/{seq:4}` → "RJL 2026/0001". */
  preview(format: string, prefix: string): DiarieformatResponse {
    const f = this.format(format, prefix);
    const year = this.year();
    return { format, prefix, exempel: [1, 2, 118].map((seq) => f.render({ year, seq })) };
  }

  async create(actor: Actor, dto: NyttDiariumDto): Promise<DiariumResponse> {
    requireAdmin(actor);
    this.format(dto.format, dto.prefix);
    return this.dataSource.transaction(async (m) => {
      const diarium = await this.diarier.insertDiarium(m, {
        organisationId: actor.organisationId,
        namn: dto.namn,
        prefix: dto.prefix,
        format: dto.format,
      });
      await this.audit.recordBy(m, actor, {
        handelse: 'diarium_skapat',
        objektTyp: 'diarium',
        objektId: diarium.id,
        data: {
          prefix: diarium.prefix,
          format: diarium.format,
        },
      });
      return this.response(diarium, []);
    });
  }

  /** Sets the diarium an enhet's new ärenden are numbered in; its ärenden so far keep their numbers. */
  async setEnhetensDiarium(actor: Actor, enhetId: string, dto: EnhetDiariumDto): Promise<DiariumResponse> {
    requireAdmin(actor);
    return this.dataSource.transaction(async (m) => {
      const enhet = await this.diarier.enhet(m, actor, enhetId);
      const diarium = await this.diarier.get(m, actor, dto.diariumId);
      await this.diarier.setEnhetensDiarium(m, enhet.id, diarium.id);
      await this.audit.recordBy(m, actor, {
        handelse: 'enhet_diarium_satt',
        objektTyp: 'enhet',
        objektId: enhet.id,
        data: {
          diariumId: diarium.id,
          fran: enhet.diariumId,
        },
      });
      return this.response(diarium, await this.diarier.enheter(m, actor));
    });
  }

  private response(d: Diarium, enheter: Enhet[]): DiariumResponse {
    const exempel = new DiarienummerFormat(d.format, d.prefix).render({ year: this.year(), seq: 1 });
    const egna = enheter
      .filter((e) => e.diariumId === d.id)
      .map((e) => ({ id: e.id, namn: e.namn, kortnamn: e.kortnamn }));
    return toDiariumResponse(d, egna, exempel);
  }

  private format(format: string, prefix: string): DiarienummerFormat {
    try {
      return new DiarienummerFormat(format, prefix);
    } catch {
      throw new DomainError('INVALID_DIARIEFORMAT', { format });
    }
  }

  private year(): number {
    return Number(stockholmDatum(this.clock.now()).slice(0, 4));
  }
}

function requireAdmin(actor: Actor): void {
  if (!actor.hasRole('admin')) throw forbidden('Diarier are set up by an admin');
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { DomainError, Filsvar, forbidden, invalidField, isDatum, notFound, SidQuery, Sida } from '@app/core';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { DiariumRepository } from '../diarium/diarium.repository';
import { DiarierService } from '../diarium/diarier.service';
import { DiariumResponse } from '../diarium/diarium.response';
import { dokumentFilnamn } from '../fil/filnamn';
import { NyExportDto } from './earkiv-export.dto';
import { EarkivExportKind } from './earkiv-export.kind';
import { EarkivExportRad, EarkivExportRepository, Urval } from './earkiv-export.repository';
import { EarkivExportResponse, toEarkivExportResponse } from './earkiv-export.response';

/** Who may export: the registrator of the diarium's enhet (the one who keeps that diarium). */
const EXPORTERANDE_ROLLER = ['registrator'] as const;

/**
 * The registrator's e-arkiv exports: order a package (one ärende, or a diarium's period), follow it
 * while a worker builds it, download it. Another organisation's export is a 404; an export of a
 * diarium where the caller is not registrator is a 404 as well (it is that enhet's business).
 */
@Injectable()
export class EarkivExportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repo: EarkivExportRepository,
    private readonly diarieRepo: DiariumRepository,
    private readonly diarierna: DiarierService,
    private readonly kind: EarkivExportKind,
    private readonly audit: AuditLog,
  ) {}

  /** The diarier the caller may export from (for the order form). */
  async diarier(actor: Actor): Promise<DiariumResponse[]> {
    this.assertExporter(actor);
    const enheter = actor.enheter(...EXPORTERANDE_ROLLER);
    // A diarium numbers the ärenden of one enhet or of many (one for the whole organisation): the
    // registrator of any of them may export from it.
    return (await this.diarierna.list(actor)).filter((d) => d.enheter.some((e) => enheter.includes(e.id)));
  }

  async list(actor: Actor, sida: SidQuery): Promise<Sida<EarkivExportResponse>> {
    this.assertExporter(actor);
    const { rader, total } = await this.repo.list(actor.organisationId, actor.enheter(...EXPORTERANDE_ROLLER), sida);
    return { items: rader.map(toEarkivExportResponse), total, page: sida.page, pageSize: sida.pageSize };
  }

  async get(actor: Actor, id: string): Promise<EarkivExportResponse> {
    return toEarkivExportResponse(await this.visible(actor, id));
  }

  /**
   * Orders a package: the selection is checked (it must hold an archived handling), the export row
   * (an outbox row) and its audit event are written in one transaction, and the build is queued after commit.
   */
  async order(actor: Actor, dto: NyExportDto): Promise<EarkivExportResponse> {
    const tillatna = await this.diarier(actor);
    const id = await this.dataSource.transaction(async (manager) => {
      const diarium = await this.diarieRepo.get(manager, actor, dto.diariumId);
      if (!tillatna.some((d) => d.id === diarium.id))
        throw forbidden(`Exporting from ${diarium.namn} needs the role registrator at one of its enheter`);
      const urval = await this.urval(manager, actor, diarium.id, dto);
      const antal = await this.repo.countUrval(manager, urval);
      if (!antal) throw new DomainError('EXPORT_TOM');
      await this.assertSerSekretess(manager, actor, urval);
      const nyttId = await this.repo.insert(manager, {
        ...urval,
        objid: `uuid-${crypto.randomUUID()}`,
        bestalldAv: actor.anvandareId,
        antalHandlingar: antal,
      });
      await this.audit.record(manager, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'earkiv_export_bestalld',
        objektTyp: 'earkiv_export',
        objektId: nyttId,
        data: {
          diariumId: diarium.id,
          diarienummer: dto.diarienummer ?? null,
          fran: urval.fran,
          till: urval.till,
          antal,
        },
      });
      return nyttId;
    });
    await this.kind.dispatch([id]);
    return this.get(actor, id);
  }

  /** The finished package as a stream of its stored parts; the download is in the audit log. */
  async download(actor: Actor, id: string): Promise<Filsvar> {
    const rad = await this.visible(actor, id);
    if (rad.status !== 'skickad' || rad.paketStorlek === null)
      throw new DomainError('EXPORT_INTE_KLAR', { status: rad.status });
    // Asked again at download: another registrator of the diarium may take the package, and a
    // handling may have been marked sekretess since it was ordered.
    await this.assertSerSekretess(this.dataSource.manager, actor, rad);
    await this.audit.record(this.dataSource.manager, {
      organisationId: actor.organisationId,
      anvandareId: actor.anvandareId,
      handelse: 'earkiv_export_hamtad',
      objektTyp: 'earkiv_export',
      objektId: rad.id,
      data: { objid: rad.objid, sha256: rad.paketSha256 },
    });
    return {
      filnamn: dokumentFilnamn(rad.diarienummer ?? `${rad.diariumNamn} ${rad.fran} ${rad.till}`, 'e-arkiv', 'zip'),
      data: Readable.from(this.repo.parts(rad.id)),
      storlek: rad.paketStorlek,
      mediaType: 'application/zip',
      disposition: 'attachment',
    };
  }

  private async visible(actor: Actor, id: string): Promise<EarkivExportRad> {
    this.assertExporter(actor);
    const rad = await this.repo.get(this.dataSource.manager, actor.organisationId, id);
    if (!rad || !rad.enheter.some((e) => actor.hasRoleAt(e, ...EXPORTERANDE_ROLLER))) throw notFound('Export');
    return rad;
  }

  private async urval(
    manager: Parameters<EarkivExportRepository['countUrval']>[0],
    actor: Actor,
    diariumId: string,
    dto: NyExportDto,
  ): Promise<Urval> {
    const bas = { organisationId: actor.organisationId, diariumId };
    const diarienummer = dto.diarienummer?.trim();
    if (diarienummer) {
      const arendeId = await this.repo.arendeId(manager, diariumId, diarienummer);
      if (!arendeId)
        throw invalidField(
          'diarienummer',
          `No ärende ${diarienummer} in this diarium`,
          `Det finns inget ärende ${diarienummer} i diariet.`,
        );
      return { ...bas, arendeId, fran: null, till: null };
    }
    if (!dto.fran)
      throw invalidField('fran', 'fran is required without diarienummer', 'Ange ett diarienummer eller en period.');
    if (!isDatum(dto.fran))
      throw invalidField('fran', 'fran is not a date', 'Ange periodens första dag som ett datum som finns.');
    if (!dto.till) throw invalidField('till', 'till is required with fran', 'Ange periodens sista dag.');
    if (!isDatum(dto.till))
      throw invalidField('till', 'till is not a date', 'Ange periodens sista dag som ett datum som finns.');
    if (dto.till < dto.fran)
      throw invalidField('till', 'till is before fran', 'Periodens sista dag kan inte vara före den första.');
    return { ...bas, arendeId: null, fran: dto.fran, till: dto.till };
  }

  /** A package holds whole handlingar: the caller must see every sekretess handling in it, as the diarium decides. */
  private async assertSerSekretess(manager: EntityManager, actor: Actor, urval: Urval): Promise<void> {
    const antal = await this.repo.countDoldaSekretess(manager, urval, actor.enheter());
    if (antal) throw new DomainError('EXPORT_SEKRETESS', { antal });
  }

  private assertExporter(actor: Actor): void {
    if (!actor.hasRole(...EXPORTERANDE_ROLLER)) throw forbidden('The e-arkiv export needs the role registrator');
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, AuditLog } from '@app/auth';
import { Clock, Filsvar, forbidden, notFound, pdfFil } from '@app/core';
import { Arkivhandling } from '@app/database';
import { DataSource } from 'typeorm';
import { FilRepository } from '../fil/fil.repository';
import { ArkivhandlingRepository } from './arkivhandling.repository';
import {
  ArkivhandlingResponse,
  toArkivhandlingResponse,
  toVerifieringResponse,
  VerifieringResponse,
} from './arkivhandling.response';
import { ArkivkontrollKind, jamfor } from './arkivkontroll.kind';

/** The verifications a page shows. */
const VISADE_VERIFIERINGAR = 10;

/** The registrator's view of the archive: one arkivhandling, its files, and verifying them. */
@Injectable()
export class ArkivhandlingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly arkivhandlingar: ArkivhandlingRepository,
    private readonly filer: FilRepository,
    private readonly kontroll: ArkivkontrollKind,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, id: string): Promise<ArkivhandlingResponse> {
    const arkivhandling = await this.forRegistrator(actor, id);
    return toArkivhandlingResponse(
      arkivhandling,
      await this.arkivhandlingar.ersattAv(id),
      await this.arkivhandlingar.verifieringar(id, VISADE_VERIFIERINGAR),
    );
  }

  /** Hashes the stored bytes again and compares; every verification is recorded, a mismatch also audited and logged. */
  async verify(actor: Actor, id: string): Promise<VerifieringResponse> {
    await this.forRegistrator(actor, id);
    const summa = await this.arkivhandlingar.kontrollsumma(id);
    const resultat = jamfor(summa);
    if (!resultat.originalOk || resultat.pdfaOk === false) {
      await this.kontroll.recordAvvikelse(summa, resultat, actor.anvandareId);
    } else {
      await this.dataSource.transaction(async (m) => {
        await this.arkivhandlingar.insertVerifiering(m, summa, resultat, actor.anvandareId, this.clock.now());
        await this.audit.record(m, {
          organisationId: actor.organisationId,
          anvandareId: actor.anvandareId,
          handelse: 'arkivhandling_verifierad',
          objektTyp: 'arkivhandling',
          objektId: id,
          data: { sha256: summa.sha256, pdfaSha256: summa.pdfaSha256 },
        });
      });
    }
    const [senaste] = await this.arkivhandlingar.verifieringar(id, 1);
    return toVerifieringResponse(senaste);
  }

  /** The archived original, or its PDF/A rendition (a 404 until it is made). */
  async file(actor: Actor, id: string, vilken: 'original' | 'pdfa'): Promise<Filsvar> {
    const arkivhandling = await this.forRegistrator(actor, id);
    const filId = vilken === 'original' ? arkivhandling.filId : arkivhandling.pdfaFilId;
    if (!filId) throw notFound('Arkivhandling');
    const { fil, data } = await this.filer.data(this.dataSource.manager, filId);
    return pdfFil(fil.filnamn, data, 'inline');
  }

  /**
   * Another organisation's arkivhandling is a 404; without the registrator's role the archive is a
   * 403, and so is a sekretess handling's archived copy without a role at its ärende's enhet: its
   * titel, motpart and file are what the diarium hides from that registrator.
   */
  private async forRegistrator(actor: Actor, id: string): Promise<Arkivhandling> {
    const arkivhandling = await this.arkivhandlingar.get(actor, id);
    if (!actor.hasRole('registrator')) throw forbidden('The archive is the registrator’s');
    const handling = await this.arkivhandlingar.sekretess(id);
    if (handling?.sekretess && !actor.enheter().includes(handling.enhetId))
      throw forbidden(
        `The handling is sekretess (${handling.sekretess}): its archived copy needs a role at the ärende's enhet`,
      );
    return arkivhandling;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FilRepository, PdfGranskning, Uppladdning } from '@app/archive';
import { Actor, AuditLog } from '@app/auth';
import { Filsvar, notFound, pdfFil } from '@app/core';
import { DataSource } from 'typeorm';
import { RemissRepository } from '../remiss.repository';
import { RemisshandlingResponse, toRemisshandlingResponse } from '../remiss.response';
import { requireAvsandare, RemissUtkastService } from '../utkast/remiss-utkast.service';
import { RemissStatus } from '@app/database';

/** What the handlingar page of a draft shows. */
export interface HandlingarVy {
  remiss: { id: string; diarienummer: string; arendemening: string; status: RemissStatus };
  handlingar: RemisshandlingResponse[];
}

/** Remisshandlingar: PDFs attached to a draft, checked before anything is stored, text kept per page. */
@Injectable()
export class RemisshandlingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly utkast: RemissUtkastService,
    private readonly filer: FilRepository,
    private readonly granskning: PdfGranskning,
    private readonly audit: AuditLog,
  ) {}

  async uploadRemisshandling(
    actor: Actor,
    remissId: string,
    fil: Uppladdning | undefined,
    titel?: string,
  ): Promise<RemisshandlingResponse> {
    const filnamn = fil?.originalname || 'remisshandling.pdf';
    // Checked and read before the transaction: a bad file stores nothing and locks nothing.
    const pdf = await this.granskning.checkPdf(fil?.buffer, filnamn);
    return this.dataSource.transaction(async (m) => {
      const remiss = await this.utkast.lockUtkast(m, actor, remissId, 'laggTillRemisshandling');
      const stored = await this.filer.insert(m, {
        organisationId: remiss.organisationId,
        filnamn,
        mimetyp: 'application/pdf',
        data: pdf.data,
        sha256: pdf.sha256,
      });
      const handling = await this.remisser.insertHandling(
        m,
        {
          organisationId: remiss.organisationId,
          remissId: remiss.id,
          titel: titel?.trim() || filnamn.replace(/\.pdf$/i, ''),
          filId: stored.id,
          sidantal: pdf.sidor.length,
        },
        pdf.sidor,
      );
      await this.remisser.update(m, remiss.id, {});
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remisshandling_tillagd',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { remisshandlingId: handling.id, filnamn, sha256: stored.sha256, sidantal: handling.sidantal },
      });
      return toRemisshandlingResponse(handling);
    });
  }

  async removeRemisshandling(actor: Actor, remissId: string, handlingId: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const remiss = await this.utkast.lockUtkast(m, actor, remissId, 'taBortRemisshandling');
      const handling = (await this.remisser.handlingar(m, remiss.id)).find((h) => h.id === handlingId);
      if (!handling) throw notFound('Remisshandling');
      await this.remisser.deleteHandling(m, handling.id);
      await this.remisser.update(m, remiss.id, {});
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remisshandling_borttagen',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { remisshandlingId: handling.id, titel: handling.titel },
      });
    });
  }

  /** Moves a handling one place up or down in the draft (the order the missiv lists them and the instanser see them). */
  async moveRemisshandling(actor: Actor, remissId: string, handlingId: string, riktning: 'upp' | 'ned'): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const remiss = await this.utkast.lockUtkast(m, actor, remissId, 'redigeraRemiss');
      const handlingar = await this.remisser.handlingar(m, remiss.id);
      const i = handlingar.findIndex((h) => h.id === handlingId);
      if (i < 0) throw notFound('Remisshandling');
      const granne = handlingar[riktning === 'upp' ? i - 1 : i + 1];
      // Already first (or last): nothing to move, and nothing to record.
      if (!granne) return;
      await this.remisser.swapHandlingar(m, handlingar[i], granne);
      await this.remisser.update(m, remiss.id, {});
      await this.audit.record(m, {
        organisationId: actor.organisationId,
        anvandareId: actor.anvandareId,
        handelse: 'remisshandling_flyttad',
        objektTyp: 'remiss',
        objektId: remiss.id,
        data: { remisshandlingId: handlingId, riktning },
      });
    });
  }

  /** The PDF of a remisshandling of a remiss the caller may see. */
  async fil(actor: Actor, remissId: string, handlingId: string): Promise<Filsvar> {
    const remiss = await this.remisser.get(actor, remissId);
    return this.filFor(remiss.id, handlingId);
  }

  async filFor(remissId: string, handlingId: string): Promise<Filsvar> {
    const handling = await this.remisser.handling(remissId, handlingId);
    const { fil, data } = await this.filer.data(this.dataSource.manager, handling.filId);
    return pdfFil(fil.filnamn, data, 'attachment');
  }

  /** The handlingar page of a draft: the remiss and its handlingar in order. */
  async view(actor: Actor, remissId: string): Promise<HandlingarVy> {
    const remiss = await this.remisser.getOwn(this.dataSource.manager, actor, remissId);
    requireAvsandare(actor, remiss);
    const handlingar = await this.remisser.handlingar(this.dataSource.manager, remiss.id);
    return {
      remiss: {
        id: remiss.id,
        diarienummer: remiss.diarienummer,
        arendemening: remiss.arendemening,
        status: remiss.status,
      },
      handlingar: handlingar.map(toRemisshandlingResponse),
    };
  }

  /** The remisshandlingar of a remiss the caller may see. */
  async list(actor: Actor, remissId: string): Promise<RemisshandlingResponse[]> {
    const remiss = await this.remisser.get(actor, remissId);
    return (await this.remisser.handlingar(this.dataSource.manager, remiss.id)).map(toRemisshandlingResponse);
  }
}

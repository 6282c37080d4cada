import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, dokumentFilnamn } from '@app/archive';
import { AuditLog } from '@app/auth';
import { PdfRenderare } from '@app/pdf';
import { Utkorg, UtkorgTyp, UtkorgTyper, UtkorgUtfall } from '@app/utkorg';
import { DataSource, EntityManager } from 'typeorm';
import {
  NySammanstallningArkivering,
  SammanstallningArkiveringRad,
  SammanstallningArkiveringRepository,
} from './sammanstallning-arkivering.repository';

/**
 * The archive copy of an avslutad remiss' sammanställning, as a kind of the outbox (rows of
 * `sammanstallning_arkivering`, written in avslut's transaction with the document to print). A
 * worker prints it outside any transaction (no row lock waits for Chromium), then registers it as
 * upprättad in the remiss' ärende and archives it in one short transaction that also marks the row.
 * The row is locked first, so a second worker (a lease that ran out, a worker killed after commit)
 * finds it registered and keeps nothing of its own print: one arkivhandling per remiss.
 */
@Injectable()
export class SammanstallningArkiveringKind implements UtkorgTyp, OnModuleInit {
  readonly namn = 'sammanstallning-arkivering';
  readonly tabell = 'sammanstallning_arkivering';
  private readonly logger = new Logger('Arkiv');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly typer: UtkorgTyper,
    private readonly utkorg: Utkorg,
    private readonly rader: SammanstallningArkiveringRepository,
    private readonly arkiv: ArkivService,
    private readonly pdf: PdfRenderare,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    this.typer.register(this);
  }

  /** In avslut's transaction; returns the row's id, to `dispatch` after commit. */
  order(manager: EntityManager, ny: NySammanstallningArkivering): Promise<string> {
    return this.rader.insert(manager, ny);
  }

  dispatch(ids: string[]): Promise<void> {
    return this.utkorg.enqueue(this, ids);
  }

  async perform(ids: string[]): Promise<Map<string, UtkorgUtfall>> {
    const utfall = new Map<string, UtkorgUtfall>();
    // One at a time: each print holds a Chromium page of the pdf-worker.
    for (const rad of await this.rader.list(ids)) utfall.set(rad.id, await this.performOne(rad));
    return utfall;
  }

  private async performOne(rad: SammanstallningArkiveringRad): Promise<UtkorgUtfall> {
    if (rad.arkivhandlingId !== null) return { utfall: 'utford', kvitto: rad.arkivhandlingId };
    try {
      const pdf = await this.pdf.renderRemissammanstallning(rad.dokument);
      const arkivhandlingId = await this.dataSource.transaction(
        async (m) => (await this.rader.lock(m, rad.id)) ?? this.register(m, rad, pdf),
      );
      return { utfall: 'utford', kvitto: arkivhandlingId };
    } catch (error) {
      this.logger.warn(`archiving the sammanställning of remiss ${rad.remissId} failed: ${(error as Error).message}`);
      return { utfall: 'fel', fel: (error as Error).message };
    }
  }

  private async register(
    m: EntityManager,
    rad: SammanstallningArkiveringRad & { arkivhandlingId: null },
    pdf: Buffer,
  ): Promise<string> {
    const doc = rad.dokument;
    const titel = `Remissammanställning: ${doc.arendemening}`;
    const [{ handling, arkivhandlingId }] = await this.arkiv.registerHandling(
      m,
      { filnamn: dokumentFilnamn(doc.diarienummer, 'remissammanstallning'), mimetyp: 'application/pdf', data: pdf },
      [
        {
          arendeId: rad.arendeId,
          riktning: 'upprattad',
          datum: doc.datum,
          motpart: null,
          beskrivning: titel,
          registreradAv: rad.registreradAv,
          arkivera: { dokumenttyp: 'remissammanstallning', titel, upphov: doc.brevhuvud.enhet },
        },
      ],
    );
    // A PDF registered with `arkivera` is always archived.
    const id = arkivhandlingId!;
    await this.rader.setArkivhandling(m, rad.id, id);
    await this.audit.record(m, {
      organisationId: handling.organisationId,
      anvandareId: null,
      handelse: 'remissammanstallning_arkiverad',
      objektTyp: 'remiss',
      objektId: rad.remissId,
      data: { arkivhandlingId: id, handlingId: handling.id, diarienummer: doc.diarienummer },
    });
    return id;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ArkivService, dokumentFilnamn } from '@app/archive';
import { Actor } from '@app/auth';
import { BrevhuvudService } from '@app/brevhuvud';
import { Clock, Filsvar, illegalTransition, pdfFil, stockholmDatum } from '@app/core';
import { PdfRenderare, RemissammanstallningDokument } from '@app/pdf';
import { Remiss } from '@app/database';
import { RemissRepository } from '../remiss.repository';
import { requireAvsandare } from '../utkast/remiss-utkast.service';
import { compileSammanstallning, sammanstallningCsv, SammanstallningUrval } from './sammanstallning';
import { SammanstallningRepository } from './sammanstallning.repository';
import { StallningstagandeRepository } from './stallningstagande.repository';
import { DataSource } from 'typeorm';

/** The remissammanställning of a sent remiss, as JSON, CSV or PDF. */
@Injectable()
export class SammanstallningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly synpunkter: SammanstallningRepository,
    private readonly stallningstaganden: StallningstagandeRepository,
    private readonly pdf: PdfRenderare,
    private readonly arkiv: ArkivService,
    private readonly brevhuvud: BrevhuvudService,
    private readonly clock: Clock,
  ) {}

  /** The sending enhet's remissansvarig's remiss once sent: another organisation's is a 404, another role a 403. */
  async getSammanstallbar(actor: Actor, remissId: string): Promise<Remiss> {
    const remiss = await this.remisser.getOwn(this.dataSource.manager, actor, remissId);
    requireAvsandare(actor, remiss);
    if (remiss.status === 'utkast') throw illegalTransition('remiss', remiss.status, 'sammanstall');
    return remiss;
  }

  async dokument(
    actor: Actor,
    remissId: string,
    urval: SammanstallningUrval = {},
  ): Promise<RemissammanstallningDokument> {
    const remiss = await this.getSammanstallbar(actor, remissId);
    const [{ organisation, enhet }, rader, instanser, stallningstaganden] = await Promise.all([
      this.remisser.avsandare(this.dataSource.manager, remiss),
      this.synpunkter.synpunkter(remiss.id),
      this.synpunkter.instanser(remiss.id),
      this.stallningstaganden.current(actor.organisationId, remiss.id),
    ]);
    const huvud = {
      brevhuvud: { kommun: organisation.slug, enhet: enhet.namn },
      datum: stockholmDatum(this.clock.now()),
      diarienummer: remiss.diarienummer,
      arendemening: remiss.arendemening,
    };
    return compileSammanstallning(huvud, rader, instanser, remiss.fragor, stallningstaganden, urval);
  }

  async csv(actor: Actor, remissId: string): Promise<Filsvar> {
    const doc = await this.dokument(actor, remissId);
    return {
      filnamn: dokumentFilnamn(doc.diarienummer, 'remissammanstallning', 'csv'),
      data: sammanstallningCsv(doc),
      mediaType: 'text/csv; charset=utf-8',
      disposition: 'attachment',
    };
  }

  async pdfFil(actor: Actor, remissId: string): Promise<Filsvar> {
    const doc = await this.dokument(actor, remissId);
    // The letterhead's own fields go to the printer only; the JSON answer names the letterhead, as before.
    const uppgifter = await this.brevhuvud.forDokument(this.dataSource.manager, actor.organisationId);
    doc.brevhuvud = { ...doc.brevhuvud, uppgifter };
    return pdfFil(
      dokumentFilnamn(doc.diarienummer, 'remissammanstallning'),
      await this.pdf.renderRemissammanstallning(doc),
      'attachment',
    );
  }

  /**
   * The final sammanställning of an avslutad remiss, registered as upprättad in its ärende and
   * archived. Printed after avslut committed (no answer can arrive after it, and no row lock waits
   * for Chromium), then registered in a transaction of its own; returns the arkivhandling's id.
   */
  async archive(actor: Actor, remiss: Remiss): Promise<string | null> {
    if (remiss.status !== 'avslutad' || !remiss.arendeId) return null;
    const doc = await this.dokument(actor, remiss.id);
    const pdf = await this.pdf.renderRemissammanstallning(doc);
    const titel = `Remissammanställning: ${remiss.arendemening}`;
    const [{ arkivhandlingId }] = await this.dataSource.transaction((m) =>
      this.arkiv.registerHandling(
        m,
        { filnamn: dokumentFilnamn(doc.diarienummer, 'remissammanstallning'), mimetyp: 'application/pdf', data: pdf },
        [
          {
            arendeId: remiss.arendeId!,
            riktning: 'upprattad',
            datum: doc.datum,
            motpart: null,
            beskrivning: titel,
            registreradAv: actor.anvandareId,
            arkivera: { dokumenttyp: 'remissammanstallning', titel, upphov: doc.brevhuvud.enhet },
          },
        ],
      ),
    );
    return arkivhandlingId;
  }
}

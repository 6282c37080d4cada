import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { dokumentFilnamn } from '@app/archive';
import { Actor } from '@app/auth';
import { BrevhuvudService } from '@app/brevhuvud';
import { Clock, Filsvar, illegalTransition, pdfFil, stockholmDatum } from '@app/core';
import { PdfRenderare, RemissammanstallningDokument } from '@app/pdf';
import { RemissRepository } from '../remiss.repository';
import { requireAvsandare } from '../utkast/remiss-utkast.service';
import { compileSammanstallning, sammanstallningCsv } from './sammanstallning';
import { SammanstallningRepository } from './sammanstallning.repository';
import { DataSource } from 'typeorm';

/** The remissammanställning of a sent remiss, as JSON, CSV or PDF. */
@Injectable()
export class SammanstallningService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly remisser: RemissRepository,
    private readonly synpunkter: SammanstallningRepository,
    private readonly pdf: PdfRenderare,
    private readonly brevhuvud: BrevhuvudService,
    private readonly clock: Clock,
  ) {}

  async dokument(actor: Actor, remissId: string): Promise<RemissammanstallningDokument> {
    const remiss = await this.remisser.getOwn(this.dataSource.manager, actor, remissId);
    requireAvsandare(actor, remiss);
    if (remiss.status === 'utkast') throw illegalTransition('remiss', remiss.status, 'sammanstall');
    const [{ organisation, enhet }, rader, instanser, svar] = await Promise.all([
      this.remisser.avsandare(this.dataSource.manager, remiss),
      this.synpunkter.synpunkter(remiss.id),
      this.remisser.instanser(this.dataSource.manager, actor, remiss),
      this.synpunkter.svar(remiss.id),
    ]);
    const huvud = {
      brevhuvud: { kommun: organisation.slug, enhet: enhet.namn },
      datum: stockholmDatum(this.clock.now()),
      diarienummer: remiss.diarienummer,
      arendemening: remiss.arendemening,
    };
    return compileSammanstallning(huvud, rader, instanser, remiss.fragor, svar);
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
    if (uppgifter) doc.brevhuvud = { ...doc.brevhuvud, uppgifter };
    return pdfFil(
      dokumentFilnamn(doc.diarienummer, 'remissammanstallning'),
      await this.pdf.renderRemissammanstallning(doc),
      'attachment',
    );
  }
}

import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@app/core';
import { ChromiumPool } from './chromium/chromium-pool.service';
import {
  Brevhuvud,
  PdfMetadata,
  RemissammanstallningDokument,
  RemissmissivDokument,
  RemissvarDokument,
} from './dokument';
import { Fotnotsombrytning } from './fotnoter/fotnotsombrytning';
import { Dokumentmall, Mallar } from './mallar/mallar.service';
import { withDokumentinfo } from './pdf-dokumentinfo';
import { PdfFel } from './pdf-fel';
import { PdfRenderare } from './pdf-renderare';
import { PdfaKonverterare } from './pdfa/pdfa-konverterare.service';
import { remissammanstallningMetadata, remissammanstallningVy } from './vy/remissammanstallning-vy';
import { remissmissivMetadata, remissmissivVy } from './vy/remissmissiv-vy';
import { remissvarMetadata, remissvarVy } from './vy/remissvar-vy';
import { SidVy } from './vy/sida-vy';
import { SIDFORMAT } from './vy/sidformat';

const PRODUCENT = 'Remissplattformen (Chromium, Skia/PDF)';

/** Renders the platform's documents in this process: Handlebars templates printed by Chromium. */
@Injectable()
export class PdfService extends PdfRenderare implements OnApplicationShutdown {
  private readonly fotnoter: Fotnotsombrytning;

  constructor(
    @Inject(Mallar) private readonly mallar: Mallar,
    @Inject(ChromiumPool) private readonly pool: ChromiumPool,
    @Inject(PdfaKonverterare) private readonly pdfa: PdfaKonverterare,
    @Inject(Clock) private readonly clock: Clock,
  ) {
    super();
    this.fotnoter = new Fotnotsombrytning((html) => this.pool.print(html), SIDFORMAT);
  }

  renderRemissvar(doc: RemissvarDokument): Promise<Buffer> {
    return this.render('remissvar', doc.brevhuvud, () => remissvarVy(doc), remissvarMetadata(doc));
  }

  renderRemissmissiv(doc: RemissmissivDokument): Promise<Buffer> {
    return this.render('remissmissiv', doc.brevhuvud, () => remissmissivVy(doc), remissmissivMetadata(doc));
  }

  renderRemissammanstallning(doc: RemissammanstallningDokument): Promise<Buffer> {
    return this.render(
      'remissammanstallning',
      doc.brevhuvud,
      () => remissammanstallningVy(doc),
      remissammanstallningMetadata(doc),
    );
  }

  toPdfA(pdf: Buffer, meta: PdfMetadata): Promise<Buffer> {
    return this.pdfa.convert(pdf, { ...meta, skapad: this.clock.now(), producent: PRODUCENT });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.close();
  }

  private async render(
    mall: Dokumentmall,
    brevhuvud: Brevhuvud,
    vy: () => { sida: SidVy },
    meta: PdfMetadata,
  ): Promise<Buffer> {
    let html: string;
    try {
      html = this.mallar.html(mall, brevhuvud, vy());
    } catch (error) {
      throw new PdfFel(
        `The ${mall} template could not be filled in: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const { pdf } = await this.fotnoter.print(html);
    return withDokumentinfo(pdf, { ...meta, skapad: this.clock.now(), producent: PRODUCENT });
  }
}

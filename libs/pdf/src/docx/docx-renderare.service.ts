import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { Packer } from 'docx';
import { join } from 'node:path';
import { RemissvarDokument } from '../dokument';
import { findKommun, Kommun, kommunFor } from '../mallar/kommun';
import { remissvarDocx } from './remissvar-docx';

/**
 * Renders an answer as an editable Word file (DOCX) in this process, without Chromium: building
 * the XML takes milliseconds, so it needs no queue or worker, and every app that sends answers can
 * do it itself whichever PdfRenderare it was given.
 */
@Injectable()
export class DocxRenderare {
  private readonly kommuner = new Map<string, Kommun | undefined>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  renderRemissvar(doc: RemissvarDokument): Promise<Buffer> {
    return Packer.toBuffer(
      remissvarDocx(doc, kommunFor(this.mapp(doc.brevhuvud.kommun), doc.brevhuvud.kommun, doc.brevhuvud.uppgifter)),
    );
  }

  /** Letterhead folders are read on first use, as for the PDF; undefined for an organisation without one. */
  private mapp(slug: string): Kommun | undefined {
    if (!this.kommuner.has(slug))
      this.kommuner.set(slug, findKommun(join(this.config.TEMPLATES_DIR, 'kommuner'), slug));
    return this.kommuner.get(slug);
  }
}

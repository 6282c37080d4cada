import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/core';
import { Packer } from 'docx';
import { join } from 'node:path';
import { RemissvarDokument } from '../dokument';
import { Kommun, loadKommun, withUppgifter } from '../mallar/kommun';
import { remissvarDocx } from './remissvar-docx';

/**
 * Renders an answer as an editable Word file (DOCX) in this process, without Chromium: building
 * the XML takes milliseconds, so it needs no queue or worker, and every app that sends answers can
 * do it itself whichever PdfRenderare it was given.
 */
@Injectable()
export class DocxRenderare {
  private readonly kommuner = new Map<string, Kommun>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  renderRemissvar(doc: RemissvarDokument): Promise<Buffer> {
    return Packer.toBuffer(
      remissvarDocx(doc, withUppgifter(this.kommun(doc.brevhuvud.kommun), doc.brevhuvud.uppgifter)),
    );
  }

  /** Letterhead folders are read on first use, as for the PDF. */
  private kommun(slug: string): Kommun {
    let kommun = this.kommuner.get(slug);
    if (!kommun) {
      kommun = loadKommun(join(this.config.TEMPLATES_DIR, 'kommuner'), slug);
      this.kommuner.set(slug, kommun);
    }
    return kommun;
  }
}

import { Module } from '@nestjs/common';
import { DocxRenderare } from './docx-renderare.service';

/**
 * Word rendering. Not global, unlike PdfModule and PdfKoModule: there is no choice of adapter for
 * an app to make, so the module that sends answers imports it.
 */
@Module({ providers: [DocxRenderare], exports: [DocxRenderare] })
export class DocxModule {}

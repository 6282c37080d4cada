// npm run render:example -- <out.pdf | out.docx>
// Renders the UN2025/412 answer (the seed in ../shared/seeds) on Enköping's letterhead, as PDF or
// as the editable Word file, by the output's extension.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { ClockModule, ConfigModule, loadConfig } from '@app/core';
import { DocxModule, DocxRenderare, PdfModule, PdfService } from '@app/pdf';
import { UN2025_412 } from '@app/pdf/exempel/un2025-412';

async function run(): Promise<void> {
  const ut = process.argv[2];
  if (!ut || !/\.(pdf|docx)$/i.test(ut)) throw new Error('Usage: npm run render:example -- <out.pdf | out.docx>');
  const docx = /\.docx$/i.test(ut);
  @Module({ imports: [ConfigModule.forRoot(loadConfig(process.env)), ClockModule, docx ? DocxModule : PdfModule] })
  class ExempelModule {}
  const app = await NestFactory.createApplicationContext(ExempelModule, { logger: ['error', 'warn'] });
  try {
    const bytes = docx
      ? await app.get(DocxRenderare).renderRemissvar(UN2025_412)
      : await app.get(PdfService).renderRemissvar(UN2025_412);
    writeFileSync(ut, bytes);
    console.log(`${ut}: ${bytes.length} bytes`);
  } finally {
    await app.close();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

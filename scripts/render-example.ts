// npm run render:example -- <out.pdf>
// Renders the UN2025/412 answer (the seed in ../shared/seeds) on Enköping's letterhead.
import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { ClockModule, ConfigModule, loadConfig } from '@app/core';
import { PdfModule, PdfService } from '@app/pdf';
import { UN2025_412 } from '@app/pdf/exempel/un2025-412';

async function run(): Promise<void> {
  const ut = process.argv[2];
  if (!ut) throw new Error('Usage: npm run render:example -- <out.pdf>');
  @Module({ imports: [ConfigModule.forRoot(loadConfig(process.env)), ClockModule, PdfModule] })
  class ExempelModule {}
  const app = await NestFactory.createApplicationContext(ExempelModule, { logger: ['error', 'warn'] });
  try {
    const pdf = await app.get(PdfService).renderRemissvar(UN2025_412);
    writeFileSync(ut, pdf);
    console.log(`${ut}: ${pdf.length} bytes`);
  } finally {
    await app.close();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

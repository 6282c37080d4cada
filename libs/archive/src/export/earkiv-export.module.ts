import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { UtkorgModule } from '@app/utkorg';
import { ArchiveModule } from '../archive.module';
import { EarkivExportController } from './earkiv-export.controller';
import { EarkivExportKind } from './earkiv-export.kind';
import { EarkivExportRepository } from './earkiv-export.repository';
import { EarkivExportService } from './earkiv-export.service';

/**
 * The e-arkiv export (FGS Paketstruktur 2.0): the API, the service the pages share, and the outbox
 * kind that builds packages. Every process that imports it can order exports; only one with
 * UtkorgWorkerModule builds them.
 */
@Module({
  imports: [AuthModule, UtkorgModule, ArchiveModule],
  controllers: [EarkivExportController],
  providers: [EarkivExportRepository, EarkivExportKind, EarkivExportService],
  exports: [EarkivExportService],
})
export class EarkivExportModule {}

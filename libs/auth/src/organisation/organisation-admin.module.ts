import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';
import { EnhetAdminController } from './enhet-admin.controller';
import { EnhetAdminRepository } from './enhet-admin.repository';
import { EnhetAdminService } from './enhet-admin.service';
import { KopplingController } from './koppling.controller';
import { KopplingRepository } from './koppling.repository';
import { KopplingService } from './koppling.service';

/** The organisation admin's enheter and connections (API; the pages are libs/web's AdminSidorModule). */
@Module({
  imports: [AuthModule],
  controllers: [EnhetAdminController, KopplingController],
  providers: [EnhetAdminRepository, EnhetAdminService, KopplingRepository, KopplingService],
  exports: [EnhetAdminService, KopplingService],
})
export class OrganisationAdminModule {}

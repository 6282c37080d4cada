import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { LankarModule } from '@app/lankar';
import { MailModule } from '@app/mail';
import { UtkorgModule } from '@app/utkorg';
import { PaminnelseAdminController } from './admin/paminnelse-admin.controller';
import { PaminnelseAdminService } from './admin/paminnelse-admin.service';
import { PaminnelsePlanerare } from './paminnelse-planerare.service';
import { PaminnelsePlanering } from './paminnelse-planering';
import { PaminnelseKind } from './paminnelse.kind';
import { PaminnelseRepository } from './paminnelse.repository';
import { PaminnelseregelRepository } from './paminnelseregel.repository';

/**
 * Deadline reminders: planning (`PaminnelsePlanering`, for the remiss workflow), their mails as a
 * kind of the outbox, and the admin API. Whether this process sends is the app's choice
 * (UtkorgWorkerModule).
 */
@Module({
  imports: [AuthModule, UtkorgModule, MailModule, LankarModule],
  controllers: [PaminnelseAdminController],
  providers: [
    PaminnelseAdminService,
    PaminnelseRepository,
    PaminnelseregelRepository,
    PaminnelseKind,
    PaminnelsePlanerare,
    { provide: PaminnelsePlanering, useExisting: PaminnelsePlanerare },
  ],
  exports: [PaminnelsePlanering, PaminnelseAdminService],
})
export class RemindersModule {}

import { Global, Module } from '@nestjs/common';
import { PaminnelseAdminController } from './admin/paminnelse-admin.controller';
import { PaminnelseAdminService } from './admin/paminnelse-admin.service';
import { PaminnelsePlanerare } from './paminnelse-planerare';
import { PaminnelsePlanering } from './paminnelse-planering';
import { PaminnelseTyp } from './paminnelse-typ';
import { PaminnelseRepository } from './paminnelse.repository';
import { PaminnelseregelRepository } from './paminnelseregel.repository';

/**
 * Deadline reminders: planning (`PaminnelsePlanering`, for the remiss workflow), their mails as a
 * kind of the outbox, and the admin API. Needs `UtkorgModule` in the app; whether this process
 * sends is decided there.
 */
@Global()
@Module({
  controllers: [PaminnelseAdminController],
  providers: [
    PaminnelseAdminService,
    PaminnelseRepository,
    PaminnelseregelRepository,
    PaminnelseTyp,
    PaminnelsePlanerare,
    { provide: PaminnelsePlanering, useExisting: PaminnelsePlanerare },
  ],
  exports: [PaminnelsePlanering],
})
export class RemindersModule {}

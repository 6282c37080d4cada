import { Global, Module } from '@nestjs/common';
import { LankarModule } from '@app/lankar';
import { PaminnelseAdminController } from './admin/paminnelse-admin.controller';
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
  imports: [LankarModule],
  controllers: [PaminnelseAdminController],
  providers: [
    PaminnelseRepository,
    PaminnelseregelRepository,
    PaminnelseTyp,
    PaminnelsePlanerare,
    { provide: PaminnelsePlanering, useExisting: PaminnelsePlanerare },
  ],
  exports: [PaminnelsePlanering],
})
export class RemindersModule {}

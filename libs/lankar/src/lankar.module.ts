import { Module } from '@nestjs/common';
import { ExternAtkomstRepository } from './extern-atkomst.repository';
import { ExternLankService } from './extern-lank.service';

/**
 * External remissinstanser' personal links. A lib of its own because both the workflow
 * (libs/remiss) and the reminders make them, and remiss depends on reminders (it plans them).
 */
@Module({
  providers: [ExternAtkomstRepository, ExternLankService],
  exports: [ExternAtkomstRepository, ExternLankService],
})
export class LankarModule {}

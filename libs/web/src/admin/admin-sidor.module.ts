import { Module } from '@nestjs/common';
import { ArchiveModule } from '@app/archive';
import { OrganisationAdminModule } from '@app/auth';
import { BrevhuvudModule } from '@app/brevhuvud';
import { RemindersModule } from '@app/reminders';
import { WebGrundModule } from '../grund/web-grund.module';
import { AdminController } from './admin.controller';
import { BrevhuvudSidController } from './brevhuvud.controller';
import { EnheterController } from './enheter.controller';
import { KopplingarSidController } from './kopplingar.controller';
import { PaminnelserSidController } from './paminnelser.controller';

/** The organisation admin's pages: the overview, enheter (with their diarium), letterhead, reminder rules and connections. */
@Module({
  imports: [WebGrundModule, OrganisationAdminModule, BrevhuvudModule, RemindersModule, ArchiveModule],
  controllers: [
    AdminController,
    EnheterController,
    BrevhuvudSidController,
    PaminnelserSidController,
    KopplingarSidController,
  ],
})
export class AdminSidorModule {}

import { Body, Get, Post } from '@nestjs/common';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { PaminnelseAdminService } from '@app/reminders';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { PaminnelseFormular } from './admin.dto';

/** The organisation's reminder rules, the same ones as the API's /api/admin/paminnelseregler. */
@WebController('admin/paminnelser')
@Roller('admin')
export class PaminnelserSidController {
  constructor(private readonly admin: PaminnelseAdminService) {}

  @Get()
  async visa(@CurrentActor() actor: Actor) {
    return sida('admin/paminnelser', { regler: await this.admin.getRegler(actor) });
  }

  @Post()
  async spara(@CurrentActor() actor: Actor, @Body() form: PaminnelseFormular) {
    await this.admin.replaceRegler(actor, { regler: form.paminnelseregler });
    return omdirigera('/admin/paminnelser', {
      rubrik: 'Påminnelsereglerna är sparade',
      text: 'De gäller påminnelser som planeras från och med nu; redan planerade påminnelser behåller sina tider.',
    });
  }
}

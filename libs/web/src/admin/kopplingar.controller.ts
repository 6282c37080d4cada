import { Body, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Actor, CurrentActor, KopplingDto, KopplingService, Roller } from '@app/auth';
import { notFound } from '@app/core';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';

/** Connections: who may send remisser to the organisation, and the directory of those it may send to. */
@WebController('admin/kopplingar')
@Roller('admin')
export class KopplingarSidController {
  constructor(private readonly kopplingar: KopplingService) {}

  @Get()
  async visa(@CurrentActor() actor: Actor) {
    return sida('admin/kopplingar', { kopplingar: await this.kopplingar.get(actor) });
  }

  @Post()
  async lagg(@CurrentActor() actor: Actor, @Body() form: KopplingDto) {
    await this.kopplingar.allow(actor, form.organisationId);
    return omdirigera('/admin/kopplingar', { rubrik: 'Organisationen får nu skicka remisser till er' });
  }

  @Post(':organisationId/ta-bort')
  async taBort(
    @CurrentActor() actor: Actor,
    @Param('organisationId', new ParseUUIDPipe({ exceptionFactory: () => notFound('Organisation') })) id: string,
  ) {
    await this.kopplingar.revoke(actor, id);
    return omdirigera('/admin/kopplingar', { rubrik: 'Organisationen kan inte längre skicka nya remisser till er' });
  }
}

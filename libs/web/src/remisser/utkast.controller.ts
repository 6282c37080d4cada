import { Body, Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { notFound, sendFil } from '@app/core';
import { RemissUtkastService, RemissUtskickService } from '@app/remiss';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { UtkastFormular } from './remisser.dto';
import { andradRemiss } from './utkastformular';

/** An id that is not one is a page that does not exist. */
export const remissId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Remiss') });

/** A sent remiss is followed on its status page; its draft pages send the user there. */
export const tillStatus = (id: string) => omdirigera(`/remisser/${id}/status`);

/** One utkast: its uppgifter, the missiv's preview, and the summary it is sent from. */
@Roller('remissansvarig')
@WebController('remisser/:id')
export class UtkastController {
  constructor(
    private readonly utkast: RemissUtkastService,
    private readonly utskick: RemissUtskickService,
  ) {}

  @Get()
  async visa(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    const vy = await this.utkast.view(actor, id);
    return vy.remiss.status === 'utkast' ? sida('remisser/utkast', { vy }) : tillStatus(id);
  }

  @Post()
  async spara(@CurrentActor() actor: Actor, @Param('id', remissId) id: string, @Body() form: UtkastFormular) {
    await this.utkast.update(actor, id, andradRemiss(form));
    return omdirigera(`/remisser/${id}`, { rubrik: 'Ändringarna är sparade' });
  }

  @Get('missiv')
  async missiv(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.utskick.preview(actor, id));
  }

  @Get('skicka')
  async sammanfattning(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    const vy = await this.utskick.summary(actor, id);
    return vy.remiss.status === 'utkast' ? sida('remisser/skicka', { vy }) : tillStatus(id);
  }

  @Post('skicka')
  async skicka(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    const remiss = await this.utskick.send(actor, id);
    // On to the page that follows it: who has it, and when the reminders go.
    return omdirigera(`/remisser/${id}/status`, {
      rubrik: `Remissen ${remiss.diarienummer} är skickad`,
      text: `Remissinstanserna har fått den per e-post och ska svara senast ${remiss.svarsdatum} kl. 23.59. Missivet är registrerat i diariet.`,
    });
  }
}

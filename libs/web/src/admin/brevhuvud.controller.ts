import { Body, Get, Post, Res, UseInterceptors } from '@nestjs/common';
import { Actor, CsrfIFormulardel, CurrentActor, Roller } from '@app/auth';
import { BrevhuvudDto, BrevhuvudService, EmblemUppladdning, UppladdatEmblem } from '@app/brevhuvud';
import { sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';

/** The organisation's letterhead: its fields, its emblem, and a preview PDF printed as every letter is. */
@WebController('admin/brevhuvud')
@Roller('admin')
export class BrevhuvudSidController {
  constructor(private readonly brevhuvud: BrevhuvudService) {}

  @Get()
  async visa(@CurrentActor() actor: Actor) {
    return sida('admin/brevhuvud', { brevhuvud: await this.brevhuvud.get(actor) });
  }

  @Post()
  async spara(@CurrentActor() actor: Actor, @Body() form: BrevhuvudDto) {
    await this.brevhuvud.update(actor, form);
    return omdirigera('/admin/brevhuvud', {
      rubrik: 'Brevhuvudet är sparat',
      text: 'Nästa brev som plattformen skriver får det nya brevhuvudet.',
    });
  }

  @Get('emblem')
  async visaEmblem(@CurrentActor() actor: Actor) {
    return sida('admin/emblem', { brevhuvud: await this.brevhuvud.get(actor) });
  }

  @Post('emblem')
  @CsrfIFormulardel()
  @UseInterceptors(EmblemUppladdning)
  async bytEmblem(@CurrentActor() actor: Actor, @UppladdatEmblem() emblem: Buffer | undefined) {
    await this.brevhuvud.replaceEmblem(actor, emblem);
    return omdirigera('/admin/brevhuvud', { rubrik: 'Emblemet är bytt' });
  }

  @Get('forhandsvisning')
  async forhandsvisning(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.brevhuvud.preview(actor));
  }
}

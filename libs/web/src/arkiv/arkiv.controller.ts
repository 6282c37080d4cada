import { Get, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ArkivhandlingService } from '@app/archive';
import { Actor, CurrentActor } from '@app/auth';
import { notFound, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';

/** An id that is not one is a page that does not exist. */
const arkivhandlingId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Arkivhandling') });

/** The registrator's page of one arkivhandling: its metadata, checksums, files and verification. */
@WebController('diarium/arkiv/:id')
export class ArkivController {
  constructor(private readonly arkiv: ArkivhandlingService) {}

  @Get()
  async visa(@CurrentActor() actor: Actor, @Param('id', arkivhandlingId) id: string) {
    return sida('arkiv/arkivhandling', { arkivhandling: await this.arkiv.get(actor, id) });
  }

  @Post('verifiera')
  async verifiera(@CurrentActor() actor: Actor, @Param('id', arkivhandlingId) id: string) {
    const { resultat } = await this.arkiv.verify(actor, id);
    // A mismatch is the page's own warning banner (the latest verification), not a "done" notice.
    return omdirigera(
      `/diarium/arkiv/${id}`,
      resultat === 'ok'
        ? { rubrik: 'Filerna är oförändrade', text: 'Kontrollsummorna stämmer med de lagrade filerna.' }
        : undefined,
    );
  }

  @Get('original.pdf')
  async original(
    @CurrentActor() actor: Actor,
    @Param('id', arkivhandlingId) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.arkiv.file(actor, id, 'original'));
  }

  @Get('pdfa.pdf')
  async pdfa(
    @CurrentActor() actor: Actor,
    @Param('id', arkivhandlingId) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.arkiv.file(actor, id, 'pdfa'));
  }
}

import { Body, Get, Param, ParseUUIDPipe, Post, Res, UseInterceptors } from '@nestjs/common';
import { Actor, CsrfIFormulardel, CurrentActor, Roller } from '@app/auth';
import { notFound, sendFil } from '@app/core';
import { PdfUppladdning, UppladdadFil, Uppladdning } from '@app/archive';
import { RemisshandlingService } from '@app/remiss';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { HandlingarFormular } from './remisser.dto';
import { remissId, tillStatus } from './utkast.controller';

const sidor = (n: number) => (n === 1 ? '1 sida' : `${n} sidor`);

/** The remisshandlingar of an utkast: upload (the page count shown), order, remove, open. */
@Roller('remissansvarig')
@WebController('remisser/:id/handlingar')
export class HandlingarController {
  constructor(private readonly handlingar: RemisshandlingService) {}

  @Get()
  async visa(@CurrentActor() actor: Actor, @Param('id', remissId) id: string) {
    const vy = await this.handlingar.view(actor, id);
    return vy.remiss.status === 'utkast' ? sida('remisser/handlingar', { vy }) : tillStatus(id);
  }

  /** The upload (multipart, its token first) and each handling's move and removal post here. */
  @Post()
  @CsrfIFormulardel()
  @UseInterceptors(PdfUppladdning)
  async andra(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Body() form: HandlingarFormular,
    @UppladdadFil() fil: Uppladdning | undefined,
  ) {
    const tillbaka = `/remisser/${id}/handlingar`;
    if (form.atgard === 'ladda-upp') {
      const h = await this.handlingar.uploadRemisshandling(actor, id, fil, form.titel);
      return omdirigera(tillbaka, { rubrik: `${h.titel} är uppladdad`, text: `Handlingen har ${sidor(h.sidantal)}.` });
    }
    if (form.atgard === 'ta-bort') {
      await this.handlingar.removeRemisshandling(actor, id, form.handlingId!);
      return omdirigera(tillbaka, { rubrik: 'Handlingen är borttagen' });
    }
    await this.handlingar.moveRemisshandling(actor, id, form.handlingId!, form.atgard);
    return omdirigera(tillbaka, {
      rubrik: form.atgard === 'upp' ? 'Handlingen är flyttad upp' : 'Handlingen är flyttad ned',
    });
  }

  @Get(':handlingId/pdf')
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('handlingId', new ParseUUIDPipe({ exceptionFactory: () => notFound('Remisshandling') })) handling: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.handlingar.fil(actor, id, handling));
  }
}

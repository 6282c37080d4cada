import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { Actor, CurrentActor } from '@app/auth';
import { notFound, sendFil } from '@app/core';
import {
  SammanstallningQuery,
  SammanstallningService,
  StallningstagandeDto,
  StallningstagandeService,
} from '@app/remiss';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { sammanstallningSida, STALLNINGSTAGANDEVAL, stallningstagandenamn, synpunktKort } from './sammanstallning-vy';

/** An id that is not one is a page that does not exist. */
const remissId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Remiss') });
const synpunktId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Synpunkt') });

/**
 * The remissansvarig's sammanställning of a sent remiss: the answers' positions, the synpunkter by
 * handling and page and by fråga, filtered; a ställningstagande per synpunkt; the PDF and the CSV.
 */
@WebController('remisser/:id')
export class SammanstallningController {
  constructor(
    private readonly sammanstallning: SammanstallningService,
    private readonly stallningstaganden: StallningstagandeService,
  ) {}

  @Get('sammanstallning')
  async visa(@CurrentActor() actor: Actor, @Param('id', remissId) id: string, @Query() urval: SammanstallningQuery) {
    const doc = await this.sammanstallning.dokument(actor, id, urval);
    return sida('sammanstallning/sammanstallning', { remissId: id, doc, urval, vy: sammanstallningSida(doc, urval) });
  }

  @Get('sammanstallning.pdf')
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.sammanstallning.pdfFil(actor, id));
  }

  @Get('sammanstallning.csv')
  async csv(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.sammanstallning.csv(actor, id));
  }

  @Get('sammanstallning/synpunkter/:synpunktId')
  async visaStallningstagande(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('synpunktId', synpunktId) synpunkt: string,
  ) {
    const vy = await this.stallningstaganden.getSynpunkt(actor, id, synpunkt);
    return sida('sammanstallning/stallningstagande', {
      vy,
      kort: synpunktKort(vy.synpunkt),
      val: STALLNINGSTAGANDEVAL,
      historik: vy.historik.map((h) => ({ ...h, namn: stallningstagandenamn(h.beslut) })),
    });
  }

  @Post('sammanstallning/synpunkter/:synpunktId')
  async recordStallningstagande(
    @CurrentActor() actor: Actor,
    @Param('id', remissId) id: string,
    @Param('synpunktId', synpunktId) synpunkt: string,
    @Body() form: StallningstagandeDto,
  ) {
    const ny = await this.stallningstaganden.record(actor, id, synpunkt, form);
    return omdirigera(`/remisser/${id}/sammanstallning#synpunkt-${synpunkt}`, {
      rubrik: `Ställningstagandet är sparat: ${stallningstagandenamn(ny.beslut).toLowerCase()}`,
      text: ny.version > 1 ? `Det ersätter det tidigare (version ${ny.version}); historiken finns kvar.` : undefined,
    });
  }
}

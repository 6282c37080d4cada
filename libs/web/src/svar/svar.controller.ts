import { Body, Get, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { Actor, CurrentActor } from '@app/auth';
import { ParsePositiveIntPipe, sendFil, SidQuery } from '@app/core';
import { InstansSvarService } from '@app/svar';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { WebbRequest } from '../grund/webb-kontext';
import { BeslutFormular, SvarFormular } from './svar.dto';
import { beslutAv, formularAv, innehallAv, withAtgard } from './svarsformular';

const Instans = () => Param('instansId', new ParseUUIDPipe());
const svarssida = (instansId: string, del = '') => `/inkorg/${instansId}/svar${del}`;

/**
 * The nämnd's answer to one remissinstans: the editor (works without JavaScript: every button is a
 * submit button of the one form, and saves), its history, the preview, för beslut and back, beslut
 * and expediering. Each handler calls one InstansSvarService method; the rules are the domain's.
 */
@WebController('inkorg/:instansId/svar')
export class SvarController {
  constructor(private readonly svar: InstansSvarService) {}

  @Get()
  async editor(@CurrentActor() actor: Actor, @Instans() instansId: string, @Query('ny') ny?: string) {
    const vy = await this.svar.editor(actor, instansId);
    return sida('svar/editor', { vy, formular: formularAv(vy), nySynpunkt: ny === '1' });
  }

  @Post()
  async spara(
    @CurrentActor() actor: Actor,
    @Instans() instansId: string,
    @Body() form: SvarFormular,
    @Req() req: WebbRequest,
  ) {
    const ordnat = withAtgard(form);
    // A refused save comes back as it was sent: in the order and number just asked for.
    req.body = ordnat;
    const { version, innehall } = innehallAv(ordnat);
    const svar = await this.svar.save(actor, instansId, version, innehall);
    if (form.atgard === 'lagg-till')
      return omdirigera(`${svarssida(instansId)}?ny=1#synpunkt-${svar.synpunkter.length + 1}`, {
        rubrik: 'Svaret är sparat',
        text: 'Skriv den nya synpunkten längst ned.',
      });
    return omdirigera(svarssida(instansId), { rubrik: 'Svaret är sparat', text: `Version ${svar.version}.` });
  }

  @Get('historik')
  async historik(@CurrentActor() actor: Actor, @Instans() instansId: string, @Query() query: SidQuery) {
    return sida('svar/historik', { vy: await this.svar.historik(actor, instansId, query) });
  }

  @Get('historik/:version')
  async revision(
    @CurrentActor() actor: Actor,
    @Instans() instansId: string,
    @Param('version', new ParsePositiveIntPipe()) version: number,
  ) {
    return sida('svar/revision', { vy: await this.svar.revision(actor, instansId, version) });
  }

  @Get('forhandsvisning')
  async forhandsvisning(
    @CurrentActor() actor: Actor,
    @Instans() instansId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.svar.preview(actor, instansId));
  }

  @Get('for-beslut')
  async visaForBeslut(@CurrentActor() actor: Actor, @Instans() instansId: string) {
    return sida('svar/bekrafta', { vy: await this.svar.editor(actor, instansId), atgard: 'for-beslut' });
  }

  @Post('for-beslut')
  async forBeslut(@CurrentActor() actor: Actor, @Instans() instansId: string) {
    await this.svar.submitForBeslut(actor, instansId);
    return omdirigera(svarssida(instansId), { rubrik: 'Svaret ligger nu för beslut' });
  }

  @Get('till-utkast')
  async visaTillUtkast(@CurrentActor() actor: Actor, @Instans() instansId: string) {
    return sida('svar/bekrafta', { vy: await this.svar.editor(actor, instansId), atgard: 'till-utkast' });
  }

  @Post('till-utkast')
  async tillUtkast(@CurrentActor() actor: Actor, @Instans() instansId: string) {
    await this.svar.returnToUtkast(actor, instansId);
    return omdirigera(svarssida(instansId), { rubrik: 'Svaret är ett utkast igen' });
  }

  @Get('beslut')
  async visaBeslut(@CurrentActor() actor: Actor, @Instans() instansId: string) {
    return sida('svar/beslut', { vy: await this.svar.beslutSida(actor, instansId) });
  }

  @Post('beslut')
  async beslut(@CurrentActor() actor: Actor, @Instans() instansId: string, @Body() form: BeslutFormular) {
    await this.svar.recordBeslut(actor, instansId, beslutAv(form));
    return omdirigera(svarssida(instansId, '/expediera'), { rubrik: 'Beslutet är registrerat' });
  }

  @Get('expediera')
  async visaExpediering(@CurrentActor() actor: Actor, @Instans() instansId: string) {
    return sida('svar/expediera', { vy: await this.svar.expedieringSida(actor, instansId) });
  }

  @Post('expediera')
  async expediera(@CurrentActor() actor: Actor, @Instans() instansId: string) {
    await this.svar.send(actor, instansId);
    return omdirigera(svarssida(instansId, '/expediera'), { rubrik: 'Svaret är expedierat' });
  }

  @Get('pdf')
  async skickat(
    @CurrentActor() actor: Actor,
    @Instans() instansId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.svar.sentPdf(actor, instansId));
  }
}

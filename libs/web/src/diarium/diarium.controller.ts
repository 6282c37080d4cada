import { Body, Get, Param, ParseUUIDPipe, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  DiarierService,
  DiariumService,
  NyHandlingDto,
  PdfUppladdning,
  SekretessDto,
  UppladdadFil,
  Uppladdning,
} from '@app/archive';
import { Actor, CsrfIFormulardel, CurrentActor } from '@app/auth';
import { notFound, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { omdirigera, sida } from '../grund/sida';
import { sidlankar } from '../grund/sidlankar';
import { WebController } from '../grund/web-controller.decorator';
import { diariumHref, diariumQuery, diariumRubriker, filtrerad } from './diarium-lankar';
import { DiariumSokFilter } from './diarium.dto';

const arendeId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Ärende') });
const handlingId = new ParseUUIDPipe({ exceptionFactory: () => notFound('Handling') });

const RIKTNINGAR = [
  { value: 'inkommande', text: 'Inkommande' },
  { value: 'utgaende', text: 'Utgående' },
  { value: 'upprattad', text: 'Upprättad' },
];

/**
 * The registrator's diarium: the search (filters, sort, pages and its CSV extract), one ärende with
 * its handlingar, and what is done by hand there (register an inkommande handling, mark sekretess,
 * close the ärende). Every rule is DiariumService's, as for the API.
 */
@WebController('diarium')
export class DiariumSidController {
  constructor(
    private readonly diarium: DiariumService,
    private readonly diarier: DiarierService,
  ) {}

  @Get()
  async sok(@CurrentActor() actor: Actor, @Query() filter: DiariumSokFilter) {
    const traffar = await this.diarium.search(actor, filter);
    const diarier = await this.diarier.list(actor);
    const enheter = diarier.flatMap((d) => d.enheter).sort((a, b) => a.namn.localeCompare(b.namn, 'sv'));
    return sida('diarium/sok', {
      traffar,
      filter,
      diarier,
      enheter,
      riktningar: RIKTNINGAR,
      filtrerad: filtrerad(filter),
      rubriker: diariumRubriker(filter),
      sidnumrering: sidlankar(traffar, (page) => diariumHref({ ...filter, page })),
      csvHref: `/diarium/export.csv${diariumQuery(filter, false) ? `?${diariumQuery(filter, false)}` : ''}`,
    });
  }

  @Get('export.csv')
  async csv(
    @CurrentActor() actor: Actor,
    @Query() filter: DiariumSokFilter,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.diarium.csv(actor, filter));
  }

  @Get('arenden/:id')
  async arende(@CurrentActor() actor: Actor, @Param('id', arendeId) id: string) {
    return sida('diarium/arende', { vy: await this.diarium.getArende(actor, id) });
  }

  @Get('arenden/:id/handlingar/:handlingId/fil')
  async fil(
    @CurrentActor() actor: Actor,
    @Param('id', arendeId) id: string,
    @Param('handlingId', handlingId) handling: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.diarium.fil(actor, id, handling));
  }

  @Get('arenden/:id/registrera')
  async visaRegistrering(@CurrentActor() actor: Actor, @Param('id', arendeId) id: string) {
    return sida('diarium/registrera', { vy: await this.diarium.getArendeAttAndra(actor, id) });
  }

  @Post('arenden/:id/registrera')
  @CsrfIFormulardel()
  @UseInterceptors(PdfUppladdning)
  async registrera(
    @CurrentActor() actor: Actor,
    @Param('id', arendeId) id: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @Body() form: NyHandlingDto,
  ) {
    const handling = await this.diarium.registerInkommande(actor, id, form, fil);
    const sekretess = handling.sekretess ? ` Den är sekretessmarkerad enligt ${handling.sekretess}.` : '';
    return omdirigera(`/diarium/arenden/${id}`, {
      rubrik: `Handlingen är registrerad som nummer ${handling.lopnummer}`,
      text: (handling.filId ? 'Filen är sparad och arkiveras.' : 'Ingen fil bifogades.') + sekretess,
    });
  }

  @Get('arenden/:id/handlingar/:handlingId/sekretess')
  async visaSekretess(
    @CurrentActor() actor: Actor,
    @Param('id', arendeId) id: string,
    @Param('handlingId', handlingId) handling: string,
  ) {
    const vy = await this.diarium.getArendeAttAndra(actor, id);
    const h = vy.handlingar.find((x) => x.id === handling);
    if (!h) throw notFound('Handling');
    return sida('diarium/sekretess', { vy, handling: h });
  }

  @Post('arenden/:id/handlingar/:handlingId/sekretess')
  async sekretess(
    @CurrentActor() actor: Actor,
    @Param('id', arendeId) id: string,
    @Param('handlingId', handlingId) handling: string,
    @Body() form: SekretessDto,
  ) {
    const h = await this.diarium.markSekretess(actor, id, handling, form);
    return omdirigera(`/diarium/arenden/${id}`, {
      rubrik: `Handling ${h.lopnummer} är sekretessmarkerad`,
      text: `Avsändare och beskrivning visas nu bara för den som har en roll vid ärendets enhet (${h.sekretess}).`,
    });
  }

  @Get('arenden/:id/avsluta')
  async visaAvslut(@CurrentActor() actor: Actor, @Param('id', arendeId) id: string) {
    return sida('diarium/avsluta', { vy: await this.diarium.getArendeAttAndra(actor, id) });
  }

  @Post('arenden/:id/avsluta')
  async avsluta(@CurrentActor() actor: Actor, @Param('id', arendeId) id: string) {
    const arende = await this.diarium.closeArende(actor, id);
    return omdirigera(`/diarium/arenden/${id}`, { rubrik: `Ärende ${arende.diarienummer} är avslutat` });
  }
}

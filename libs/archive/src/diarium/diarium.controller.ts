import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { filResponse, PDF_RESPONSE, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { PdfUppladdning, UppladdadFil, Uppladdning } from '../fil/pdf-uppladdning.interceptor';
import { DiarierService } from './diarier.service';
import {
  DiariumSokQuery,
  EnhetDiariumDto,
  NyHandlingDto,
  NyttArendeDto,
  NyttDiariumDto,
  SekretessDto,
} from './diarium.dto';
import {
  ArendeMedHandlingarResponse,
  ArendeResponse,
  DiarieformatResponse,
  DiariumResponse,
  DiariumSokSida,
  HandlingResponse,
} from './diarium.response';
import { DiariumService } from './diarium.service';

/** A hand registration's body: NyHandlingDto's fields, and the handling's PDF when it is sent as multipart. */
const NY_HANDLING_BODY = {
  schema: {
    type: 'object',
    required: ['datum', 'motpart', 'beskrivning'],
    properties: {
      datum: { type: 'string', format: 'date', example: '2026-03-02' },
      motpart: { type: 'string', example: 'Region Uppsala' },
      beskrivning: { type: 'string', example: 'Yttrande över förslag till policy för digital omställning' },
      sekretess: { type: 'string', example: 'OSL 21 kap. 7 §' },
      fil: { type: 'string', format: 'binary', description: 'The handling as PDF (multipart only; optional)' },
    },
  },
};

@ApiTags('diarium')
@Controller('api')
export class DiariumController {
  constructor(
    private readonly service: DiariumService,
    private readonly diarier: DiarierService,
  ) {}

  @Get('diarier')
  @ApiOperation({ summary: "The diarier of the caller's organisation, each with the enheter numbered in it" })
  @ApiOkResponse({ type: [DiariumResponse] })
  list(@CurrentActor() actor: Actor) {
    return this.diarier.list(actor);
  }

  @Post('diarier')
  @ApiOperation({ summary: 'Create a diarium with its prefix and format (admin)' })
  @ApiCreatedResponse({ type: DiariumResponse })
  create(@CurrentActor() actor: Actor, @Body() body: NyttDiariumDto) {
    return this.diarier.create(actor, body);
  }

  @Put('enheter/:id/diarium')
  @ApiOperation({ summary: "Set the diarium an enhet's new ärenden are numbered in (admin)" })
  @ApiOkResponse({ type: DiariumResponse })
  setEnhetensDiarium(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: EnhetDiariumDto,
  ) {
    return this.diarier.setEnhetensDiarium(actor, id, body);
  }

  @Post('diarier/forhandsvisning')
  @HttpCode(200)
  @ApiOperation({ summary: 'How numbers of a format and prefix read this year (nothing is stored)' })
  @ApiOkResponse({ type: DiarieformatResponse })
  preview(@Body() body: NyttDiariumDto) {
    return this.diarier.preview(body.format, body.prefix);
  }

  @Post('diarier/:id/arenden')
  @ApiOperation({ summary: 'Open an ärende: allocate the next diarienummer or register an entered one' })
  @ApiCreatedResponse({ type: ArendeResponse })
  register(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: NyttArendeDto) {
    return this.service.openArende(actor, id, body);
  }

  @Get('arenden')
  @ApiOperation({
    summary: "Search the organisation's diarium (registrator): dnr, text, dates, riktning, enhet, state",
  })
  @ApiOkResponse({ type: DiariumSokSida })
  search(@CurrentActor() actor: Actor, @Query() query: DiariumSokQuery) {
    return this.service.search(actor, query);
  }

  @Get('arenden.csv')
  @ApiOperation({ summary: "The handlingar the search finds as CSV (UTF-8 with BOM, ';'), sekretess applied" })
  @ApiOkResponse(filResponse('text/csv; charset=utf-8', 'The diarium extract as CSV'))
  async csv(
    @CurrentActor() actor: Actor,
    @Query() query: DiariumSokQuery,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.service.csv(actor, query));
  }

  @Get('arenden/:id')
  @ApiOperation({ summary: 'One ärende with its registered handlingar (sekretess hides motpart and beskrivning)' })
  @ApiOkResponse({ type: ArendeMedHandlingarResponse })
  arende(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.service.getArende(actor, id);
  }

  @Post('arenden/:id/handlingar')
  @UseInterceptors(PdfUppladdning)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiBody(NY_HANDLING_BODY)
  @ApiOperation({
    summary:
      'Register an inkommande handling by hand: datum, avsändare and beskrivning (OSL 5 kap. 2 §), and its PDF (multipart field fil; checked as any upload, archived) unless only noted',
  })
  @ApiCreatedResponse({ type: HandlingResponse })
  registerHandling(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @Body() body: NyHandlingDto,
  ) {
    return this.service.registerInkommande(actor, id, body, fil);
  }

  @Get('arenden/:id/handlingar/:handlingId/fil')
  @ApiOperation({ summary: "A handling's document (a sekretess handling's only with a role at the enhet)" })
  @ApiOkResponse(PDF_RESPONSE)
  async fil(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('handlingId', new ParseUUIDPipe()) handlingId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.service.fil(actor, id, handlingId));
  }

  @Put('arenden/:id/handlingar/:handlingId/sekretess')
  @ApiOperation({ summary: 'Mark a handling sekretess under an OSL paragraph' })
  @ApiOkResponse({ type: HandlingResponse })
  sekretess(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('handlingId', new ParseUUIDPipe()) handlingId: string,
    @Body() body: SekretessDto,
  ) {
    return this.service.markSekretess(actor, id, handlingId, body);
  }

  @Post('arenden/:id/avsluta')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close an ärende (oppet → avslutat)' })
  @ApiOkResponse({ type: ArendeResponse })
  close(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.service.closeArende(actor, id);
  }
}

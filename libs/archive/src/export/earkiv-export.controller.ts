import { Body, Controller, Get, Header, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { JSON_CONTENT_TYPE, sendFil, SidQuery, ZIP_RESPONSE } from '@app/core';
import type { FastifyReply } from 'fastify';
import { NyExportDto } from './earkiv-export.dto';
import { EarkivExportResponse, EarkivExportSidaResponse } from './earkiv-export.response';
import { EarkivExportService } from './earkiv-export.service';

@ApiTags('earkiv')
@Roller('registrator')
@Controller('api/earkiv/exporter')
export class EarkivExportController {
  constructor(private readonly exporter: EarkivExportService) {}

  @Get()
  @ApiOperation({ summary: 'The e-arkiv exports of the diarier where the caller is registrator, newest first' })
  @ApiOkResponse({ type: EarkivExportSidaResponse })
  @Header('Content-Type', JSON_CONTENT_TYPE)
  list(@CurrentActor() actor: Actor, @Query() sida: SidQuery) {
    return this.exporter.list(actor, sida);
  }

  @Post()
  @ApiOperation({
    summary: "Order an FGS Paketstruktur 2.0 package of one ärende or of a diarium's period; built by a worker",
  })
  @ApiCreatedResponse({ type: EarkivExportResponse })
  order(@CurrentActor() actor: Actor, @Body() body: NyExportDto) {
    return this.exporter.order(actor, body);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One export: its state and progress (handlingar written of all)' })
  @ApiOkResponse({ type: EarkivExportResponse })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.exporter.get(actor, id);
  }

  @Get(':id/paket')
  @ApiOperation({ summary: 'The finished package (zip), streamed' })
  @ApiOkResponse(ZIP_RESPONSE)
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.exporter.download(actor, id));
  }
}

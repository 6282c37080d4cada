import { Controller, Get, Param, ParseUUIDPipe, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { sendPdf } from '@app/core';
import type { FastifyReply } from 'fastify';
import { SammanstallningService } from './sammanstallning.service';

@ApiTags('remissammanställning')
@Roller('remissansvarig')
@Controller('api/remisser/:id')
export class SammanstallningController {
  constructor(private readonly sammanstallning: SammanstallningService) {}

  @Get('sammanstallning')
  @ApiOperation({
    summary:
      'Expedierade answers grouped by remisshandling and page, counts per kind, those without reference, declined and not answered',
  })
  json(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.sammanstallning.dokument(actor, id);
  }

  @Get('sammanstallning.csv')
  @ApiOperation({ summary: 'The same as CSV: UTF-8 with BOM, semicolon-separated (opens in Swedish Excel)' })
  async csv(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { filnamn, data } = await this.sammanstallning.csv(actor, id);
    res.headers({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filnamn)}`,
    });
    return new StreamableFile(data);
  }

  @Get('sammanstallning.pdf')
  @ApiOperation({ summary: 'The same as PDF (remissammanstallning template)' })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { filnamn, data } = await this.sammanstallning.pdfFil(actor, id);
    return sendPdf(res, filnamn, data, 'attachment');
  }
}

import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { filResponse, PDF_RESPONSE, sendFil } from '@app/core';
import { RemissammanstallningResponse } from './sammanstallning.response';
import type { FastifyReply } from 'fastify';
import { SammanstallningQuery } from './sammanstallning.dto';
import { SammanstallningService } from './sammanstallning.service';

@ApiTags('remissammanställning')
@Roller('remissansvarig')
@Controller('api/remisser/:id')
export class SammanstallningController {
  constructor(private readonly sammanstallning: SammanstallningService) {}

  @Get('sammanstallning')
  @ApiOperation({
    summary:
      "Expedierade answers grouped by remisshandling and page, counts per kind, those without reference, the answers per fråga, each ställning and their counts, declined and not answered, every instans' dnr and anstånd, and the sender's current ställningstagande per synpunkt; optionally narrowed to one kind and one instans",
  })
  @ApiOkResponse({ type: RemissammanstallningResponse })
  json(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() urval: SammanstallningQuery,
  ) {
    return this.sammanstallning.dokument(actor, id, urval);
  }

  @Get('sammanstallning.csv')
  @ApiOperation({ summary: 'The same as CSV: UTF-8 with BOM, semicolon-separated (opens in Swedish Excel)' })
  @ApiOkResponse(filResponse('text/csv; charset=utf-8', 'The sammanställning as CSV'))
  async csv(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.sammanstallning.csv(actor, id));
  }

  @Get('sammanstallning.pdf')
  @ApiOperation({ summary: 'The same as PDF (remissammanstallning template)' })
  @ApiOkResponse(PDF_RESPONSE)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.sammanstallning.pdfFil(actor, id));
  }
}

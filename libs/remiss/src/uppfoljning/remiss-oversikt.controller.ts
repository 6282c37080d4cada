import { Controller, Get, Header, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { JSON_CONTENT_TYPE, PDF_RESPONSE, sendFil } from '@app/core';
import { RemissSidaResponse, RemissStatusResponse } from './remiss-oversikt.response';
import type { FastifyReply } from 'fastify';
import { RemissOversiktService } from './remiss-oversikt.service';
import { RemissListQuery } from './remiss-uppfoljning.dto';

@ApiTags('remiss')
@Roller('remissansvarig')
@Controller('api/remisser')
export class RemissOversiktController {
  constructor(private readonly oversikt: RemissOversiktService) {}

  @Get()
  @ApiOperation({
    summary: "The organisation's remisser: filter by status, overdue, svarsdatum range and text; paginated and sorted",
  })
  @ApiOkResponse({ type: RemissSidaResponse })
  @Header('Content-Type', JSON_CONTENT_TYPE)
  list(@CurrentActor() actor: Actor, @Query() query: RemissListQuery) {
    return this.oversikt.list(actor, query);
  }

  @Get(':id/status')
  @ApiOperation({ summary: 'Each instans with status, own dnr, answered date and derived forsenad; counts per status' })
  @ApiOkResponse({ type: RemissStatusResponse })
  status(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.oversikt.status(actor, id);
  }

  @Get(':id/instanser/:instansId/svar.pdf')
  @ApiOperation({ summary: 'The PDF an external instans answered with' })
  @ApiOkResponse(PDF_RESPONSE)
  async externtSvar(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('instansId', new ParseUUIDPipe()) instansId: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.oversikt.externtSvar(actor, id, instansId));
  }
}

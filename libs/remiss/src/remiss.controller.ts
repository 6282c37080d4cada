import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { PDF_RESPONSE, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { RemissDetaljResponse } from './remiss.response';
import { RemissService } from './remiss.service';

@ApiTags('remiss')
@Controller('api/remisser')
export class RemissController {
  constructor(private readonly remisser: RemissService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One remiss with its remisshandlingar and the remissinstanser the caller may see' })
  @ApiOkResponse({ type: RemissDetaljResponse })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.remisser.get(actor, id);
  }

  @Get(':id/missiv')
  @ApiOperation({ summary: 'The remissmissiv PDF of a sent remiss' })
  @ApiOkResponse(PDF_RESPONSE)
  async missiv(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.remisser.missiv(actor, id));
  }
}

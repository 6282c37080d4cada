import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RemissResponse } from '../remiss.response';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { PDF_RESPONSE, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { SkickaSammanfattningResponse } from './skicka.response';
import { RemissUtskickService } from './remiss-utskick.service';

@ApiTags('remiss')
@Roller('remissansvarig')
@Controller('api/remisser')
export class RemissUtskickController {
  constructor(private readonly utskick: RemissUtskickService) {}

  @Post(':id/skicka')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send (utskickad): freezes the remiss, invites every instans, stores and registers the missiv, plans reminders, queues mails',
  })
  @ApiOkResponse({ type: RemissResponse })
  send(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.utskick.send(actor, id);
  }

  @Get(':id/skicka')
  @ApiOperation({
    summary: 'Before sending: who gets what, when the reminders go, and what still stops the send (in Swedish)',
  })
  @ApiOkResponse({ type: SkickaSammanfattningResponse })
  summary(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.utskick.summary(actor, id);
  }

  @Get(':id/missiv/forhandsvisning')
  @ApiOperation({ summary: 'The missiv of an utkast as it would be printed if sent now (nothing is stored)' })
  @ApiOkResponse(PDF_RESPONSE)
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.utskick.preview(actor, id));
  }
}

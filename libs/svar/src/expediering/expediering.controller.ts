import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { DOCX_RESPONSE, PDF_RESPONSE, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { NamndAvstaDto } from '../remissvar.dto';
import { RemissvarResponse } from '../remissvar.response';
import { ExpedieringService } from './expediering.service';

@ApiTags('remissvar')
@Controller('api')
export class ExpedieringController {
  constructor(private readonly expediering: ExpedieringService) {}

  @Post('remissvar/:id/expediera')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'beslutat → expedierat: final PDF (immutable, SHA-256) as utgående handling of the nämnd and inkommande of the sender, instans besvarad, reminders cancelled, kontaktperson notified',
  })
  @ApiOkResponse({ type: RemissvarResponse })
  send(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.expediering.send(actor, id);
  }

  @Post('remissinstanser/:id/avsta')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'The nämnd declines (avstår), with an optional short text: a short letter is sent like an answer and the instans becomes avstar',
  })
  @ApiOkResponse({ type: RemissvarResponse })
  submitAvstaende(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: NamndAvstaDto,
  ) {
    return this.expediering.submitAvstaende(actor, id, body.motivering);
  }

  @Get('remissvar/:id/forhandsvisning')
  @ApiOperation({ summary: 'The answer as PDF as it would be sent now (any state; only for those who may see it)' })
  @ApiOkResponse(PDF_RESPONSE)
  async preview(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.expediering.preview(actor, id));
  }

  @Get('remissvar/:id/pdf')
  @ApiOperation({ summary: 'The sent PDF of an expedierat answer (the nämnd and, from expediering on, the sender)' })
  @ApiOkResponse(PDF_RESPONSE)
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.expediering.pdf(actor, id));
  }

  @Get('remissvar/:id/docx')
  @ApiOperation({
    summary: 'The sent answer as the editable Word file mailed beside its PDF (whoever may see the PDF)',
  })
  @ApiOkResponse(DOCX_RESPONSE)
  async docx(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.expediering.docx(actor, id));
  }
}

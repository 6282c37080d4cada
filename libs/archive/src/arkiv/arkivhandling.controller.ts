import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { PDF_RESPONSE, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { ArkivhandlingResponse, VerifieringResponse } from './arkivhandling.response';
import { ArkivhandlingService } from './arkivhandling.service';

@ApiTags('arkiv')
@Controller('api/arkiv')
export class ArkivhandlingController {
  constructor(private readonly service: ArkivhandlingService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One archived document: metadata, SHA-256 of original and PDF/A, its verifications' })
  @ApiOkResponse({ type: ArkivhandlingResponse })
  get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.service.get(actor, id);
  }

  @Post(':id/verifiera')
  @HttpCode(200)
  @ApiOperation({ summary: 'Hash the stored bytes again and compare them with the SHA-256 stored at archiving' })
  @ApiOkResponse({ type: VerifieringResponse })
  verify(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.service.verify(actor, id);
  }

  @Get(':id/original.pdf')
  @ApiOperation({ summary: 'The archived original PDF' })
  @ApiOkResponse(PDF_RESPONSE)
  async original(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.service.file(actor, id, 'original'));
  }

  @Get(':id/pdfa.pdf')
  @ApiOperation({ summary: 'The PDF/A rendition (404 until it is made)' })
  @ApiOkResponse(PDF_RESPONSE)
  async pdfa(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.service.file(actor, id, 'pdfa'));
  }
}

import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FilRepository } from '@app/archive';
import { Actor, CurrentActor } from '@app/auth';
import { notFound, sendPdf } from '@app/core';
import type { FastifyReply } from 'fastify';
import { RemissvarUtskrift } from '../dokument/remissvar-utskrift';
import { RemissvarRepository } from '../remissvar.repository';
import { NamndAvstaDto } from '../remissvar.dto';
import { ExpedieringService } from './expediering.service';

@ApiTags('remissvar')
@Controller('api')
export class ExpedieringController {
  constructor(
    private readonly expediering: ExpedieringService,
    private readonly utskrift: RemissvarUtskrift,
    private readonly svar: RemissvarRepository,
    private readonly filer: FilRepository,
  ) {}

  @Post('remissvar/:id/expediera')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'beslutat → expedierat: final PDF (immutable, SHA-256) as utgående handling of the nämnd and inkommande of the sender, instans besvarad, reminders cancelled, kontaktperson notified',
  })
  expediera(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.expediering.expediera(actor, id);
  }

  @Post('remissinstanser/:id/avsta')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'The nämnd declines (avstår), with an optional short text: a short letter is sent like an answer and the instans becomes avstar',
  })
  avsta(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Body() body: NamndAvstaDto) {
    return this.expediering.avsta(actor, id, body.motivering);
  }

  @Get('remissvar/:id/forhandsvisning')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The answer as PDF as it would be sent now (any state; only for those who may see it)' })
  async forhandsvisning(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const { pdf, filnamn } = await this.utskrift.forhandsvisning(actor, id);
    return sendPdf(res, `forhandsvisning-${filnamn}`, pdf, 'inline');
  }

  @Get('remissvar/:id/pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The sent PDF of an expedierat answer (the nämnd and, from expediering on, the sender)' })
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<StreamableFile> {
    const svar = await this.svar.get(actor, id);
    if (!svar.slutligFilId) throw notFound('Sent PDF');
    const { fil, data } = await this.filer.data(svar.slutligFilId);
    return sendPdf(res, fil.filnamn, data, 'attachment');
  }
}

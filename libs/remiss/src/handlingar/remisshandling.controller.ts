import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { sendPdf } from '@app/core';
import type { FastifyReply } from 'fastify';
import { PDF_UPLOAD_BODY } from '../http/pdf-http';
import { PdfUppladdning, UppladdadFil } from './pdf-uppladdning.interceptor';
import { RemisshandlingService, Uppladdning } from './remisshandling.service';
import { RemissRepository } from '../remiss.repository';
import { TitelDto } from './titel.dto';

@ApiTags('remiss')
@Controller('api/remisser/:remissId/handlingar')
export class RemisshandlingController {
  constructor(
    private readonly handlingar: RemisshandlingService,
    private readonly remisser: RemissRepository,
  ) {}

  @Post()
  @Roller('remissansvarig')
  @UseInterceptors(PdfUppladdning)
  @ApiConsumes('multipart/form-data')
  @ApiBody(PDF_UPLOAD_BODY)
  @ApiOperation({
    summary:
      'Upload a remisshandling (PDF; not a PDF → 415; encrypted, corrupt, JavaScript or Launch actions, over the page, text, time or memory budget → 422; too large → 413; readers busy → 503; nothing stored then)',
  })
  ladda(
    @CurrentActor() actor: Actor,
    @Param('remissId', new ParseUUIDPipe()) remissId: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @Body() body: TitelDto,
  ) {
    return this.handlingar.laddaUpp(actor, remissId, fil, body.titel);
  }

  @Get()
  @ApiOperation({ summary: 'The remisshandlingar of a remiss the caller may see' })
  async list(@CurrentActor() actor: Actor, @Param('remissId', new ParseUUIDPipe()) remissId: string) {
    const remiss = await this.remisser.get(actor, remissId);
    return this.remisser.handlingar(remiss.id);
  }

  @Get(':id/fil')
  @ApiOperation({ summary: 'The PDF of a remisshandling' })
  async fil(
    @CurrentActor() actor: Actor,
    @Param('remissId', new ParseUUIDPipe()) remissId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { filnamn, data } = await this.handlingar.fil(actor, remissId, id);
    return sendPdf(res, filnamn, data, 'attachment');
  }

  @Delete(':id')
  @Roller('remissansvarig')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a remisshandling from an utkast' })
  async taBort(
    @CurrentActor() actor: Actor,
    @Param('remissId', new ParseUUIDPipe()) remissId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    await this.handlingar.taBort(actor, remissId, id);
  }
}

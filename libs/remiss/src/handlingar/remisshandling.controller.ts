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
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PdfUppladdning, UppladdadFil, Uppladdning } from '@app/archive';
import { Actor, CurrentActor, Roller } from '@app/auth';
import { PDF_RESPONSE, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { PDF_UPLOAD_BODY } from '../http/pdf-http';
import { RemisshandlingService } from './remisshandling.service';
import { RemisshandlingResponse } from '../remiss.response';
import { TitelDto } from './titel.dto';
import { FlyttaDto } from '../mottagare/mottagare.dto';

@ApiTags('remiss')
@Controller('api/remisser/:remissId/handlingar')
export class RemisshandlingController {
  constructor(private readonly handlingar: RemisshandlingService) {}

  @Post()
  @Roller('remissansvarig')
  @UseInterceptors(PdfUppladdning)
  @ApiConsumes('multipart/form-data')
  @ApiBody(PDF_UPLOAD_BODY)
  @ApiCreatedResponse({ type: RemisshandlingResponse })
  @ApiOperation({
    summary:
      'Upload a remisshandling (PDF; not a PDF → 415; encrypted, corrupt, JavaScript or Launch actions, over the page, text, time or memory budget → 422; too large → 413; readers busy → 503; nothing stored then)',
  })
  upload(
    @CurrentActor() actor: Actor,
    @Param('remissId', new ParseUUIDPipe()) remissId: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @Body() body: TitelDto,
  ) {
    return this.handlingar.uploadRemisshandling(actor, remissId, fil, body.titel);
  }

  @Get()
  @ApiOperation({ summary: 'The remisshandlingar of a remiss the caller may see' })
  @ApiOkResponse({ type: [RemisshandlingResponse] })
  list(@CurrentActor() actor: Actor, @Param('remissId', new ParseUUIDPipe()) remissId: string) {
    return this.handlingar.list(actor, remissId);
  }

  @Get(':id/fil')
  @ApiOperation({ summary: 'The PDF of a remisshandling' })
  @ApiOkResponse(PDF_RESPONSE)
  async fil(
    @CurrentActor() actor: Actor,
    @Param('remissId', new ParseUUIDPipe()) remissId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.handlingar.fil(actor, remissId, id));
  }

  @Post(':id/flytta')
  @Roller('remissansvarig')
  @HttpCode(204)
  @ApiOperation({ summary: 'Move a remisshandling of an utkast one place up or down' })
  @ApiNoContentResponse({ description: 'Moved (or already first / last)' })
  move(
    @CurrentActor() actor: Actor,
    @Param('remissId', new ParseUUIDPipe()) remissId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: FlyttaDto,
  ) {
    return this.handlingar.moveRemisshandling(actor, remissId, id, body.riktning);
  }

  @Delete(':id')
  @Roller('remissansvarig')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a remisshandling from an utkast' })
  @ApiNoContentResponse({ description: 'Removed' })
  remove(
    @CurrentActor() actor: Actor,
    @Param('remissId', new ParseUUIDPipe()) remissId: string,
    @Param('id', new ParseUUIDPipe()) id: string,
  ) {
    return this.handlingar.removeRemisshandling(actor, remissId, id);
  }
}

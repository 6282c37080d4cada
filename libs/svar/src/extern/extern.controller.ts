import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DOCX_MEDIA_TYPE,
  filResponse,
  ParsePositiveIntPipe,
  PDF_RESPONSE,
  Public,
  RateLimited,
  sendFil,
  SidQuery,
} from '@app/core';
import { SvarsUppladdning, UppladdadFil, UppladdadWordfil, Uppladdning } from '@app/archive';
import { SVAR_UPLOAD_BODY } from '@app/remiss';
import type { FastifyReply } from 'fastify';
import { RevisionSidaResponse } from '../remissvar.response';
import { AvstaDto, ExternRemissvarDto, SkickaExterntSvarDto } from './extern.dto';
import {
  ExternAvstodResponse,
  ExternBesvaradResponse,
  ExternKvittensResponse,
  ExternRemissResponse,
  ExternRemissvarResponse,
  ExternRevisionResponse,
} from './extern.response';
import { ExternRemissvarService } from './extern-remissvar.service';
import { ExternService } from './extern.service';

/**
 * An external remissinstans' personal link; no session. Unknown link → 404; revoked or expired
 * → 410 (naming the remiss' contact person); used → 410 for answering, while reading shows what
 * was sent; limited per client IP.
 */
@ApiTags('extern')
@Public()
@RateLimited('link')
@Controller('api/extern/:token')
export class ExternController {
  constructor(
    private readonly extern: ExternService,
    private readonly remissvar: ExternRemissvarService,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The remiss, its handlingar, the deadline, and the answer being written or (read-only) what was sent',
  })
  @ApiOkResponse({ type: ExternRemissResponse })
  get(@Param('token') token: string) {
    return this.extern.get(token);
  }

  @Get('handlingar/:id')
  @ApiOperation({ summary: 'The PDF of a remisshandling' })
  @ApiOkResponse(PDF_RESPONSE)
  async handling(
    @Param('token') token: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return sendFil(res, await this.extern.handling(token, id));
  }

  @Get('missiv')
  @ApiOperation({ summary: 'The remissmissiv PDF' })
  @ApiOkResponse(PDF_RESPONSE)
  async missiv(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.extern.missiv(token));
  }

  @Put('remissvar')
  @ApiOperation({
    summary:
      'Save the structured answer (synpunkter with checked quotes, own dnr, contact person): the first save creates it, later ones need body.version; stale → 409 STALE_VERSION',
  })
  @ApiOkResponse({ type: ExternRemissvarResponse })
  saveRemissvar(@Param('token') token: string, @Body() body: ExternRemissvarDto) {
    return this.remissvar.save(token, body);
  }

  @Get('remissvar/forhandsvisning')
  @ApiOperation({ summary: 'The structured answer as PDF, as it would be sent now' })
  @ApiOkResponse(PDF_RESPONSE)
  async previewRemissvar(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.remissvar.preview(token));
  }

  @Get('remissvar/revisioner')
  @ApiOperation({ summary: 'The saved versions of the structured answer, newest first' })
  @ApiOkResponse({ type: RevisionSidaResponse })
  revisioner(@Param('token') token: string, @Query() query: SidQuery) {
    return this.remissvar.revisioner(token, query);
  }

  @Get('remissvar/revisioner/:version')
  @ApiOperation({ summary: 'The content as saved in one version' })
  @ApiOkResponse({ type: ExternRevisionResponse })
  revision(@Param('token') token: string, @Param('version', new ParsePositiveIntPipe()) version: number) {
    return this.remissvar.revision(token, version);
  }

  @Post('remissvar/skicka')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Send the structured answer at body.version: registered with the sender, a kvittens with the answer as PDF mailed to the contact person',
  })
  @ApiOkResponse({ type: ExternKvittensResponse })
  sendRemissvar(@Param('token') token: string, @Body() body: SkickaExterntSvarDto) {
    return this.remissvar.send(token, body.version);
  }

  @Get('skickat/pdf')
  @ApiOperation({ summary: 'The answer as sent, as PDF (read-only, until the link expires)' })
  @ApiOkResponse(PDF_RESPONSE)
  async sentPdf(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.extern.sentFile(token, 'pdf'));
  }

  @Get('skickat/word')
  @ApiOperation({ summary: 'The Word file sent with a PDF answer' })
  @ApiOkResponse(filResponse(DOCX_MEDIA_TYPE, 'The Word file'))
  async sentWord(@Param('token') token: string, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.extern.sentFile(token, 'word'));
  }

  @Post('svar')
  @UseInterceptors(SvarsUppladdning)
  @ApiConsumes('multipart/form-data')
  @ApiBody(SVAR_UPLOAD_BODY)
  @ApiCreatedResponse({ type: ExternBesvaradResponse })
  @ApiOperation({
    summary:
      'Answer with a PDF (same checks as remisshandlingar), optionally with the same answer as .docx; registered as inkommande handlingar of the sender',
  })
  submitRemissvar(
    @Param('token') token: string,
    @UppladdadFil() fil: Uppladdning | undefined,
    @UppladdadWordfil() word: Uppladdning | undefined,
  ) {
    return this.extern.submitRemissvar(token, fil, word);
  }

  @Post('avstar')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline to answer (avstår), with an optional short text' })
  @ApiOkResponse({ type: ExternAvstodResponse })
  submitAvstaende(@Param('token') token: string, @Body() body: AvstaDto) {
    return this.extern.submitAvstaende(token, body.motivering);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PDF_RESPONSE, Public, RateLimited, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { PdfUppladdning, UppladdadFil, PDF_UPLOAD_BODY, Uppladdning } from '@app/remiss';
import { AvstaDto } from './extern.dto';
import { ExternAvstodResponse, ExternBesvaradResponse, ExternRemissResponse } from './extern.response';
import { ExternService } from './extern.service';

/** An external remissinstans' personal link; no session. Unknown link → 404, used/expired/revoked → 410; limited per client IP. */
@ApiTags('extern')
@Public()
@RateLimited('link')
@Controller('api/extern/:token')
export class ExternController {
  constructor(private readonly extern: ExternService) {}

  @Get()
  @ApiOperation({ summary: 'The remiss, its handlingar and the instans’ deadline' })
  @ApiOkResponse({ type: ExternRemissResponse })
  get(@Param('token') token: string) {
    return this.extern.get(token, 'visa');
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

  @Post('svar')
  @UseInterceptors(PdfUppladdning)
  @ApiConsumes('multipart/form-data')
  @ApiBody(PDF_UPLOAD_BODY)
  @ApiCreatedResponse({ type: ExternBesvaradResponse })
  @ApiOperation({
    summary: 'Answer with a PDF (same checks as remisshandlingar); registered as an inkommande handling of the sender',
  })
  submitRemissvar(@Param('token') token: string, @UppladdadFil() fil: Uppladdning | undefined) {
    return this.extern.submitRemissvar(token, fil);
  }

  @Post('avstar')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decline to answer (avstår), with an optional short text' })
  @ApiOkResponse({ type: ExternAvstodResponse })
  submitAvstaende(@Param('token') token: string, @Body() body: AvstaDto) {
    return this.extern.submitAvstaende(token, body.motivering);
  }
}

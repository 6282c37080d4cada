import { Body, Controller, Get, Put, Res, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CsrfIFormulardel, CurrentActor, Roller } from '@app/auth';
import { filResponse, sendFil } from '@app/core';
import type { FastifyReply } from 'fastify';
import { BrevhuvudDto } from './brevhuvud.dto';
import { BrevhuvudAdminResponse } from './brevhuvud.response';
import { BrevhuvudService } from './brevhuvud.service';
import { EmblemUppladdning, UppladdatEmblem } from './emblem-uppladdning.interceptor';

/** Admins: the organisation's letterhead, which every document it prints carries. */
@ApiTags('admin: brevhuvud')
@Roller('admin')
@Controller('api/admin/brevhuvud')
export class BrevhuvudController {
  constructor(private readonly brevhuvud: BrevhuvudService) {}

  @Get()
  @ApiOperation({ summary: "The organisation's letterhead (its letterhead folder's defaults until saved)" })
  @ApiOkResponse({ type: BrevhuvudAdminResponse })
  get(@CurrentActor() actor: Actor) {
    return this.brevhuvud.get(actor);
  }

  @Put()
  @ApiOperation({ summary: 'Replace the letterhead fields; the text colour needs a contrast ≥ 4.5:1 against white' })
  @ApiOkResponse({ type: BrevhuvudAdminResponse })
  update(@CurrentActor() actor: Actor, @Body() body: BrevhuvudDto) {
    return this.brevhuvud.update(actor, body);
  }

  @Put('emblem')
  @CsrfIFormulardel()
  @UseInterceptors(EmblemUppladdning)
  @ApiOperation({ summary: 'Replace the emblem: an SVG without script, events or outside references, or a PNG' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { emblem: { type: 'string', format: 'binary' } }, required: ['emblem'] },
  })
  @ApiOkResponse({ type: BrevhuvudAdminResponse })
  replaceEmblem(@CurrentActor() actor: Actor, @UppladdatEmblem() emblem: Buffer | undefined) {
    return this.brevhuvud.replaceEmblem(actor, emblem);
  }

  @Get('forhandsvisning')
  @ApiOperation({ summary: 'A short letter on the saved letterhead, as PDF' })
  @ApiOkResponse(filResponse('application/pdf', 'The preview PDF'))
  async preview(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: FastifyReply) {
    return sendFil(res, await this.brevhuvud.preview(actor));
  }
}

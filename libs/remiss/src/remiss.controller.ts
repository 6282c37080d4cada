import { Controller, Get, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { FilRepository } from '@app/archive';
import { Actor, CurrentActor } from '@app/auth';
import { notFound, sendPdf } from '@app/core';
import type { FastifyReply } from 'fastify';
import { RemissRepository } from './remiss.repository';

@ApiTags('remiss')
@Controller('api/remisser')
export class RemissController {
  constructor(
    private readonly remisser: RemissRepository,
    private readonly filer: FilRepository,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'One remiss with its remisshandlingar and the remissinstanser the caller may see' })
  async get(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string) {
    const remiss = await this.remisser.get(actor, id);
    // The planned recipients of a draft are the sender's business only.
    const { utkastMottagare, ...synligt } = remiss;
    return {
      ...synligt,
      ...(remiss.organisationId === actor.organisationId ? { utkastMottagare } : {}),
      handlingar: await this.remisser.handlingar(remiss.id),
      instanser: await this.remisser.instanser(actor, remiss),
    };
  }

  @Get(':id/missiv')
  @ApiOperation({ summary: 'The remissmissiv PDF of a sent remiss' })
  async missiv(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const remiss = await this.remisser.get(actor, id);
    if (!remiss.missivFilId) throw notFound('Missiv');
    const { fil, data } = await this.filer.data(remiss.missivFilId);
    return sendPdf(res, fil.filnamn, data, 'inline');
  }
}

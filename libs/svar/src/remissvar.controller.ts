import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@app/auth';
import { DomainError, INT4_MAX, invalidField, ParsePositiveIntPipe, SidQuery } from '@app/core';
import type { FastifyReply } from 'fastify';
import { BeslutDto, SparaRemissvarDto } from './remissvar.dto';
import { REMISSVAR_ETAG, RemissvarResponse, RevisionResponse, RevisionSidaResponse } from './remissvar.response';
import { RemissvarService } from './remissvar.service';

@ApiTags('remissvar')
@Controller('api/remissvar')
export class RemissvarController {
  constructor(private readonly service: RemissvarService) {}

  @Get(':id')
  @ApiOperation({
    summary: 'One remissvar with its synpunkter and beslut (drafts only within the answering enhet); ETag = version',
  })
  @ApiOkResponse({ type: RemissvarResponse, headers: REMISSVAR_ETAG })
  async get(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return withEtag(res, await this.service.get(actor, id));
  }

  @Put(':id')
  @ApiOperation({
    summary:
      'Save the content (utkast, for_beslut) under optimistic locking: If-Match: "<version>" or body.version; stale → 409 STALE_VERSION',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The ETag of the version the edit is based on' })
  @ApiOkResponse({ type: RemissvarResponse, headers: REMISSVAR_ETAG })
  async save(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SparaRemissvarDto,
    @Headers('if-match') ifMatch: string | undefined,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const { version, ...innehall } = body;
    return withEtag(res, await this.service.save(actor, id, grundversion(ifMatch, version), innehall));
  }

  @Get(':id/revisioner')
  @ApiOperation({ summary: 'Revision history, newest first: who, when, what changed' })
  @ApiOkResponse({ type: RevisionSidaResponse })
  revisioner(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe()) id: string, @Query() query: SidQuery) {
    return this.service.revisioner(actor, id, query);
  }

  @Get(':id/revisioner/:version')
  @ApiOperation({ summary: 'The content as saved in one revision' })
  @ApiOkResponse({ type: RevisionResponse })
  revision(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('version', new ParsePositiveIntPipe()) version: number,
  ) {
    return this.service.revision(actor, id, version);
  }

  @Post(':id/for-beslut')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'utkast → for_beslut' })
  @ApiOkResponse({ type: RemissvarResponse, headers: REMISSVAR_ETAG })
  async submitForBeslut(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return withEtag(res, await this.service.submitForBeslut(actor, id));
  }

  @Post(':id/till-utkast')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'for_beslut → utkast' })
  @ApiOkResponse({ type: RemissvarResponse, headers: REMISSVAR_ETAG })
  async returnToUtkast(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return withEtag(res, await this.service.returnToUtkast(actor, id));
  }

  @Post(':id/beslut')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'for_beslut → beslutat: record the nämnd decision (sammanträdesdatum + §) or delegationsbeslut (delegat + datum); content frozen from here',
  })
  @ApiOkResponse({ type: RemissvarResponse, headers: REMISSVAR_ETAG })
  async recordBeslut(
    @CurrentActor() actor: Actor,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: BeslutDto,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    return withEtag(res, await this.service.recordBeslut(actor, id, body));
  }
}

function withEtag(res: FastifyReply, vy: RemissvarResponse): RemissvarResponse {
  res.header('ETag', `"${vy.version}"`);
  return vy;
}

/** The version an edit is based on: If-Match (`"3"`, `W/"3"`) or the body's `version`. */
function grundversion(ifMatch: string | undefined, version: number | undefined): number {
  const fromHeader = ifMatch ? Number(/^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim())?.[1]) : undefined;
  if (fromHeader !== undefined && fromHeader > INT4_MAX) {
    throw invalidField(
      'If-Match',
      `If-Match names version ${fromHeader}, beyond any version (at most ${INT4_MAX})`,
      'If-Match anger en version som inte kan finnas.',
    );
  }
  const grund = fromHeader ?? version;
  if (grund === undefined || !Number.isInteger(grund)) {
    throw new DomainError('VERSION_REQUIRED');
  }
  return grund;
}

import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { clientAddress, Public, RateLimited } from '@app/core';
import type { FastifyRequest } from 'fastify';
import { Actor } from '../actor';
import { CurrentActor } from '../http/current-actor.decorator';
import { sessionToken } from '../http/session-cookie';
import { KontoService } from './konto.service';
import { BytLosenordDto, GlomtLosenordDto, NyttLosenordDto } from './konton.dto';
import { KontoLankResponse } from './konton.response';

@ApiTags('auth')
@Controller('api/konto')
export class LosenordController {
  constructor(private readonly konto: KontoService) {}

  @Post('losenord')
  @HttpCode(204)
  @ApiOperation({ summary: "Change one's own password (the current one required); other sessions end" })
  @ApiNoContentResponse({ description: 'Changed' })
  change(@CurrentActor() actor: Actor, @Body() dto: BytLosenordDto, @Req() req: FastifyRequest) {
    return this.konto.changeOwnPassword(
      actor,
      sessionToken(req),
      dto.nuvarandeLosenord,
      dto.nyttLosenord,
      clientAddress(req),
    );
  }

  @Public()
  @RateLimited('konto')
  @Post('glomt-losenord')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mail a reset link to the address if it has an account; the same answer either way' })
  @ApiNoContentResponse({ description: 'Received' })
  forgot(@Body() dto: GlomtLosenordDto) {
    return this.konto.requestReset(dto.epost);
  }

  @Public()
  @RateLimited('konto')
  @Get('lank/:token')
  @ApiOperation({ summary: "An invitation's or reset's one-time link: whose it is (410 when used or expired)" })
  @ApiOkResponse({ type: KontoLankResponse })
  view(@Param('token') token: string) {
    return this.konto.viewLank(token);
  }

  @Public()
  @RateLimited('konto')
  @Post('lank/:token')
  @HttpCode(204)
  @ApiOperation({ summary: 'Set the password through a one-time link, which is then used up' })
  @ApiNoContentResponse({ description: 'Password set' })
  async set(@Param('token') token: string, @Body() dto: NyttLosenordDto) {
    await this.konto.setPasswordWithLank(token, dto.losenord);
  }
}

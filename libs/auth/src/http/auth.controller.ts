import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { clientAddress, Public, RateLimited } from '@app/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../actor';
import { AuthService } from '../auth.service';
import { LoginDto } from './auth.dto';
import { InloggadResponse, toInloggadResponse } from './auth.response';
import { CurrentActor, RequestWithActor } from './current-actor.decorator';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @RateLimited('login')
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in; sets the session cookie and answers the CSRF token (csrfToken) that POST/PUT/PATCH/DELETE must send as X-CSRF-Token. Limited per client IP and per account (429 with Retry-After)',
  })
  @ApiOkResponse({ type: InloggadResponse })
  async login(@Body() body: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const { token, csrfToken, actor } = await this.auth.login(body.epost, body.losenord, clientAddress(req));
    setSessionCookie(req, res, token, this.auth.sessionTtlMs);
    return toInloggadResponse(actor, csrfToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out; ends the session' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const token = sessionToken(req);
    if (token) await this.auth.logout(token);
    clearSessionCookie(req, res);
  }

  @Get('me')
  @ApiOperation({ summary: "The signed-in user, its roles per enhet and the session's CSRF token" })
  @ApiOkResponse({ type: InloggadResponse })
  me(@CurrentActor() actor: Actor, @Req() req: RequestWithActor) {
    return toInloggadResponse(actor, req.csrfToken!);
  }
}

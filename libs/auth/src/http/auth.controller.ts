import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { clientAddress, Faltnamn, Public, RateLimited } from '@app/core';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Actor } from '../actor';
import { AuthService } from '../auth.service';
import { CurrentActor, RequestWithActor } from './current-actor.decorator';
import { clearSessionCookie, sessionToken, setSessionCookie } from './session-cookie';

@Faltnamn({ epost: 'e-postadress', losenord: 'lösenord' })
export class LoginDto {
  @ApiProperty({ example: 'un.sekreterare@enkoping.demo' })
  @IsEmail()
  @MaxLength(254)
  epost!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  losenord!: string;
}

/** The caller, and the CSRF token every unsafe request of this session must carry (header X-CSRF-Token). */
function describe(actor: Actor, csrfToken: string) {
  return {
    id: actor.anvandareId,
    namn: actor.namn,
    epost: actor.epost,
    organisationId: actor.organisationId,
    roller: actor.roller,
    csrfToken,
  };
}

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
  async login(@Body() body: LoginDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const { token, csrfToken, actor } = await this.auth.login(body.epost, body.losenord, clientAddress(req));
    setSessionCookie(req, res, token, this.auth.sessionTtlMs);
    return describe(actor, csrfToken);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out; ends the session' })
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const token = sessionToken(req);
    if (token) await this.auth.logout(token);
    clearSessionCookie(req, res);
  }

  @Get('me')
  @ApiOperation({ summary: "The signed-in user, its roles per enhet and the session's CSRF token" })
  me(@CurrentActor() actor: Actor, @Req() req: RequestWithActor) {
    return describe(actor, req.csrfToken!);
  }
}

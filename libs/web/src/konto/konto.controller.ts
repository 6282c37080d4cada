import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
import { Arbetsplats, AuthService, clearSessionCookie, sessionToken, setSessionCookie } from '@app/auth';
import { clientAddress, invalidField, Public, RateLimited } from '@app/core';
import type { FastifyReply } from 'fastify';
import { AktuellArbetsplats, VALD_ENHET_COOKIE, WebbRequest } from '../grund/webb-kontext';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { tillbaka } from '../grund/web-exception.filter';
import { LoggaInFormular, ValjEnhetFormular } from './konto.dto';

/** Signing in and out, and choosing the enhet to work in. */
@WebController()
export class KontoController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Get('logga-in')
  visaInloggning(@Query('tillbaka') till?: string, @Query('utgangen') utgangen?: string) {
    return sida('konto/logga-in', { tillbaka: till ? tillbaka(till) : undefined, utgangen: utgangen === '1' });
  }

  @Public()
  @RateLimited('login')
  @Post('logga-in')
  async loggaIn(@Body() form: LoggaInFormular, @Req() req: WebbRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const { token, actor } = await this.auth.login(form.epost, form.losenord, clientAddress(req));
    setSessionCookie(req, res, token, this.auth.sessionTtlMs);
    const till = tillbaka(form.tillbaka ?? '/');
    // Several enheter: choose one first, then go on.
    return actor.enheter().length > 1
      ? omdirigera(`/valj-enhet?tillbaka=${encodeURIComponent(till)}`)
      : omdirigera(till);
  }

  @Public()
  @Post('logga-ut')
  async loggaUt(@Req() req: WebbRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const token = sessionToken(req);
    if (token) await this.auth.logout(token);
    clearSessionCookie(req, res);
    res.clearCookie(VALD_ENHET_COOKIE, { path: '/' });
    return omdirigera('/logga-in', { rubrik: 'Du är utloggad' });
  }

  @Get('valj-enhet')
  visaEnhetsval(@AktuellArbetsplats() arbetsplats: Arbetsplats, @Query('tillbaka') till?: string) {
    return sida('konto/valj-enhet', { enheter: arbetsplats.enheter, tillbaka: tillbaka(till ?? '/') });
  }

  @Post('valj-enhet')
  valjEnhet(
    @Body() form: ValjEnhetFormular,
    @AktuellArbetsplats() arbetsplats: Arbetsplats,
    @Req() req: WebbRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ) {
    const enhet = arbetsplats.enheter.find((e) => e.id === form.enhet);
    if (!enhet) throw invalidField('enhet', 'Choose one of your enheter', 'Välj en av dina enheter.', 'enhet');
    res.setCookie(VALD_ENHET_COOKIE, enhet.id, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.protocol === 'https',
      path: '/',
    });
    return omdirigera(tillbaka(form.tillbaka ?? '/'), { rubrik: `Du arbetar nu för ${enhet.namn}` });
  }
}

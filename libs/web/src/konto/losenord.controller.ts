import { Body, Get, Param, Post, Req } from '@nestjs/common';
import {
  Actor,
  BytLosenordDto,
  CurrentActor,
  GlomtLosenordDto,
  KontoService,
  NyttLosenordDto,
  sessionToken,
} from '@app/auth';
import { clientAddress, Public, RateLimited } from '@app/core';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { WebbRequest } from '../grund/webb-kontext';

/**
 * One's own password: change it signed in, ask for a reset link, and set one through an invitation's or a
 * reset's one-time link. The public pages count against the `konto` rate limit, as the API's routes do.
 */
@WebController()
export class LosenordController {
  constructor(private readonly konto: KontoService) {}

  @Get('konto/losenord')
  visaByte() {
    return sida('konto/losenord');
  }

  @Post('konto/losenord')
  async byt(@CurrentActor() actor: Actor, @Body() form: BytLosenordDto, @Req() req: WebbRequest) {
    await this.konto.changeOwnPassword(
      actor,
      sessionToken(req),
      form.nuvarandeLosenord,
      form.nyttLosenord,
      clientAddress(req),
    );
    return omdirigera('/konto/losenord', {
      rubrik: 'Ditt lösenord är bytt',
      text: 'Du är utloggad överallt utom här.',
    });
  }

  @Public()
  @Get('glomt-losenord')
  visaGlomt() {
    return sida('konto/glomt-losenord');
  }

  @Public()
  @RateLimited('konto')
  @Post('glomt-losenord')
  async glomt(@Body() form: GlomtLosenordDto) {
    await this.konto.requestReset(form.epost);
    return omdirigera('/logga-in', {
      rubrik: 'Kolla din e-post',
      text: `Om ${form.epost} har ett konto har vi skickat en länk dit för att välja ett nytt lösenord.`,
    });
  }

  @Public()
  @RateLimited('konto')
  @Get(['inbjudan/:token', 'aterstall/:token'])
  async visaLank(@Param('token') token: string) {
    return sida('konto/lank', { lank: await this.konto.viewLank(token) });
  }

  @Public()
  @RateLimited('konto')
  @Post(['inbjudan/:token', 'aterstall/:token'])
  async sattLosenord(@Param('token') token: string, @Body() form: NyttLosenordDto) {
    const { epost } = await this.konto.setPasswordWithLank(token, form.losenord);
    return omdirigera('/logga-in', { rubrik: 'Ditt lösenord är sparat', text: `Logga in med ${epost}.` });
  }
}

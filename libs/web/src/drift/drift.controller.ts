import { Body, Get, Post } from '@nestjs/common';
import { Actor, CurrentActor, NyOrganisationDto, OnboardingService, Operator } from '@app/auth';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';

/** The platform operator's pages: the organisations on the platform, and a new one with its first admin. */
@Operator()
@WebController('drift/organisationer')
export class DriftController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get()
  async lista() {
    return sida('drift/organisationer', { organisationer: await this.onboarding.list() });
  }

  @Get('ny')
  ny() {
    return sida('drift/ny');
  }

  @Post('ny')
  async skapa(@CurrentActor() actor: Actor, @Body() form: NyOrganisationDto) {
    const skapad = await this.onboarding.create(actor, form);
    return omdirigera('/drift/organisationer', {
      rubrik: `${skapad.organisation.namn} är skapad`,
      text:
        `En inbjudan med en länk för att välja lösenord har skickats till ${skapad.adminEpost}. ` +
        `${skapad.enhetNamn} numrerar sina ärenden i ${skapad.diarium.namn}, från ${skapad.diarium.exempel}.`,
    });
  }
}

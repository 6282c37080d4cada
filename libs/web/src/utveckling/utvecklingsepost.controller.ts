import { Get } from '@nestjs/common';
import { Public } from '@app/core';
import { sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { UtvecklingsepostService } from './utvecklingsepost.service';

/** Development only: the mails the platform caught, so a newcomer can follow an invitation's link. */
@WebController('utveckling')
export class UtvecklingsepostController {
  constructor(private readonly epost: UtvecklingsepostService) {}

  // Public: the links in these mails are what a newcomer follows before signing in.
  @Public()
  @Get('epost')
  list() {
    return sida('utveckling/epost', this.epost.list());
  }
}

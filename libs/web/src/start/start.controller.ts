import { Get, Req } from '@nestjs/common';
import { notFound, Public } from '@app/core';
import { navigering } from '../grund/navigering';
import { omdirigera, sida } from '../grund/sida';
import { WebController } from '../grund/web-controller.decorator';
import { WebbRequest } from '../grund/webb-kontext';

/** The start page, the accessibility statement, and the Swedish 404 of every unknown page. */
@WebController()
export class StartController {
  /** Straight to the user's first section; a role without pages yet gets a start page that says so. */
  @Get()
  start(@Req() req: WebbRequest) {
    if (!req.webb?.valdEnhet && (req.webb?.arbetsplats?.enheter.length ?? 0) > 1) return omdirigera('/valj-enhet');
    const forsta = navigering(req.webb?.valdEnhet, '/', req.actor?.operator)[0];
    // The banner the last action left ("Du arbetar nu för …") goes on to the section's page.
    return forsta ? omdirigera(forsta.href, req.webb?.flash.notis) : sida('start');
  }

  @Public()
  @Get('tillganglighet')
  tillganglighet() {
    return sida('tillganglighet');
  }

  @Public()
  @Get('*')
  saknas() {
    throw notFound('Route');
  }
}

import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Arbetsplats, ArbetsplatsEnhet, RequestWithActor } from '@app/auth';
import { DomainError } from '@app/core';
import { Flash } from './flash.service';

/** What the page interceptor learnt before the handler runs: where the user works, the chosen enhet, the flash. */
export interface WebbKontext {
  arbetsplats?: Arbetsplats;
  valdEnhet?: ArbetsplatsEnhet;
  flash: Flash;
}

export type WebbRequest = RequestWithActor & { webb?: WebbKontext };

/** The browser's chosen enhet (a user with roles at several enheter works in one at a time). */
export const VALD_ENHET_COOKIE = 'remiss_enhet';

/** The chosen enhet: the cookie's, if the user still holds a role there; the only one, if there is one. */
export function valdEnhet(req: WebbRequest, arbetsplats: Arbetsplats): ArbetsplatsEnhet | undefined {
  if (arbetsplats.enheter.length === 1) return arbetsplats.enheter[0];
  const id = req.cookies[VALD_ENHET_COOKIE];
  return arbetsplats.enheter.find((e) => e.id === id);
}

/** Thrown when a page needs an enhet and none is chosen: the page filter sends the user to choose. */
export const ENHET_NOT_CHOSEN = new DomainError('ENHET_NOT_CHOSEN');

/** The signed-in user's chosen enhet; without one the user is sent to /valj-enhet first. */
export const ValdEnhet = createParamDecorator((_data: unknown, ctx: ExecutionContext): ArbetsplatsEnhet => {
  const enhet = ctx.switchToHttp().getRequest<WebbRequest>().webb?.valdEnhet;
  if (!enhet) throw ENHET_NOT_CHOSEN;
  return enhet;
});

/** Where the user works (organisation and enheter), for a page that lists or checks them. */
export const AktuellArbetsplats = createParamDecorator((_data: unknown, ctx: ExecutionContext): Arbetsplats => {
  const arbetsplats = ctx.switchToHttp().getRequest<WebbRequest>().webb?.arbetsplats;
  if (!arbetsplats) throw new Error('AktuellArbetsplats used on a public page');
  return arbetsplats;
});

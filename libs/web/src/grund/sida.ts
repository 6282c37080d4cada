/** A page to render: a template under templates/webb/sidor and what it shows. */
export class Sida {
  constructor(
    readonly mall: string,
    readonly data: Record<string, unknown> = {},
    readonly status = 200,
  ) {}
}

/** The notification banner the next page shows after an action (GOV.UK's success banner). */
export interface Notis {
  rubrik: string;
  text?: string;
}

/**
 * What an action that partly succeeded leaves for the next page besides its banner: the parts it
 * refused, beside their field, and what to show in it (an imported list's refused lines).
 */
export interface Rest {
  fel: { falt: string; meddelande: string }[];
  varden?: Record<string, unknown>;
}

/** Post, redirect, get: where the browser goes after an action (303), with a notification banner. */
export class Omdirigering {
  constructor(
    readonly till: string,
    readonly notis?: Notis,
    readonly rest?: Rest,
  ) {}
}

export const sida = (mall: string, data: Record<string, unknown> = {}, status = 200) => new Sida(mall, data, status);
export const omdirigera = (till: string, notis?: Notis, rest?: Rest) => new Omdirigering(till, notis, rest);

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

/** Post, redirect, get: where the browser goes after an action (303), with a notification banner. */
export class Omdirigering {
  constructor(
    readonly till: string,
    readonly notis?: Notis,
  ) {}
}

export const sida = (mall: string, data: Record<string, unknown> = {}, status = 200) => new Sida(mall, data, status);
export const omdirigera = (till: string, notis?: Notis) => new Omdirigering(till, notis);

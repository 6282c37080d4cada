import { Roll } from '@app/database';

export interface RollVidEnhet {
  enhetId: string;
  roll: Roll;
}

/** The signed-in caller. Every repository query is scoped by its organisation (and enheter). */
export class Actor {
  constructor(
    readonly anvandareId: string,
    readonly organisationId: string,
    readonly namn: string,
    readonly epost: string,
    readonly roller: readonly RollVidEnhet[],
    /** The platform operator (of the platform's own organisation): creates organisations, holds no enhet role. */
    readonly operator = false,
  ) {}

  hasRole(...roller: Roll[]): boolean {
    return this.roller.some((r) => roller.includes(r.roll));
  }

  hasRoleAt(enhetId: string, ...roller: Roll[]): boolean {
    return this.roller.some((r) => r.enhetId === enhetId && roller.includes(r.roll));
  }

  /** The enheter where the caller holds any of the given roles (all roles when none given). */
  enheter(...roller: Roll[]): string[] {
    return [
      ...new Set(this.roller.filter((r) => roller.length === 0 || roller.includes(r.roll)).map((r) => r.enhetId)),
    ];
  }
}

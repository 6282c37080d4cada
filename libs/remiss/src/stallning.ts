import { REMISSVAR_STALLNINGAR, RemissvarStallning } from '@app/database';

/**
 * How many answers take each position: the remiss' status view and its sammanställning count the
 * same way (an answer without one, an external PDF, is not counted).
 */
export function antalPerStallning(stallningar: (RemissvarStallning | null)[]): Record<RemissvarStallning, number> {
  return Object.fromEntries(REMISSVAR_STALLNINGAR.map((s) => [s, stallningar.filter((x) => x === s).length])) as Record<
    RemissvarStallning,
    number
  >;
}

import { describe, expect, it } from '@jest/globals';
import { STALLNINGSNAMN, STATUSNAMN } from '@app/core';
import { PAMINNELSE_STATUSAR } from './paminnelse.entity';
import { REMISS_STATUSAR, REMISSINSTANS_STATUSAR } from './remiss.entity';
import { REMISSVAR_STALLNINGAR, REMISSVAR_STATUSAR } from './remissvar.entity';

describe('the display names of libs/core name exactly the states of the tables', () => {
  it.each([
    ['remiss', REMISS_STATUSAR],
    ['remissinstans', REMISSINSTANS_STATUSAR],
    ['remissvar', REMISSVAR_STATUSAR],
    ['paminnelse', PAMINNELSE_STATUSAR],
    ['earkiv_export', PAMINNELSE_STATUSAR],
  ] as const)('%s', (maskin, statusar) => {
    expect(Object.keys(STATUSNAMN[maskin]).sort()).toEqual([...statusar].sort());
  });
});

describe("the display names of libs/core name exactly the remissvar's positions", () => {
  it('stallning', () => {
    expect(Object.keys(STALLNINGSNAMN).sort()).toEqual([...REMISSVAR_STALLNINGAR].sort());
  });
});

import { describe, expect, it } from '@jest/globals';
import { STALLNINGSNAMN, STALLNINGSTAGANDENAMN, STATUSNAMN } from '@app/core';
import { ARENDE_STATUSAR } from './diarium.entity';
import { PAMINNELSE_STATUSAR } from './paminnelse.entity';
import { REMISS_STATUSAR, REMISSINSTANS_STATUSAR } from './remiss.entity';
import { REMISSVAR_STALLNINGAR, REMISSVAR_STATUSAR } from './remissvar.entity';
import { STALLNINGSTAGANDE_BESLUT } from './stallningstagande.entity';

describe('the display names of libs/core name exactly the states of the tables', () => {
  it.each([
    ['remiss', REMISS_STATUSAR],
    ['remissinstans', REMISSINSTANS_STATUSAR],
    ['remissvar', REMISSVAR_STATUSAR],
    ['paminnelse', PAMINNELSE_STATUSAR],
    ['arende', ARENDE_STATUSAR],
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

describe("the display names of libs/core name exactly the sender's ställningstaganden", () => {
  it('stallningstagande', () => {
    expect(Object.keys(STALLNINGSTAGANDENAMN).sort()).toEqual([...STALLNINGSTAGANDE_BESLUT].sort());
  });
});

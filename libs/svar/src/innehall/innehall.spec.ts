import { describe, expect, it } from '@jest/globals';
import { describeAndring, RemissvarInnehall, saknadeFotnoter, SynpunktInnehall } from './innehall';

const synpunkt = (text: string): SynpunktInnehall => ({
  typ: 'ovrigt',
  rubrik: null,
  text,
  remisshandlingId: null,
  sida: null,
  citatinledning: null,
  citat: null,
  strykText: null,
  nyText: null,
  fotnoter: [],
});
const utkast: RemissvarInnehall = {
  titel: 'Svar',
  inledning: 'A',
  avslutning: 'B',
  fotnoter: [],
  synpunkter: [synpunkt('1'), synpunkt('2')],
};

describe('describeAndring', () => {
  it('names the changed parts, the added and the removed synpunkter', () => {
    expect(
      describeAndring(utkast, {
        ...utkast,
        inledning: 'A2',
        synpunkter: [synpunkt('1'), synpunkt('2b'), synpunkt('3')],
      }),
    ).toBe('Ändrat: inledning, synpunkt 2. Tillagt: synpunkt 3.');
    expect(describeAndring(utkast, { ...utkast, synpunkter: [synpunkt('1')] })).toBe('Borttaget: synpunkt 2.');
    expect(describeAndring(utkast, utkast)).toBe('Inga ändringar i innehållet.');
  });
});

describe('saknadeFotnoter', () => {
  it('lists markers without a footnote', () => {
    expect(saknadeFotnoter('Business intelligens[^1] och AI[^2]', ['Böten'])).toEqual([2]);
    expect(saknadeFotnoter('inga', [])).toEqual([]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { describeAndring, RemissvarInnehall, saknadeFotnoter, SynpunktInnehall } from './innehall';

const synpunkt = (text: string, id: string | null = `id-${text}`): SynpunktInnehall => ({
  id,
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
  stallning: null,
  fragesvar: [{ fraga: 1, text: 'Ja.' }],
  synpunkter: [synpunkt('1'), synpunkt('2')],
};

describe('describeAndring', () => {
  it('names the changed parts, the added and the removed synpunkter, matched by id', () => {
    expect(
      describeAndring(utkast, {
        ...utkast,
        inledning: 'A2',
        synpunkter: [synpunkt('1'), { ...synpunkt('2'), text: '2b' }, synpunkt('3', null)],
      }),
    ).toBe('Inledning ändrad; synpunkt 2 ändrad; synpunkt 3 tillagd.');
    expect(describeAndring(utkast, { ...utkast, synpunkter: [synpunkt('2')] })).toBe('Synpunkt 1 borttagen.');
    expect(describeAndring(utkast, utkast)).toBe('Inga ändringar i innehållet.');
  });

  it('reads a reorder as one, not as every moved synpunkt changed', () => {
    expect(describeAndring(utkast, { ...utkast, synpunkter: [synpunkt('2'), synpunkt('1')] })).toBe(
      'Synpunkter i ny ordning.',
    );
  });

  it('names the answers to frågor and the position', () => {
    expect(
      describeAndring(utkast, {
        ...utkast,
        stallning: 'tillstyrker_med_andringar',
        fragesvar: [
          { fraga: 1, text: 'Nej.' },
          { fraga: 2, text: 'Ja.' },
        ],
      }),
    ).toBe('Svar på fråga 1 ändrat; svar på fråga 2 tillagt; ställning ändrad till tillstyrker med ändringar.');
    expect(describeAndring({ ...utkast, stallning: 'avstyrker' }, { ...utkast, fragesvar: [] })).toBe(
      'Svar på fråga 1 borttaget; ställning borttagen.',
    );
  });
});

describe('saknadeFotnoter', () => {
  it('lists markers without a footnote', () => {
    expect(saknadeFotnoter('Business intelligens[^1] och AI[^2]', ['Böten'])).toEqual([2]);
    expect(saknadeFotnoter('inga', [])).toEqual([]);
  });
});

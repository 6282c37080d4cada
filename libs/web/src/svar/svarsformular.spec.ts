import { describe, expect, it } from '@jest/globals';
import { BeslutFormular, SvarFormular, SynpunktFalt } from './svar.dto';
import { beslutAv, innehallAv, withAtgard } from './svarsformular';

const synpunkt = (text: string, id?: string): SynpunktFalt => ({ id, typ: 'ovrigt', text });
const form = (atgard: string, ...synpunkter: SynpunktFalt[]): SvarFormular => ({ atgard, synpunkter });
const texter = (f: SvarFormular) => f.synpunkter!.map((p) => p.text);

describe('the editor form', () => {
  it('moves a synpunkt up or down and removes one, by its position in the form', () => {
    const tre = [synpunkt('a', 'id-a'), synpunkt('b', 'id-b'), synpunkt('c')];
    expect(texter(withAtgard(form('upp-2', ...tre)))).toEqual(['a', 'c', 'b']);
    expect(texter(withAtgard(form('ned-0', ...tre)))).toEqual(['b', 'a', 'c']);
    expect(texter(withAtgard(form('ta-bort-1', ...tre)))).toEqual(['a', 'c']);
    // The first cannot go up, the last not down: nothing moves.
    expect(texter(withAtgard(form('upp-0', ...tre)))).toEqual(['a', 'b', 'c']);
    expect(texter(withAtgard(form('ned-2', ...tre)))).toEqual(['a', 'b', 'c']);
    expect(withAtgard(form('ta-bort-1', ...tre)).synpunkter!.map((p) => p.id)).toEqual(['id-a', undefined]);
  });

  it('drops a new synpunkt left blank, never one that has an id or any text', () => {
    const tom: SynpunktFalt = { typ: 'medhall', text: '  ', rubrik: '' };
    const tomMedId: SynpunktFalt = { id: 'id-x', text: '' };
    expect(withAtgard(form('spara', synpunkt('a'), tom, tomMedId)).synpunkter).toEqual([synpunkt('a'), tomMedId]);
  });

  it('gives the domain numbers as numbers, blank fields as absent and footnotes one per line', () => {
    const { version, innehall } = innehallAv({
      version: '7',
      titel: ' ',
      inledning: 'Inledning[^1]',
      fotnoter: 'Första\n\n  Andra  \n',
      stallning: 'avstyrker',
      fragesvar: [{ fraga: '2', text: ' Ja. ' }],
      synpunkter: [
        { typ: 'invandning', text: 'Text', remisshandlingId: 'h', sida: '5', citat: 'Citat', fotnoter: '', rubrik: '' },
      ],
    });
    expect(version).toBe(7);
    expect(innehall).toEqual({
      titel: undefined,
      inledning: 'Inledning[^1]',
      avslutning: '',
      fotnoter: ['Första', 'Andra'],
      stallning: 'avstyrker',
      fragesvar: [{ fraga: 2, text: 'Ja.' }],
      synpunkter: [
        {
          id: undefined,
          typ: 'invandning',
          rubrik: undefined,
          text: 'Text',
          remisshandlingId: 'h',
          sida: 5,
          citatinledning: undefined,
          citat: 'Citat',
          strykText: undefined,
          nyText: undefined,
          fotnoter: [],
        },
      ],
    });
  });

  it("reads the date input's day, month and year as a date, blank as absent", () => {
    const namnd: BeslutFormular = {
      typ: 'namndbeslut',
      sammantradesdatum: { dag: '3', manad: '4', ar: '2025' },
      paragraf: ' § 45 ',
    };
    expect(beslutAv(namnd)).toEqual({ typ: 'namndbeslut', sammantradesdatum: '2025-04-03', paragraf: '§ 45' });
    expect(
      beslutAv({ typ: 'delegationsbeslut', delegatNamn: 'Eva Ek', beslutsdatum: { dag: '', manad: '', ar: '' } }),
    ).toEqual({
      typ: 'delegationsbeslut',
      delegatNamn: 'Eva Ek',
      delegatTitel: undefined,
      beslutsdatum: undefined,
    });
  });
});

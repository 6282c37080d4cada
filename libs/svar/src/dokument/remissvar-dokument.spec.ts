import { describe, expect, it } from '@jest/globals';
import { Beslut, Remisshandling, Synpunkt } from '@app/database';
import { remissvarDokument, RemissvarUnderlag } from './remissvar-dokument';

const handling = { id: 'h1', titel: 'Förslag till policy för digital omställning' } as Remisshandling;
const citerande = {
  typ: 'invandning',
  rubrik: null,
  text: 'Vi invänder.',
  remisshandlingId: 'h1',
  sida: 5,
  citatinledning: 'I policyn framgår:',
  citat: 'Att genomföra pilotstudier',
  strykText: null,
  nyText: null,
  fotnoter: [],
} as unknown as Synpunkt;
const underlag: RemissvarUnderlag = {
  kommun: 'enkoping',
  enhet: 'Utbildningsnämnden',
  datum: '2025-04-24',
  vartDnr: 'UN2025/412',
  ertDnr: 'KS2025/118',
  mottagare: 'Kommunstyrelsen',
  svar: {
    titel: 'Svar på remiss',
    inledning: 'In.',
    avslutning: '',
    fotnoter: [],
    typ: 'yttrande',
    stallning: null,
    fragesvar: [],
  },
  fragor: [],
  synpunkter: [citerande],
  handlingar: [handling],
  beslut: null,
};

describe('remissvarDokument', () => {
  it('carries the quotation with its page, and the nämnd decision signed by the one who sends it', () => {
    const beslut = {
      typ: 'namndbeslut',
      sammantradesdatum: '2025-04-23',
      paragraf: '§ 45',
      beslutsdatum: '2025-04-23',
    } as Beslut;
    const doc = remissvarDokument({ ...underlag, beslut, expedierasAv: 'Anna Berg' });
    expect(doc.synpunkter[0]).toEqual({
      typ: 'invandning',
      citatinledning: 'I policyn framgår:',
      citat: { text: 'Att genomföra pilotstudier', sida: 5 },
      text: 'Vi invänder.',
      fotnoter: [],
    });
    expect(doc.beslut).toEqual({
      typ: 'namndbeslut',
      namnd: 'Utbildningsnämnden',
      sammantradesdatum: '2025-04-23',
      paragraf: '§ 45',
    });
    expect(doc.underskrifter).toEqual([{ namn: 'Anna Berg', titel: 'Nämndsekreterare' }]);
    expect(doc.avstar).toBeUndefined();
  });

  it('names the handling when the remiss has several, and lets a delegat sign a delegationsbeslut', () => {
    const beslut = {
      typ: 'delegationsbeslut',
      delegatNamn: 'Per Ås',
      delegatTitel: 'Förvaltningschef',
      beslutsdatum: '2025-04-20',
    } as Beslut;
    const doc = remissvarDokument({
      ...underlag,
      handlingar: [handling, { id: 'h2', titel: 'Bilaga' } as Remisshandling],
      beslut,
      expedierasAv: 'Anna Berg',
    });
    expect(doc.synpunkter[0].citat).toEqual({
      text: 'Att genomföra pilotstudier',
      sida: 5,
      handling: 'Förslag till policy för digital omställning',
    });
    expect(doc.beslut).toEqual({
      typ: 'delegationsbeslut',
      delegat: 'Per Ås',
      titel: 'Förvaltningschef',
      beslutsdatum: '2025-04-20',
    });
    expect(doc.underskrifter).toEqual([{ namn: 'Per Ås', titel: 'Förvaltningschef' }]);
  });

  it('marks a declining letter', () => {
    expect(remissvarDokument({ ...underlag, svar: { ...underlag.svar, typ: 'avstar' }, synpunkter: [] }).avstar).toBe(
      true,
    );
  });

  it('puts each answered fråga with its text in the order of the remiss, and carries the position', () => {
    const doc = remissvarDokument({
      ...underlag,
      svar: {
        ...underlag.svar,
        stallning: 'avstyrker',
        fragesvar: [
          { fraga: 3, text: 'Nej.' },
          { fraga: 1, text: 'Delvis.' },
        ],
      },
      fragor: [
        { nummer: 1, text: 'Är inriktningen rimlig?' },
        { nummer: 2, text: 'Saknas något?' },
        { nummer: 3, text: 'Bör policyn antas?' },
      ],
    });
    expect(doc.stallning).toBe('avstyrker');
    expect(doc.fragesvar).toEqual([
      { nummer: 1, fraga: 'Är inriktningen rimlig?', svar: 'Delvis.' },
      { nummer: 3, fraga: 'Bör policyn antas?', svar: 'Nej.' },
    ]);
    expect(remissvarDokument(underlag).stallning).toBeUndefined();
  });
});

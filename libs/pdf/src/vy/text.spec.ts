import { describe, expect, it } from '@jest/globals';
import { Fotnotsregister, stycken, textdelar } from './text';

describe('stycken', () => {
  it('splits on blank lines and joins the lines of a paragraph', () => {
    expect(stycken('Första raden\nfortsätter.\n\n  \nAndra stycket.\n')).toEqual([
      'Första raden fortsätter.',
      'Andra stycket.',
    ]);
  });
});

describe('textdelar', () => {
  it('makes each ISO date a segment of its own, which the template keeps on one line', () => {
    expect(textdelar('Beslut 2025-03-19 och 2025-04-02.')).toEqual([
      { text: 'Beslut ' },
      { text: '2025-03-19', datum: true },
      { text: ' och ' },
      { text: '2025-04-02', datum: true },
      { text: '.' },
    ]);
    expect(textdelar('KS2025/118 den 15 maj')).toEqual([{ text: 'KS2025/118 den 15 maj' }]);
  });

  it('marks the dates of paragraphs with footnotes too', () => {
    const register = new Fotnotsregister();
    expect(register.stycken('Daterad 2025-03-20[^1] i år.', { fotnoter: ['Se bilaga.'] })).toEqual([
      [{ text: 'Daterad ' }, { text: '2025-03-20', datum: true }, { fotnot: 1 }, { text: ' i år.' }],
    ]);
  });
});

describe('Fotnotsregister', () => {
  it('numbers footnotes through the document in the order they are referred to', () => {
    const svar = { fotnoter: ['Om Böten.', 'Om BI.'] };
    const synpunkt = { fotnoter: ['Se protokollet.'] };
    const register = new Fotnotsregister();
    const inledning = register.stycken('Business intelligens [^2] och Böten[^1].', svar);
    const text = register.stycken('Vi hänvisar[^1].\n\nIgen[^1] och till svaret.', synpunkt);
    expect(inledning).toEqual([
      [{ text: 'Business intelligens' }, { fotnot: 1 }, { text: ' och Böten' }, { fotnot: 2 }, { text: '.' }],
    ]);
    expect(text).toEqual([
      [{ text: 'Vi hänvisar' }, { fotnot: 3 }, { text: '.' }],
      [{ text: 'Igen' }, { fotnot: 3 }, { text: ' och till svaret.' }],
    ]);
    expect(register.addUnreferenced([svar, synpunkt])).toEqual([
      { nummer: 1, text: 'Om BI.' },
      { nummer: 2, text: 'Om Böten.' },
      { nummer: 3, text: 'Se protokollet.' },
    ]);
  });

  it('keeps a footnote nobody refers to, after the referenced ones, and leaves a dangling marker as written', () => {
    const del = { fotnoter: ['Oanvänd.', 'Använd.'] };
    const register = new Fotnotsregister();
    expect(register.stycken('Text[^2] och [^7].', del)).toEqual([
      [{ text: 'Text' }, { fotnot: 1 }, { text: ' och [^7].' }],
    ]);
    expect(register.addUnreferenced([del])).toEqual([
      { nummer: 1, text: 'Använd.' },
      { nummer: 2, text: 'Oanvänd.' },
    ]);
  });
});

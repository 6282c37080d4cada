import { describe, expect, it } from '@jest/globals';
import { POLICY_SIDOR } from '../testing/policy-fixture';
import { citatFoundIn, locateCitat, sidkroppar } from './citat';

const SIDA_5 = `Vi ska vara en kommun i framkant.
I Enköpings kommun är vi måna om att lära oss av och nyttja vad andra
gjort. Att genomföra pilotstudier som redan gjorts hos flera andra aktö-
rer ger inget mervärde. Samarbete med IT-
avdelningen är viktigt för den digi-\ntala omställningen.`;

/** The sentence of the policy that runs from page 5 onto page 6, over the footer and the next header. */
const HANDLINGSPLAN =
  'Varje nämnd och styrelse ska, i sin verksamhetsplanering, aktivt verka för att digital omställning drivs i linje med policyn, detta sker lämpligast genom en handlingsplan tas fram för varje verksamhet.';

/**
 * Pages of Vadstena's AI-strategi (shared/seeds/vadstena-ai-strategi.md, copied in part so the
 * repository tests itself) as a PDF extraction gives them: the letterhead "VADSTENA KOMMUN" atop each.
 */
const VADSTENA = [
  'AI-strategi\nVadstena kommun\nGäller från och med 2024-09-26',
  'Versionshistorik\nDatum\tBeskrivning\tUppföljning\nAnge datum\tAntagen\tSkriv text här.',
  'Innehåll\nInledning .....\t4\nSamverkan .....\t4\nTransparens .....\t5\nEffektivitet.....\t6',
  [
    'Tillit',
    'Vadstena kommuns AI-arbete ska tydligt beskrivas och kommuniceras',
    'Vadstena kommun ska tydligt beskriva och kommunicera arbetet med AI för medarbetare och medborgare. Det',
    'kräver kontinuerliga utbildningsinsatser där medarbetare får möjlighet att bekanta sig med tekniken för att',
    'kunna bejaka en omställning i stället för att vara oroliga för den.',
  ].join('\n'),
  [
    'Transparens',
    'Vadstena kommun ska kunna motivera och förklara beslut som fattas med AI',
    'Vadstena kommun ska i enlighet med förvaltningslagen kunna motivera och förklara beslut som fattas.',
  ].join('\n'),
  'Effektivitet\nVadstena kommun ska nyttja AI som bidrar till att genomföra uppdrag från politiken',
].map((text) => `VADSTENA  \nKOMMUN\n${text}`);

describe('citatFoundIn', () => {
  it('finds a quotation across line breaks and line-end hyphenation', () => {
    expect(
      citatFoundIn(
        'nyttja vad andra gjort. Att genomföra pilotstudier som redan gjorts hos flera andra aktörer ger inget mervärde.',
        SIDA_5,
      ),
    ).toBe(true);
    expect(citatFoundIn('den digitala omställningen', SIDA_5)).toBe(true);
  });

  it('keeps a real hyphen that happens to end a line', () => {
    expect(citatFoundIn('Samarbete med IT-avdelningen', SIDA_5)).toBe(true);
  });

  it('accepts a quotation pasted with its own line breaks and its quotation marks around it', () => {
    expect(citatFoundIn('flera andra aktö-\nrer ger', SIDA_5)).toBe(true);
    expect(citatFoundIn('”I Enköpings kommun”', SIDA_5)).toBe(true);
    expect(citatFoundIn('»I Enköpings kommun«'.replace('«', '»'), SIDA_5)).toBe(true);
  });

  it('takes an en dash, an em dash, a minus and a non-breaking hyphen for a hyphen, either way', () => {
    const sida = 'Ansvaret för IT-säkerhet ligger hos förvaltningen – inte hos nämnden.';
    expect(citatFoundIn('IT–säkerhet', sida)).toBe(true);
    expect(citatFoundIn('IT\u2011säkerhet', sida)).toBe(true);
    expect(citatFoundIn('förvaltningen - inte hos nämnden', sida)).toBe(true);
    expect(citatFoundIn('förvaltningen — inte', sida)).toBe(true);
    expect(citatFoundIn('förvaltningen \u2212 inte', sida)).toBe(true);
  });

  it('takes typographic double and single quotation marks and apostrophes for straight ones', () => {
    const sida = 'Punkten ”ske digitalt” och ’i första hand’ gäller kommunens s.k. e-tjänster’ alla.';
    expect(citatFoundIn('Punkten "ske digitalt" och \'i första hand\'', sida)).toBe(true);
    expect(citatFoundIn('Punkten “ske digitalt„ och ‘i första hand’', sida)).toBe(true);
    expect(citatFoundIn("e-tjänster' alla", sida)).toBe(true);
  });

  it('takes non-breaking, narrow and other Unicode spaces, and zero-width characters, for nothing special', () => {
    const sida = 'Senast den 15\u00A0maj ska 10\u202F000 kronor betalas enligt 5\u2009§.';
    expect(citatFoundIn('Senast den 15 maj ska 10 000 kronor betalas enligt 5 §', sida)).toBe(true);
    expect(citatFoundIn('15\u00A0maj', 'Senast den 15 maj')).toBe(true);
    expect(citatFoundIn('den 15 maj', 'den\u200B 15\u3000maj')).toBe(true);
  });

  it('ignores soft hyphens, also where one breaks a word at a line end', () => {
    const sida = 'en lång\u00ADsiktig plan för digi\u00AD\ntalisering';
    expect(citatFoundIn('en långsiktig plan för digitalisering', sida)).toBe(true);
    expect(citatFoundIn('lång\u00ADsiktig', 'en långsiktig plan')).toBe(true);
  });

  it('reads ligatures as their letters', () => {
    const sida = 'E\uFB00ektiv och \uFB01nansierad av \uFB02era, \uFB03ga och \uFB04ar.';
    expect(citatFoundIn('Effektiv och finansierad av flera, ffiga och fflar.', sida)).toBe(true);
    expect(citatFoundIn('\uFB01nansierad', 'helt finansierad')).toBe(true);
  });

  it('collapses runs of whitespace, tabs and line breaks', () => {
    expect(citatFoundIn('Vi ska vara  en kommun\ti framkant.', SIDA_5)).toBe(true);
    expect(citatFoundIn('  Vi ska\n\nvara en kommun  ', SIDA_5)).toBe(true);
  });

  it('refuses words that are not on the page, and an empty quotation', () => {
    expect(citatFoundIn('Vi drar erfarenhet från andras pilotstudier', SIDA_5)).toBe(false);
    expect(citatFoundIn('   ', SIDA_5)).toBe(false);
    expect(citatFoundIn('””', SIDA_5)).toBe(false);
  });
});

describe('sidkroppar', () => {
  it('removes the running header and the footer "Sida 5 (6)" of the policy, and keeps its text', () => {
    const kroppar = sidkroppar(POLICY_SIDOR);
    expect(kroppar[5]).toBe('fram för varje verksamhet.\n5 Uppföljning\nPolicyn följs upp årligen av kommunstyrelsen.');
    expect(kroppar[0]).toBe('Policy för digital omställning\nFörslag 2025-03-20\nKommunstyrelsen');
    expect(kroppar[4].split('\n')[0]).toBe(
      'Tjänster, dialog och samverkan med invånare, näringsliv, föreningar, besökare samt',
    );
  });

  it('removes the letterhead VADSTENA KOMMUN that stands atop every page of the seed', () => {
    const kroppar = sidkroppar(VADSTENA);
    expect(kroppar.every((k) => !k.includes('VADSTENA'))).toBe(true);
    expect(kroppar[0].startsWith('AI-strategi')).toBe(true);
  });

  it('removes page numbers at a page edge in the usual forms, and keeps a number inside the text', () => {
    const sidor = [
      '5\nFörsta sidans text\n12',
      'Sida 6 (12)\nAndra sidan',
      'Tredje sidan\n7 (12)',
      '– 8 –\nFjärde',
      'Text\nSida 9 av 12',
    ];
    expect(sidkroppar(sidor)).toEqual(['Första sidans text', 'Andra sidan', 'Tredje sidan', 'Fjärde', 'Text']);
    expect(sidkroppar(['Budget\n2025 års budget\nslut'])).toEqual(['Budget\n2025 års budget\nslut']);
  });

  it('keeps a line that only some pages begin with', () => {
    const sidor = ['Bilaga\nett', 'Bilaga\ntvå', 'tre', 'fyra', 'fem'];
    expect(sidkroppar(sidor)[0]).toBe('Bilaga\nett');
  });
});

describe('locateCitat', () => {
  it('accepts the seed answer’s quotation that runs from page 5 over the footer and header onto page 6', () => {
    expect(citatFoundIn(HANDLINGSPLAN, POLICY_SIDOR[4])).toBe(false);
    expect(locateCitat(HANDLINGSPLAN, POLICY_SIDOR, 5)).toBe(5);
    expect(
      locateCitat('detta sker lämpligast genom en handlingsplan tas fram för varje verksamhet.', POLICY_SIDOR, 5),
    ).toBe(5);
  });

  it('joins a word hyphenated over a page break', () => {
    const sidor = [
      'Rubrik\nDen digi-\nSida 1 (3)',
      'Rubrik\ntala omställningen\nSida 2 (3)',
      'Rubrik\nslut\nSida 3 (3)',
    ];
    expect(locateCitat('Den digitala omställningen', sidor, 1)).toBe(1);
  });

  it('accepts a quotation over a page break of the Vadstena seed, without its letterhead', () => {
    expect(
      locateCitat(
        'i stället för att vara oroliga för den. Transparens Vadstena kommun ska kunna motivera',
        VADSTENA,
        4,
      ),
    ).toBe(4);
  });

  it('names the page a quotation is on when it is not on the given one', () => {
    expect(locateCitat('Policyn följs upp årligen av kommunstyrelsen.', POLICY_SIDOR, 5)).toBe(6);
    expect(locateCitat(HANDLINGSPLAN, POLICY_SIDOR, 6)).toBe(5);
    expect(locateCitat('Policyn anger riktningen', POLICY_SIDOR, 1)).toBe(4);
  });

  it('names the nearest page when the quotation stands on several, the earlier of two as near', () => {
    const sidor = ['Mål', 'Vi följer upp', 'x', 'y', 'Vi följer upp', 'z', 'Vi följer upp'];
    expect(locateCitat('Vi följer upp', sidor, 6)).toBe(5);
    expect(locateCitat('Vi följer upp', sidor, 4)).toBe(5);
    expect(locateCitat('Vi följer upp', sidor, 3)).toBe(2);
    expect(locateCitat('Vi följer upp', sidor, 7)).toBe(7);
  });

  it('does not take a quotation that only starts on the next page for one on the given page', () => {
    expect(locateCitat('fram för varje verksamhet. 5 Uppföljning', POLICY_SIDOR, 5)).toBe(6);
  });

  it('finds nothing for words on no page, or an empty quotation', () => {
    expect(locateCitat('Vi genomför alltid pilotstudier först.', POLICY_SIDOR, 5)).toBeNull();
    expect(locateCitat('', POLICY_SIDOR, 5)).toBeNull();
  });
});

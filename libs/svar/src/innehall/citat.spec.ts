import { describe, expect, it } from '@jest/globals';
import { citatFinnsI } from './citat';

const SIDA_5 = `Vi ska vara en kommun i framkant.
I Enköpings kommun är vi måna om att lära oss av och nyttja vad andra
gjort. Att genomföra pilotstudier som redan gjorts hos flera andra aktö-
rer ger inget mervärde. Samarbete med IT-
avdelningen är viktigt för den digi-\ntala omställningen.`;

describe('citatFinnsI', () => {
  it('finds a quotation across line breaks and line-end hyphenation', () => {
    expect(
      citatFinnsI(
        'nyttja vad andra gjort. Att genomföra pilotstudier som redan gjorts hos flera andra aktörer ger inget mervärde.',
        SIDA_5,
      ),
    ).toBe(true);
    expect(citatFinnsI('den digitala omställningen', SIDA_5)).toBe(true);
  });

  it('keeps a real hyphen that happens to end a line', () => {
    expect(citatFinnsI('Samarbete med IT-avdelningen', SIDA_5)).toBe(true);
  });

  it('accepts a quotation pasted with its own line breaks and typographic quotes', () => {
    expect(citatFinnsI('flera andra aktö-\nrer ger', SIDA_5)).toBe(true);
    expect(citatFinnsI('”I Enköpings kommun”'.slice(1, -1), SIDA_5)).toBe(true);
  });

  it('refuses words that are not on the page, and an empty quotation', () => {
    expect(citatFinnsI('Vi drar erfarenhet från andras pilotstudier', SIDA_5)).toBe(false);
    expect(citatFinnsI('   ', SIDA_5)).toBe(false);
  });
});

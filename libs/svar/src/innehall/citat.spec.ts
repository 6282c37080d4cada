import { describe, expect, it } from '@jest/globals';
import { citatFoundIn } from './citat';

const SIDA_5 = `Vi ska vara en kommun i framkant.
I Enköpings kommun är vi måna om att lära oss av och nyttja vad andra
gjort. Att genomföra pilotstudier som redan gjorts hos flera andra aktö-
rer ger inget mervärde. Samarbete med IT-
avdelningen är viktigt för den digi-\ntala omställningen.`;

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

  it('accepts a quotation pasted with its own line breaks and typographic quotes', () => {
    expect(citatFoundIn('flera andra aktö-\nrer ger', SIDA_5)).toBe(true);
    expect(citatFoundIn('”I Enköpings kommun”'.slice(1, -1), SIDA_5)).toBe(true);
  });

  it('refuses words that are not on the page, and an empty quotation', () => {
    expect(citatFoundIn('Vi drar erfarenhet från andras pilotstudier', SIDA_5)).toBe(false);
    expect(citatFoundIn('   ', SIDA_5)).toBe(false);
  });
});

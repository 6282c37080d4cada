import { describe, expect, it } from '@jest/globals';
import { kontrastMotVitt, svenskKvot } from './kontrast';

describe('contrast against white (WCAG 2.1)', () => {
  it('gives the known ratios: black 21:1, white 1:1, #767676 just over 4.5:1', () => {
    expect(kontrastMotVitt('#000000')).toBeCloseTo(21, 5);
    expect(kontrastMotVitt('#ffffff')).toBeCloseTo(1, 5);
    expect(kontrastMotVitt('#767676')).toBeGreaterThan(4.5);
    expect(kontrastMotVitt('#777777')).toBeLessThan(4.5);
  });

  it('writes the ratio the Swedish way, rounded down', () => {
    expect(svenskKvot(4.4999)).toBe('4,4:1');
    expect(svenskKvot(kontrastMotVitt('#0b5d4b'))).toBe('7,8:1');
  });
});

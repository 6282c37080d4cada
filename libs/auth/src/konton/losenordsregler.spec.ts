import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@app/core';
import { assertLosenordGodkant, losenordSkal } from './losenordsregler';

const agare = { epost: 'anna.berg@region-exempel.se', namn: 'Anna Berg' };

describe('password rules (NIST SP 800-63B)', () => {
  it('takes any long enough password without composition rules, spaces and å ä ö included', () => {
    expect(losenordSkal('mossa på stenar vid ån', agare)).toBeNull();
    expect(losenordSkal('a'.repeat(11) + 'ö', agare)).toBeNull();
    expect(losenordSkal('x'.repeat(64), agare)).toBeNull();
  });

  it('counts characters, not bytes, and bounds the length', () => {
    expect(losenordSkal('åäöåäöåäöåä', agare)).toBe('kort');
    expect(losenordSkal('x'.repeat(257), agare)).toBe('lang');
  });

  it('refuses the address, its local part and the name', () => {
    expect(losenordSkal('anna.berg@region-exempel.se', agare)).toBe('epost');
    expect(losenordSkal('ANNA.BERG2026!!', agare)).toBe('epost');
    expect(losenordSkal('annabergkarlsson', { ...agare, namn: 'Anna Berg Karlsson' })).toBe('namn');
  });

  it('refuses leaked passwords from the shipped list, whatever their case', () => {
    expect(losenordSkal('qwertyuiopasdfgh', agare)).toBe('lackt');
    expect(losenordSkal('Password1234', agare)).toBe('lackt');
  });

  it('says why in Swedish, at the field', () => {
    try {
      assertLosenordGodkant('kort', agare, 'nytt');
      throw new Error('not refused');
    } catch (e) {
      const fel = e as DomainError;
      expect(fel.code).toBe('WEAK_PASSWORD');
      expect(fel.fel).toEqual([{ falt: 'nytt', meddelande: 'Lösenordet måste ha minst 12 tecken.' }]);
    }
  });
});

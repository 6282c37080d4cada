import { describe, expect, it } from '@jest/globals';
import { remissvarFilnamn } from './filnamn';

describe('remissvarFilnamn', () => {
  it('writes the sender dnr without / and the instans name in ASCII', () => {
    expect(remissvarFilnamn('KS2025/118', 'Utbildningsnämnden')).toBe('KS2025-118-Utbildningsnamnden.pdf');
    expect(remissvarFilnamn('KS 2025/0118', 'Kultur- och fritidsnämnden')).toBe(
      'KS-2025-0118-Kultur-och-fritidsnamnden.pdf',
    );
    expect(remissvarFilnamn('KS2025/7', 'Region Östergötland')).toBe('KS2025-7-Region-Ostergotland.pdf');
  });
});

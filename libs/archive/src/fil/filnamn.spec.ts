import { describe, expect, it } from '@jest/globals';
import { dokumentFilnamn } from './filnamn';

describe('dokumentFilnamn', () => {
  it('writes the dnr without / and what the document is in ASCII', () => {
    expect(dokumentFilnamn('KS2025/118', 'Utbildningsnämnden')).toBe('KS2025-118-Utbildningsnamnden.pdf');
    expect(dokumentFilnamn('KS 2025/0118', 'Kultur- och fritidsnämnden')).toBe(
      'KS-2025-0118-Kultur-och-fritidsnamnden.pdf',
    );
    expect(dokumentFilnamn('KS2025/7', 'Region Östergötland')).toBe('KS2025-7-Region-Ostergotland.pdf');
  });

  it('names the missiv and the sammanställning the same way, the latter also as CSV', () => {
    expect(dokumentFilnamn('KS2025/118', 'missiv')).toBe('KS2025-118-missiv.pdf');
    expect(dokumentFilnamn('KS2025/118', 'remissammanstallning', 'csv')).toBe('KS2025-118-remissammanstallning.csv');
  });
});

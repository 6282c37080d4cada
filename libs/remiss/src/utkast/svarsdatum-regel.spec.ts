import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@app/core';
import { checkAnstand, checkSvarsdatum, tidigasteSvarsdatum } from './svarsdatum-regel';

function refusal(check: () => void): { orsak: string; nastaGiltigaDatum: string } {
  try {
    check();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    expect((e as DomainError).status).toBe(400);
    const error = e as DomainError;
    return {
      orsak: error.svenska,
      nastaGiltigaDatum: (error.details as { nastaGiltigaDatum: string }).nastaGiltigaDatum,
    };
  }
  throw new Error('expected a refusal');
}

describe('svarsdatum of a remiss', () => {
  // Monday 2026-03-16; 15 working days later, with no holiday between, is Monday 2026-04-06 … but
  // that is annandag påsk, and långfredagen 2026-04-03 is off too.
  it('the earliest date skips weekends and påsk', () => {
    expect(tidigasteSvarsdatum('2026-03-16', 15)).toBe('2026-04-08');
  });

  it('accepts the earliest date and later working days', () => {
    expect(() => checkSvarsdatum('2026-04-08', '2026-03-16', 15)).not.toThrow();
    expect(() => checkSvarsdatum('2026-05-15', '2026-03-16', 15)).not.toThrow();
  });

  it('refuses a date in the past with the next valid date', () => {
    const r = refusal(() => checkSvarsdatum('2026-03-10', '2026-03-16', 15));
    expect(r.orsak).toContain('har redan passerat');
    expect(r.nastaGiltigaDatum).toBe('2026-04-08');
  });

  it('refuses a holiday, naming it, and proposes the next working day', () => {
    const r = refusal(() => checkSvarsdatum('2026-06-19', '2026-03-16', 15));
    expect(r.orsak).toContain('midsommarafton');
    expect(r.nastaGiltigaDatum).toBe('2026-06-22');
  });

  it('refuses a Saturday', () => {
    const r = refusal(() => checkSvarsdatum('2026-05-16', '2026-03-16', 15));
    expect(r.orsak).toContain('lördag');
    expect(r.nastaGiltigaDatum).toBe('2026-05-18');
  });

  it('refuses today itself as under the minimum, not as passed', () => {
    expect(refusal(() => checkSvarsdatum('2026-03-16', '2026-03-16', 15)).orsak).toContain(
      'Svarstiden är 0 arbetsdagar',
    );
  });

  it('refuses a date under the configured minimum', () => {
    const r = refusal(() => checkSvarsdatum('2026-03-27', '2026-03-16', 15));
    expect(r.orsak).toBe('Svarstiden är 9 arbetsdagar, minst 15 krävs. Närmaste möjliga svarsdatum är 2026-04-08.');
    expect(() => checkSvarsdatum('2026-03-27', '2026-03-16', 5)).not.toThrow();
  });
});

describe('anstånd', () => {
  it('needs a later working day than the current svarsdatum, without the minimum', () => {
    expect(() => checkAnstand('2026-05-18', '2026-05-15', '2026-05-14')).not.toThrow();
    expect(refusal(() => checkAnstand('2026-05-14', '2026-05-15', '2026-05-01')).orsak).toContain(
      'senare än 2026-05-15',
    );
    expect(refusal(() => checkAnstand('2026-05-16', '2026-05-15', '2026-05-01')).nastaGiltigaDatum).toBe('2026-05-18');
  });
});

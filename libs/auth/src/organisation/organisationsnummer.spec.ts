import { describe, expect, it } from '@jest/globals';
import { normaliseraOrganisationsnummer } from './organisationsnummer';

describe('organisationsnummer', () => {
  it('takes a number whose last digit is its Luhn control digit, with or without the hyphen', () => {
    expect(normaliseraOrganisationsnummer('232100-0016')).toBe('232100-0016');
    expect(normaliseraOrganisationsnummer('2321000016')).toBe('232100-0016');
    expect(normaliseraOrganisationsnummer(' 212000-0274 ')).toBe('212000-0274');
  });

  it('refuses a wrong control digit and anything else', () => {
    expect(normaliseraOrganisationsnummer('232100-0017')).toBeNull();
    expect(normaliseraOrganisationsnummer('23210-00016')).toBeNull();
    expect(normaliseraOrganisationsnummer('abcdef-ghij')).toBeNull();
    expect(normaliseraOrganisationsnummer('')).toBeNull();
  });
});

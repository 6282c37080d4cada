import { describe, expect, it } from '@jest/globals';
import { arendemeningVarning } from './arendemening';

describe('the warning for an ärendemening that starts with "Remiss"', () => {
  it('shows how documents would read and proposes the title without the word', () => {
    expect(arendemeningVarning('Remiss av förslag till policy för digital omställning')).toBe(
      'Ärendemeningen börjar med ”Remiss”. I missivet och i e-posten blir det ”Remiss: Remiss av förslag till policy för digital omställning”. Skriv till exempel ”Förslag till policy för digital omställning”.',
    );
    expect(arendemeningVarning('remiss: taxa för tillsyn')).toContain('”Taxa för tillsyn”');
  });

  it('leaves other titles alone, including words that only begin with "remiss"', () => {
    expect(arendemeningVarning('Förslag till policy för digital omställning')).toBeUndefined();
    expect(arendemeningVarning('Remisshantering i kommunen')).toBeUndefined();
  });
});

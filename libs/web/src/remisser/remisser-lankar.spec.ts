import { describe, expect, it } from '@jest/globals';
import { remisserHref, remissKolumnrubriker } from './remisser-lankar';

const adress = { sort: 'skapad' as const, order: 'desc' as const, page: 1 };

describe('the remisser page links', () => {
  it('leaves the defaults out and keeps every filter', () => {
    expect(remisserHref(adress)).toBe('/remisser');
    expect(remisserHref({ ...adress, status: 'utkast', forsenad: true, ar: 2026, q: 'KS2026/1', page: 2 })).toBe(
      '/remisser?status=utkast&forsenad=true&ar=2026&q=KS2026%2F1&page=2',
    );
  });

  it('sorts text ascending first, the creation date newest first, and turns the current sort around', () => {
    const r = remissKolumnrubriker({ ...adress, status: 'utskickad', page: 3 });
    expect(r.arendemening).toEqual({
      href: '/remisser?status=utskickad&sort=arendemening&order=asc',
      ariaSort: 'none',
    });
    expect(r.skapad).toEqual({ href: '/remisser?status=utskickad&order=asc', ariaSort: 'descending' });
  });
});

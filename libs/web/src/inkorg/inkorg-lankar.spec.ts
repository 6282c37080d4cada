import { describe, expect, it } from '@jest/globals';
import { inkorgHref, kolumnrubriker, sidnumrering } from './inkorg-lankar';

const filter = { sort: 'svarsdatum' as const, order: 'asc' as const, page: 1 };
const sida = (page: number, total: number, antal = 25, totalCapped = false) => ({
  items: Array.from({ length: antal }),
  total,
  totalCapped,
  page,
  pageSize: 25,
});

describe('the inkorg page links', () => {
  it('leaves the defaults out of an address and keeps every filter', () => {
    expect(inkorgHref(filter)).toBe('/inkorg');
    expect(inkorgHref({ ...filter, status: 'registrerad', forsenad: false, q: 'KS2025/118', page: 3 })).toBe(
      '/inkorg?status=registrerad&forsenad=false&q=KS2025%2F118&page=3',
    );
  });

  it('sorts a column ascending first and the other way when it is the sort, from page 1', () => {
    const r = kolumnrubriker({ ...filter, status: 'inbjuden', page: 4 });
    expect(r.svarsdatum).toEqual({
      sort: 'svarsdatum',
      href: '/inkorg?status=inbjuden&order=desc',
      ariaSort: 'ascending',
    });
    expect(r.arendemening).toMatchObject({ href: '/inkorg?status=inbjuden&sort=arendemening', ariaSort: 'none' });
    expect(kolumnrubriker({ ...filter, order: 'desc' }).svarsdatum).toMatchObject({
      href: '/inkorg',
      ariaSort: 'descending',
    });
  });

  it('numbers the pages in Swedish with the first, the last and the neighbours, and gaps between', () => {
    const p = sidnumrering({ ...filter, page: 5 }, sida(5, 250));
    expect(p.items.map((i) => (i.ellipsis ? '…' : i.number))).toEqual([1, '…', 4, 5, 6, '…', 10]);
    expect(p.items.find((i) => i.current)).toMatchObject({ number: 5, visuallyHiddenText: 'Sida 5 av 10' });
    expect(p.previous?.href).toBe('/inkorg?page=4');
    expect(p.next?.html).toContain('Nästa');
    expect(p.landmarkLabel).toBe('Sidnumrering');
    expect(sidnumrering(filter, sida(1, 20, 20)).visas).toBe(false);
  });

  it('offers a next page beyond the count cap while the page is full, without a last page', () => {
    const p = sidnumrering({ ...filter, page: 40 }, sida(40, 1000, 25, true));
    expect(p.next?.href).toBe('/inkorg?page=41');
    expect(p.items.map((i) => i.number ?? '…')).toEqual([1, '…', 39, 40, 41]);
    expect(p.items.at(-1)?.visuallyHiddenText).toBe('Sida 41');
    expect(sidnumrering({ ...filter, page: 44 }, sida(44, 1000, 3, true)).next).toBeUndefined();
  });
});

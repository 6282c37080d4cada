import { DIARIUM_SORTERING, DiariumSokQuery, DiariumSortering } from '@app/archive';

/** What the search page's address carries: the filters, the sort and the page. */
export type DiariumAdress = Pick<
  DiariumSokQuery,
  'q' | 'fran' | 'till' | 'riktning' | 'enhetId' | 'diariumId' | 'status' | 'sort' | 'order' | 'page'
>;

const FILTER = ['q', 'fran', 'till', 'riktning', 'enhetId', 'diariumId', 'status'] as const;

/** The filters as a query string, defaults left out (the CSV link carries the same ones). */
export function diariumQuery(adress: DiariumAdress, medSida = true): string {
  const q = new URLSearchParams();
  for (const f of FILTER) if (adress[f]) q.set(f, adress[f]);
  if (adress.sort !== 'registrerad') q.set('sort', adress.sort);
  if (adress.order !== 'desc') q.set('order', adress.order);
  if (medSida && adress.page > 1) q.set('page', String(adress.page));
  return q.toString();
}

export function diariumHref(adress: DiariumAdress): string {
  const s = diariumQuery(adress);
  return s ? `/diarium?${s}` : '/diarium';
}

export const filtrerad = (adress: DiariumAdress) => FILTER.some((f) => !!adress[f]);

/** A header per sortable column: a link to sort by it (the dnr ascending first, dates newest first). */
export function diariumRubriker(adress: DiariumAdress) {
  return Object.fromEntries(
    DIARIUM_SORTERING.map((sort) => {
      const aktiv = adress.sort === sort;
      const forst = sort === 'registrerad' ? 'desc' : 'asc';
      const order = aktiv ? (adress.order === 'asc' ? 'desc' : 'asc') : forst;
      const ariaSort = !aktiv ? 'none' : adress.order === 'asc' ? 'ascending' : 'descending';
      return [sort, { sort, href: diariumHref({ ...adress, sort, order, page: 1 }), ariaSort }];
    }),
  ) as Record<DiariumSortering, { sort: DiariumSortering; href: string; ariaSort: string }>;
}

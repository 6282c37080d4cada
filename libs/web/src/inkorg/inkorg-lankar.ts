import { CappedSida } from '@app/core';
import { sidlankar } from '../grund/sidlankar';
import { INKORG_SORTERING, InkorgQuery, InkorgSortering } from '@app/svar';

/** What the inkorg page's address carries: the filters, the sort and the page. */
type Adress = Pick<InkorgQuery, 'status' | 'forsenad' | 'q' | 'sort' | 'order' | 'page'>;

/** The inkorg's address for `adress`, defaults left out, so a link reads as what it shows. */
export function inkorgHref(adress: Adress): string {
  const q = new URLSearchParams();
  if (adress.status) q.set('status', adress.status);
  if (adress.forsenad !== undefined) q.set('forsenad', String(adress.forsenad));
  if (adress.q) q.set('q', adress.q);
  if (adress.sort !== 'svarsdatum') q.set('sort', adress.sort);
  if (adress.order !== 'asc') q.set('order', adress.order);
  if (adress.page > 1) q.set('page', String(adress.page));
  const s = q.toString();
  return s ? `/inkorg?${s}` : '/inkorg';
}

export interface Kolumnrubrik {
  sort: InkorgSortering;
  href: string;
  /** aria-sort of the header cell: how the table is sorted now. */
  ariaSort: 'ascending' | 'descending' | 'none';
}

/** A header per sortable column: a link to sort by it, ascending first, the other way when it is the sort already. */
export function kolumnrubriker(filter: Adress): Record<InkorgSortering, Kolumnrubrik> {
  return Object.fromEntries(
    INKORG_SORTERING.map((sort) => {
      const aktiv = filter.sort === sort;
      const order = aktiv && filter.order === 'asc' ? 'desc' : 'asc';
      const ariaSort = !aktiv ? 'none' : filter.order === 'asc' ? 'ascending' : 'descending';
      return [sort, { sort, href: inkorgHref({ ...filter, sort, order, page: 1 }), ariaSort }];
    }),
  ) as Record<InkorgSortering, Kolumnrubrik>;
}

/** govukPagination's parameters for the inkorg's page links. */
export function sidnumrering(filter: Adress, sida: CappedSida<unknown>) {
  return sidlankar(sida, (page) => inkorgHref({ ...filter, page }));
}

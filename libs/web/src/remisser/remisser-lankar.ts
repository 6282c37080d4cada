import { RemissListQuery } from '@app/remiss';
import { Kolumnrubrik } from '../inkorg/inkorg-lankar';

/** What the remisser page's address carries: the filters, the sort and the page. */
export type RemisserAdress = Pick<RemissListQuery, 'status' | 'forsenad' | 'ar' | 'q' | 'sort' | 'order' | 'page'>;

export const REMISS_SORTERING = ['skapad', 'arendemening', 'diarienummer', 'svarsdatum', 'status'] as const;
type RemissSortering = (typeof REMISS_SORTERING)[number];

/** The list's address, defaults (newest first) left out, so a link reads as what it shows. */
export function remisserHref(a: RemisserAdress): string {
  const q = new URLSearchParams();
  if (a.status) q.set('status', a.status);
  if (a.forsenad !== undefined) q.set('forsenad', String(a.forsenad));
  if (a.ar) q.set('ar', String(a.ar));
  if (a.q) q.set('q', a.q);
  if (a.sort !== 'skapad') q.set('sort', a.sort);
  if (a.order !== 'desc') q.set('order', a.order);
  if (a.page > 1) q.set('page', String(a.page));
  const s = q.toString();
  return s ? `/remisser?${s}` : '/remisser';
}

/** A header per sortable column: text columns ascending first, dates newest first; the other way when it is the sort. */
export function remissKolumnrubriker(a: RemisserAdress): Record<RemissSortering, Omit<Kolumnrubrik, 'sort'>> {
  return Object.fromEntries(
    REMISS_SORTERING.map((sort) => {
      const aktiv = a.sort === sort;
      const forst = sort === 'skapad' ? 'desc' : 'asc';
      const order = aktiv ? (a.order === 'asc' ? 'desc' : 'asc') : forst;
      const ariaSort = !aktiv ? 'none' : a.order === 'asc' ? 'ascending' : 'descending';
      return [sort, { href: remisserHref({ ...a, sort, order, page: 1 }), ariaSort }];
    }),
  ) as Record<RemissSortering, Omit<Kolumnrubrik, 'sort'>>;
}

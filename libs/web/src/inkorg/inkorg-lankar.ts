import { CappedSida } from '@app/core';
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

interface Sidlank {
  number?: number;
  href?: string;
  current?: boolean;
  ellipsis?: boolean;
  visuallyHiddenText?: string;
}

/**
 * govukPagination's parameters in Swedish: first, last and the pages around the current one.
 * `adressFor` builds a page's address (the inkorg's by default; the remisser list passes its own).
 */
export function sidnumrering<A extends { page: number }>(
  filter: A,
  sida: CappedSida<unknown>,
  adressFor: (a: A) => string = inkorgHref as unknown as (a: A) => string,
) {
  const antalSidor = Math.max(1, Math.ceil(sida.total / sida.pageSize));
  // Beyond the count's cap the last page is unknown: there is a next page while this one is full.
  const finnsNasta = sida.page < antalSidor || (sida.totalCapped && sida.items.length === sida.pageSize);
  const sista = sida.totalCapped ? Math.max(antalSidor, sida.page) : antalSidor;
  const href = (page: number) => adressFor({ ...filter, page });
  const visa = [...new Set([1, sida.page - 1, sida.page, sida.page + 1, ...(sida.totalCapped ? [] : [sista])])]
    .filter((n) => n >= 1 && n <= Math.max(sista, sida.page + (finnsNasta ? 1 : 0)))
    .sort((a, b) => a - b);
  const items: Sidlank[] = [];
  for (const [i, n] of visa.entries()) {
    if (i > 0 && n - visa[i - 1] > 1) items.push({ ellipsis: true });
    items.push({
      number: n,
      href: href(n),
      current: n === sida.page,
      visuallyHiddenText: sida.totalCapped ? `Sida ${n}` : `Sida ${n} av ${antalSidor}`,
    });
  }
  return {
    visas: antalSidor > 1 || sida.page > 1 || finnsNasta,
    landmarkLabel: 'Sidnumrering',
    previous:
      sida.page > 1
        ? { href: href(sida.page - 1), html: 'Föregående<span class="govuk-visually-hidden"> sida</span>' }
        : undefined,
    next: finnsNasta
      ? { href: href(sida.page + 1), html: 'Nästa<span class="govuk-visually-hidden"> sida</span>' }
      : undefined,
    items,
  };
}

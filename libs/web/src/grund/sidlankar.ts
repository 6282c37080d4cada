import { CappedSida } from '@app/core';

interface Sidlank {
  number?: number;
  href?: string;
  current?: boolean;
  ellipsis?: boolean;
  visuallyHiddenText?: string;
}

/** govukPagination's parameters in Swedish: first, last and the pages around the current one, each at `href(page)`. */
export function sidlankar(sida: CappedSida<unknown>, href: (page: number) => string) {
  const antalSidor = Math.max(1, Math.ceil(sida.total / sida.pageSize));
  // Beyond the count's cap the last page is unknown: there is a next page while this one is full.
  const finnsNasta = sida.page < antalSidor || (sida.totalCapped && sida.items.length === sida.pageSize);
  const sista = sida.totalCapped ? Math.max(antalSidor, sida.page) : antalSidor;
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

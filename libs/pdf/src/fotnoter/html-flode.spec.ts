import { describe, expect, it } from '@jest/globals';
import { lasHtml } from './html-flode';
import { medFotnotsytor } from './fotnotsombrytning';

const dokument = (main: string) =>
  `<!DOCTYPE html><html lang="sv-SE"><head><title>Titel</title><style>p { margin: 0; }</style></head>` +
  `<body><header><img src="data:image/svg+xml;base64,${'A'.repeat(5000)}" alt="Emblem"></header><main>${main}</main></body></html>`;

const text = (html: string) =>
  lasHtml(html)
    .tecken.map((t) => html.slice(t.offset, t.efter))
    .join('');

describe('lasHtml', () => {
  it('counts what is printed: text and list numbers, not styles, titles, attributes or spaces', () => {
    const html = dokument(
      '<p>Hej &amp; då,\n  <span class="datum">2025-03-20</span></p><ol class="lista"><li>A</li><li>B</li></ol>',
    );
    expect(
      lasHtml(html)
        .tecken.map((t) => (t.offset === t.efter ? '·' : html.slice(t.offset, t.efter)))
        .join(''),
    ).toBe('Hej&amp;då,2025-03-20··A··B');
  });

  it('knows each reference mark, and each footnote paragraph wherever it is', () => {
    const html = dokument(
      '<p>Ord<sup class="fotnotsmarkering">12</sup> mer</p><section class="fotnoter"><p id="fotnot-12"><sup>12</sup> Noten.</p></section>',
    );
    const flode = lasHtml(html);
    expect(flode.tecken.filter((t) => t.markering === 12).length).toBe(2);
    expect(flode.tecken.filter((t) => t.fotnot === 12 && t.iSlutnoter).length).toBe('12Noten.'.length);
    expect(flode.fotnotsstycken.get(12)?.tag).toBe('p');
  });
});

describe('medFotnotsytor', () => {
  const html = dokument(
    '<section class="synpunkt"><p>Första raden andra<sup class="fotnotsmarkering">1</sup> raden tredje raden.</p><p>Nästa stycke.</p></section>',
  );
  const fotnot = new Map([[1, '<p id="fotnot-1"><sup>1</sup> Noten.</p>']]);

  it('splits the paragraph and its synpunkt at the block and opens them again, so the text reads on unchanged', () => {
    const bas = lasHtml(html);
    const snitt = text(html).indexOf('tredje');
    const ut = medFotnotsytor(bas, [{ snitt, fotnoter: [1], luft: 12.5, sida: 1 }], fotnot);
    expect(ut).toContain(
      'raden </p></section><div class="fotnotsyta sidslut" data-sida="1" role="note" aria-label="Fotnoter" style="margin-top: 12.50pt"><p id="fotnot-1"><sup>1</sup> Noten.</p></div><section class="synpunkt fortsatt"><p class="fortsatt">tredje',
    );
    expect(ut).toContain('<section class="synpunkt delad"><p class="delad">Första');
    const utanBlock = lasHtml(ut).tecken.filter((t) => !t.fotnotsyta);
    expect(utanBlock.map((t) => ut.slice(t.offset, t.efter)).join('')).toBe(text(html));
  });

  it('puts a block between two paragraphs after the first, and the next starts the page without its margin', () => {
    const bas = lasHtml(html);
    const snitt = text(html).indexOf('Nästa');
    const ut = medFotnotsytor(bas, [{ snitt, fotnoter: [1], luft: 0, sida: 2 }], fotnot);
    expect(ut).toContain('raden.</p></section><div class="fotnotsyta sidslut" data-sida="2"');
    expect(ut).toContain('</div><section class="synpunkt fortsatt"><p class="sidborjan">Nästa');
    expect(ut).toContain('<p class="fore-fotnoter">Första');
  });
});

import { DomainError, EmblemSkal } from '@app/core';
import type { EmblemTyp } from '@app/database';

/** The largest emblem accepted (the column's limit): an emblem is a small drawing, not a photograph. */
export const EMBLEM_MAX_BYTES = 512 * 1024;

export interface Emblem {
  typ: EmblemTyp;
  data: Buffer;
}

const PNG_SIGNATUR = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The elements a letterhead emblem may draw with. An allowlist, not a blocklist: whatever SVG
 * grows next (a new way to load or run something) is refused until someone adds it here.
 */
const ELEMENT = new Set(
  [
    'svg',
    'g',
    'path',
    'rect',
    'circle',
    'ellipse',
    'line',
    'polyline',
    'polygon',
    'text',
    'tspan',
    'defs',
    'lineargradient',
    'radialgradient',
    'stop',
    'title',
    'desc',
    'clippath',
    'mask',
    'symbol',
    'use',
    'pattern',
    'style',
    'metadata',
  ].map((e) => e.toLowerCase()),
);

/** A reference inside the document (`#id`) or an embedded raster image: nothing else may be loaded. */
const INRE_REFERENS = /^\s*(#[\w.:-]*|data:image\/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*)\s*$/i;

const fel = (skal: EmblemSkal, detalj = '') => new DomainError('EMBLEM_OGILTIGT', { skal, detalj });

/**
 * Checks an uploaded emblem: a PNG by its signature and first chunk (IHDR), an SVG by reading every
 * tag and attribute. A hostile SVG is refused, not repaired: the admin learns what was wrong and
 * uploads a clean file, and no half-cleaned drawing ends up on every letter. Refused: script,
 * event attributes (`on…`), foreignObject and any element outside the allowlist, DOCTYPE and
 * entities (XXE, billion laughs), processing instructions other than the XML declaration,
 * `href`/`xlink:href` to anything but `#id` or an embedded image, `url(…)` and `@import` to
 * outside, and `javascript:` anywhere.
 */
export function checkEmblem(data: Buffer): Emblem {
  if (data.length === 0) throw fel('tom');
  if (data.length > EMBLEM_MAX_BYTES) throw fel('storlek');
  if (data.subarray(0, 8).equals(PNG_SIGNATUR)) return { typ: 'image/png', data: checkPng(data) };
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('<')) throw fel('typ');
  checkSvg(text);
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(text)) throw fel('typ');
  return { typ: 'image/svg+xml', data };
}

function checkPng(data: Buffer): Buffer {
  // IHDR must be the first chunk, 13 bytes long, with a width and height of at least 1.
  if (data.length < 33 || data.toString('latin1', 12, 16) !== 'IHDR' || data.readUInt32BE(8) !== 13) throw fel('png');
  if (data.readUInt32BE(16) === 0 || data.readUInt32BE(20) === 0) throw fel('png');
  return data;
}

function checkSvg(text: string): void {
  if (/<!DOCTYPE|<!ENTITY|<!\[CDATA\[/i.test(text)) throw fel('svg', 'DOCTYPE, ENTITY eller CDATA');
  if (/<\?(?!xml\s)/i.test(text)) throw fel('svg', 'en behandlingsinstruktion');
  if (/javascript\s*:/i.test(text)) throw fel('skript', 'javascript:');
  const utanKommentarer = text.replace(/^\s*<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  if (/<!--/.test(utanKommentarer)) throw fel('svg', 'en kommentar som inte avslutas');
  // Every tag: its name, and its attributes.
  for (const [, namn, attribut] of utanKommentarer.matchAll(/<\/?\s*([^\s/>]+)([^>]*)>/g)) {
    const element = namn.replace(/^[\w-]+:/, '').toLowerCase();
    if (element === 'script') throw fel('skript', '<script>');
    if (!ELEMENT.has(element)) throw fel('element', `<${namn}>`);
    checkAttribut(attribut);
  }
  // Text between the tags: a style element's CSS may load what an attribute may not.
  checkCss(utanKommentarer.replace(/<[^>]*>/g, ' '));
  if (/<[^>]*$/.test(utanKommentarer)) throw fel('svg', 'en tagg som inte avslutas');
}

function checkAttribut(attribut: string): void {
  const rest = attribut.replace(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*')/g, (_hela, namn: string, citerat: string) => {
    const varde = decodeEntities(citerat.slice(1, -1));
    const lokalt = namn.replace(/^[\w-]+:/, '').toLowerCase();
    if (lokalt.startsWith('on')) throw fel('handelse', namn);
    if (lokalt === 'href' || lokalt === 'src') {
      if (!INRE_REFERENS.test(varde)) throw fel('extern', `${namn}="${varde.slice(0, 60)}"`);
    } else if (/javascript\s*:/i.test(varde)) throw fel('skript', namn);
    checkCss(varde);
    return ' ';
  });
  // An attribute without quotes, or without a value, is not XML; it is also how parsers are fooled.
  if (rest.replace(/\s|\//g, '') !== '') throw fel('svg', `attributet ${rest.trim().slice(0, 40)}`);
}

function checkCss(css: string): void {
  if (/@import/i.test(css)) throw fel('extern', '@import');
  for (const [, , ref] of css.matchAll(/url\s*\(\s*(['"]?)([^)'"]*)\1\s*\)/gi))
    if (!INRE_REFERENS.test(ref)) throw fel('extern', `url(${ref.slice(0, 60)})`);
  if (/expression\s*\(|javascript\s*:/i.test(css)) throw fel('skript', 'CSS');
}

/** An attribute value as a parser reads it: `&#106;avascript:` is javascript:. */
function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);?/gi, (_m, h: string) => String.fromCodePoint(Number.parseInt(h, 16) % 0x110000))
    .replace(/&#(\d+);?/g, (_m, d: string) => String.fromCodePoint(Number(d) % 0x110000))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .replace(/&amp;/gi, '&');
}

/** The emblem as the documents load it: a data: URL. */
export const emblemDataUrl = (e: Emblem): string => `data:${e.typ};base64,${e.data.toString('base64')}`;

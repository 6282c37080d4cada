import { describe, expect, it } from '@jest/globals';
import { DomainError } from '@app/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkEmblem, EMBLEM_MAX_BYTES } from './emblem';

const svg = (inner: string, attr = '') =>
  Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attr}>${inner}</svg>`,
  );

/** A PNG of 1 × 1 pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function avslag(data: Buffer): string {
  try {
    checkEmblem(data);
  } catch (e) {
    if (e instanceof DomainError) return e.svenska;
    throw e;
  }
  throw new Error('accepted');
}

describe('the emblem check', () => {
  it('accepts the letterhead folders’ emblems, a gradient with an inner reference, and a PNG', () => {
    for (const kommun of ['enkoping', 'vadstena', 'region-exempel']) {
      const fil = readFileSync(join(__dirname, '../../../templates/kommuner', kommun, 'emblem.svg'));
      expect(checkEmblem(fil).typ).toBe('image/svg+xml');
    }
    const gradient = svg(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#000"/></linearGradient></defs><rect fill="url(#g)" width="1" height="1"/><use xlink:href="#g"/>',
    );
    expect(checkEmblem(gradient).typ).toBe('image/svg+xml');
    expect(checkEmblem(PNG).typ).toBe('image/png');
    expect(checkEmblem(Buffer.from('<?xml version="1.0"?>\n' + svg('<rect/>').toString())).typ).toBe('image/svg+xml');
  });

  it.each([
    ['a script element', svg('<script>alert(1)</script>'), 'skript'],
    ['a namespaced script element', svg('<svg:script>alert(1)</svg:script>'), 'skript'],
    ['an event attribute', svg('<rect width="1" height="1" onclick="alert(1)"/>'), 'onclick'],
    ['an event attribute on the root', svg('', ' onload="alert(1)"'), 'onload'],
    ['foreignObject', svg('<foreignObject><iframe src="https://evil.example"/></foreignObject>'), 'foreignObject'],
    ['a link to http', svg('<image href="https://evil.example/a.png"/>'), '<image>'],
    ['use of an external file', svg('<use xlink:href="https://evil.example/s.svg#a"/>'), 'https://evil.example'],
    ['a data: URL that is not an image', svg('<use href="data:text/html;base64,PHNjcmlwdD4="/>'), 'data:text/html'],
    ['javascript: written with entities', svg('<use href="&#106;avascript:alert(1)"/>'), 'javascript'],
    ['CSS loading from outside', svg('<style>@import url(https://evil.example/x.css);</style>'), '@import'],
    ['a fill from outside', svg('<rect style="fill:url(https://evil.example/p.svg#x)"/>'), 'url(https://evil.example'],
    ['a DOCTYPE with entities', Buffer.from('<!DOCTYPE svg [<!ENTITY x "y">]><svg>&x;</svg>'), 'DOCTYPE'],
    ['an unquoted attribute', svg('<rect onclick=alert(1) />'), 'onclick'],
    [
      'a stylesheet instruction',
      Buffer.from('<?xml-stylesheet href="https://e.x/a.css"?><svg></svg>'),
      'behandlingsinstruktion',
    ],
    ['HTML, not SVG', Buffer.from('<html><body>hej</body></html>'), '<html>'],
    ['a PNG without IHDR', Buffer.concat([PNG.subarray(0, 8), Buffer.alloc(40)]), 'PNG'],
    ['text that is no image', Buffer.from('hej'), 'PNG-fil'],
    ['an empty file', Buffer.alloc(0), 'tom'],
    ['a file over the limit', Buffer.alloc(EMBLEM_MAX_BYTES + 1, 32), '512 kB'],
  ])('refuses %s, naming what is wrong', (_namn, data, ord) => {
    expect(avslag(data)).toContain(ord);
  });
});

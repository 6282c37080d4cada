import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKommun } from './kommun';
import { cssText } from './mallar.service';

function mallfiler(katalog: string): string[] {
  return readdirSync(katalog).flatMap((namn) => {
    const fil = join(katalog, namn);
    return statSync(fil).isDirectory() ? mallfiler(fil) : fil.endsWith('.hbs') ? [fil] : [];
  });
}

describe('templates', () => {
  it("print every value through Handlebars' HTML escaping: no triple-stash anywhere", () => {
    const filer = mallfiler('templates');
    expect(filer.length).toBeGreaterThanOrEqual(10);
    for (const fil of filer)
      expect({ fil, trippel: readFileSync(fil, 'utf8').includes('{{{') }).toEqual({ fil, trippel: false });
  });
});

describe('cssText', () => {
  it('leaves no character that could end a CSS string or rule', () => {
    const farlig = 'UN2025/1\\" } @import url(x); </style>\n';
    expect(cssText(farlig)).toMatch(/^[A-Za-z0-9 \\]+$/);
    expect(cssText('Kungsgatan 42, Enköping')).toBe('Kungsgatan 42\\00002c  Enk\\0000f6 ping');
  });
});

describe('a kommun folder', () => {
  it('is a new letterhead when copied and its kommun.json edited', () => {
    const kommuner = mkdtempSync(join(tmpdir(), 'remiss-kommuner-'));
    cpSync('templates/kommuner/vadstena', join(kommuner, 'motala'), { recursive: true });
    const json = JSON.parse(readFileSync(join(kommuner, 'motala', 'kommun.json'), 'utf8'));
    writeFileSync(
      join(kommuner, 'motala', 'kommun.json'),
      JSON.stringify({ ...json, namn: 'Motala kommun', organisationsnummer: '212000-0512' }),
    );
    const motala = loadKommun(kommuner, 'motala');
    expect(motala).toMatchObject({ slug: 'motala', namn: 'Motala kommun', organisationsnummer: '212000-0512' });
    expect(motala.emblem).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('names the labels of the dnr, "Vårt dnr" and "Ert dnr" unless its kommun.json says otherwise', () => {
    expect(loadKommun('templates/kommuner', 'enkoping').etiketter).toEqual({
      vartDnr: 'Ärendenummer',
      ertDnr: 'Ert dnr',
    });
    expect(loadKommun('templates/kommuner', 'region-exempel')).toMatchObject({
      namn: 'Region Exempel',
      organisationsnummer: '232100-0990',
      etiketter: { vartDnr: 'Diarienummer', ertDnr: 'Ert diarienummer' },
    });
    const kommuner = mkdtempSync(join(tmpdir(), 'remiss-kommuner-'));
    cpSync('templates/kommuner/vadstena', join(kommuner, 'utan'), { recursive: true });
    const { etiketter: _etiketter, ...json } = JSON.parse(readFileSync(join(kommuner, 'utan', 'kommun.json'), 'utf8'));
    writeFileSync(join(kommuner, 'utan', 'kommun.json'), JSON.stringify(json));
    expect(loadKommun(kommuner, 'utan').etiketter).toEqual({ vartDnr: 'Vårt dnr', ertDnr: 'Ert dnr' });
  });

  it('with a colour that is not a colour is refused with the field named', () => {
    const kommuner = mkdtempSync(join(tmpdir(), 'remiss-kommuner-'));
    cpSync('templates/kommuner/vadstena', join(kommuner, 'trasig'), { recursive: true });
    const json = JSON.parse(readFileSync(join(kommuner, 'trasig', 'kommun.json'), 'utf8'));
    writeFileSync(
      join(kommuner, 'trasig', 'kommun.json'),
      JSON.stringify({ ...json, farger: { primar: 'red;} body{display:none', accent: '#000000' } }),
    );
    expect(() => loadKommun(kommuner, 'trasig')).toThrow(/farger\.primar must be a colour/);
    expect(() => loadKommun(kommuner, '../etc')).toThrow(/Unknown kommun/);
    expect(() => loadKommun(kommuner, 'finns-inte')).toThrow(/Unknown kommun "finns-inte"/);
  });
});

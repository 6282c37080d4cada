import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrevhuvudUppgifter } from '../dokument';
import { UN2025_412 } from '../exempel/un2025-412';
import { remissvarVy } from '../vy/remissvar-vy';
import { findKommun, kommunFor, loadKommun } from './kommun';
import { cssText, Mallar } from './mallar.service';

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

/** What a region onboarded by the command prints before its admin saves a letterhead: its organisation row. */
const NY_REGION: BrevhuvudUppgifter = {
  namn: 'Region Nordanå',
  besoksadress: '',
  postadress: 'Box 7, 901 85 Nordanå',
  telefon: '',
  epost: 'region@nordana.se',
  webb: '',
  organisationsnummer: '232100-0172',
  farger: { primar: '#3b3b3b', accent: '#6b6b6b' },
  etiketter: { vartDnr: 'Vårt dnr', ertDnr: 'Ert dnr' },
  emblem: '',
};

describe('an organisation without a letterhead folder', () => {
  const mallar = new Mallar('templates');
  const html = (uppgifter?: BrevhuvudUppgifter) =>
    mallar.html(
      'remissvar',
      { kommun: 'region-nordana', enhet: 'Regionstyrelsen', uppgifter },
      remissvarVy({ ...UN2025_412, brevhuvud: { kommun: 'region-nordana', enhet: 'Regionstyrelsen', uppgifter } }),
    );

  it('has no folder, while a folder that exists is read and a path out of templates/kommuner refused', () => {
    expect(findKommun('templates/kommuner', 'region-nordana')).toBeUndefined();
    expect(findKommun('templates/kommuner', 'vadstena')?.namn).toBe('Vadstena kommun');
    expect(() => findKommun('templates/kommuner', '../dokument')).toThrow(/Unknown kommun/);
  });

  it('prints its own fields in the general layout: no emblem, no empty footer lines', () => {
    const sida = html(NY_REGION);
    expect(sida).toContain('<div class="brevhuvud-allmant">');
    expect(sida).toContain('<p class="kommunnamn">Region Nordanå</p>');
    expect(sida).not.toContain('<img');
    expect(sida).toContain(`content: "${cssText('Org.nr 232100-0172')}";`);
    expect(sida).toContain(`content: "${cssText('region@nordana.se')}";`);
    expect(sida).not.toContain('Telefon');
  });

  it('prints an uploaded emblem, and refuses fields that would reach the CSS or the img src unchecked', () => {
    const emblem = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}`;
    expect(html({ ...NY_REGION, emblem })).toMatch(
      /<img class="emblem" src="data:image\/svg\+xml;base64,[^"]+" alt="Emblem för Region Nordanå">/,
    );
    expect(() => html({ ...NY_REGION, emblem: 'https://example.com/logo.svg' })).toThrow(/emblem must be a data: URL/);
    expect(() => html({ ...NY_REGION, farger: { primar: 'red;}', accent: '#000000' } })).toThrow(/farger\.primar/);
    expect(() => kommunFor(undefined, 'region-nordana', undefined)).toThrow(/neither a letterhead folder nor/);
  });
});

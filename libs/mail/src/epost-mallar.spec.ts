import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@app/core';
import { EpostMallar, EPOSTMALLAR, Epostmall } from './epost-mallar.service';

const mallar = new EpostMallar(loadConfig({ TEMPLATES_DIR: 'templates' }));
const OND = '<script>alert("å")</script> & Öl';

/** Every value a template may print, each carrying text that must not become markup. */
const data = {
  mottagare: `Utbildningsnämnden ${OND}`,
  arendemening: `Översyn av ärendehantering ${OND}`,
  diarienummer: 'KS2025/118',
  kontakt: 'Åsa Öberg, asa.oberg@enkoping.se',
  avsandare: 'Kommunstyrelsen i Enköpings kommun',
  svaraSenast: 'senast 2026-05-15 kl. 23.59',
  svarslank: 'https://remiss.enkoping.se/svara/abc?x=1&y=2',
  nyLank: true,
  orsak: `Skäl: ${OND}`,
  instans: 'Miljöförbundet',
  avstar: false,
  kontaktperson: 'Åsa',
  vartDnr: 'UN2026/412',
  filnamn: 'svar.pdf',
  inledning: 'Det här är en påminnelse om remissen',
  redigerbarFilnamn: 'svar.docx',
  mening: 'Det återstår 3 arbetsdagar till sista svarsdag.',
  fakta: [{ namn: 'Remiss', varde: `Översyn ${OND}` }],
  lank: 'https://remiss.enkoping.se/inkorg/1?a=1&b=2',
  remisslank: 'https://remiss.enkoping.se/remisser/1',
  personligLank: false,
  fragaOmLank: 'Åsa Öberg',
  namn: `Åsa ${OND}`,
  inbjudare: `Anna Admin ${OND}`,
  organisation: 'Region Exempel',
  roll: 'remissansvarig',
  giltigTill: '2026-12-05 kl. 08.00',
  epost: 'asa@example.se',
};
const render = (mall: Epostmall, extra: object = {}) =>
  mallar.render({ to: 'a@enkoping.se', subject: 'Ämne', messageId: '<x@y>', mall, data: { ...data, ...extra } });

describe('the e-mail templates (templates/epost)', () => {
  it.each(EPOSTMALLAR)(
    '%s: the HTML part escapes user text, the text part keeps it as written, å ä ö intact',
    (mall) => {
      const { text, html } = render(mall);
      expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
      expect(html).not.toContain('<script>');
      expect(text).not.toMatch(/&lt;|&amp;|&quot;|&#x27;|&#x3D;/);
      expect(text).not.toMatch(/\n\n\n|undefined|\{\{/);
      expect(html).not.toMatch(/undefined|\{\{/);
      if (mall.startsWith('konto-')) expect(text).toContain(`Hej Åsa ${OND}`);
      else if (mall !== 'paminnelse' && mall !== 'remissvar') {
        expect(text).toContain(`Till Utbildningsnämnden ${OND}`);
        expect(html).toContain('Till Utbildningsnämnden &lt;script&gt;alert(&quot;å&quot;)&lt;/script&gt; &amp; Öl');
      }
      expect(text).toMatch(/Det här meddelandet skickades automatiskt från Remissplattformen\.$/);
    },
  );

  it('the invitation reads as a letter, with the link as a link', () => {
    const { text, html } = render('remiss-utskick');
    expect(text).toBe(
      [
        `Till Utbildningsnämnden ${OND}`,
        '',
        `Kommunstyrelsen i Enköpings kommun skickar remissen "Översyn av ärendehantering ${OND}" (dnr KS2025/118) till er för yttrande.`,
        '',
        'Tidigare länkar till remissen gäller inte längre; använd den här.',
        '',
        'Svara senast 2026-05-15 kl. 23.59. Ange vårt diarienummer KS2025/118 i svaret.',
        '',
        'Remissen, remisshandlingarna och missivet finns här:',
        'https://remiss.enkoping.se/svara/abc?x=1&y=2',
        '',
        'Kontaktperson: Åsa Öberg, asa.oberg@enkoping.se',
        '',
        'Det här meddelandet skickades automatiskt från Remissplattformen.',
      ].join('\n'),
    );
    expect(html).toContain(
      '<a href="https://remiss.enkoping.se/svara/abc?x&#x3D;1&amp;y&#x3D;2">https://remiss.enkoping.se/svara/abc?x&#x3D;1&amp;y&#x3D;2</a>',
    );
    expect(render('remiss-utskick', { nyLank: false, kontakt: '' }).text).not.toMatch(/Tidigare länkar|Kontaktperson/);
  });

  it('every mail names who sends it with its organisation, and links to a page where it has one', () => {
    for (const mall of ['remiss-utskick', 'remiss-anstand', 'remiss-aterkallelse', 'paminnelse'] as const)
      expect(render(mall).text).toContain('Kommunstyrelsen i Enköpings kommun');
    for (const mall of ['remiss-anstand', 'remiss-aterkallelse'] as const) {
      expect(render(mall).html).toContain('<a href="https://remiss.enkoping.se/inkorg/1?a&#x3D;1&amp;b&#x3D;2">');
      // An external party has no page to open but its personal link, which the invitation gave it.
      expect(render(mall, { lank: undefined }).html).not.toContain('href=');
    }
    for (const mall of ['externt-svar', 'remissvar'] as const)
      expect(render(mall).text).toContain('Remissen och svaren:\nhttps://remiss.enkoping.se/remisser/1\n');
  });

  it('a reminder without a link (revoked) says whom to ask, and has no href', () => {
    const { text, html } = render('paminnelse', { lank: null });
    expect(text).toContain('Er personliga länk till remissen har stängts av avsändaren. Kontakta Åsa Öberg');
    expect(text).toContain(`Remiss: Översyn ${OND}\n`);
    expect(html).not.toContain('href=');
    expect(html).toContain('<tr><th align="left">Remiss</th><td>Översyn &lt;script&gt;');
  });
});

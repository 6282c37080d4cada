import { describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { Meddelandebyggare } from './ra-meddelande';

describe('the raw MIME message of a mail', () => {
  const byggare = new Meddelandebyggare('Remissplattformen Enköping <noreply@enkoping.se>');
  const amne =
    'KS2025/118 Försenat remissvar: Förslag till policy för digital omställning och ännu längre ärendemening som måste vikas';

  it('reads back as the mail it was built from: Swedish subject and sender, text, HTML, Cc, Reply-To, Message-ID', async () => {
    const { envelope, raw } = byggare.build(
      {
        to: ['un@enkoping.se', 'un.handlaggare@enkoping.demo'],
        cc: 'remissansvarig@enkoping.demo',
        replyTo: 'anna.svensson@enkoping.se',
        subject: amne,
        text: 'Hej!\n\nSvara senast 2026-05-15 kl. 23.59. Åäö.\n.\nEn rad som börjar med punkt.',
        html: '<p>Svara senast <b>2026-05-15</b> – åäö</p>',
        messageId: '<paminnelse.1@remissplattformen>',
      },
      new Date('2026-03-20T07:00:00Z'),
    );
    expect(envelope).toEqual({
      from: 'noreply@enkoping.se',
      to: ['un@enkoping.se', 'un.handlaggare@enkoping.demo', 'remissansvarig@enkoping.demo'],
    });
    expect(
      raw
        .toString('latin1')
        .split('\r\n')
        .every((rad) => rad.length <= 78),
    ).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.subject).toBe(amne);
    expect(mail.from?.value).toEqual([{ name: 'Remissplattformen Enköping', address: 'noreply@enkoping.se' }]);
    expect((Array.isArray(mail.cc) ? mail.cc[0] : mail.cc)?.text).toBe('remissansvarig@enkoping.demo');
    expect(mail.replyTo?.text).toBe('anna.svensson@enkoping.se');
    expect(mail.messageId).toBe('<paminnelse.1@remissplattformen>');
    expect(mail.date?.toISOString()).toBe('2026-03-20T07:00:00.000Z');
    expect(mail.text).toBe('Hej!\n\nSvara senast 2026-05-15 kl. 23.59. Åäö.\n.\nEn rad som börjar med punkt.');
    expect(mail.html).toBe('<p>Svara senast <b>2026-05-15</b> – åäö</p>');
  });

  it('names the organisation it sends for in From, at the platform’s address, whatever characters the name has', async () => {
    const from = async (avsandarnamn: string) =>
      (
        await simpleParser(
          byggare.build(
            { to: 'a@habo.se', avsandarnamn, subject: 'Hej', text: 'x', messageId: '<x.3@remissplattformen>' },
            new Date(),
          ).raw,
        )
      ).from?.value;
    expect(await from('Kommunstyrelsen i Enköpings kommun')).toEqual([
      { name: 'Kommunstyrelsen i Enköpings kommun via Remissplattformen Enköping', address: 'noreply@enkoping.se' },
    ]);
    expect(await from('Habo kommun, KS "Nord"')).toEqual([
      { name: 'Habo kommun, KS "Nord" via Remissplattformen Enköping', address: 'noreply@enkoping.se' },
    ]);
    const lang = byggare.build(
      {
        to: 'a@habo.se',
        avsandarnamn: 'Kultur- och fritidsnämnden i Upplands-Bro kommun',
        subject: 'Hej',
        text: 'x',
        messageId: '<x.4@remissplattformen>',
      },
      new Date(),
    ).raw;
    expect(
      lang
        .toString('latin1')
        .split('\r\n')
        .every((rad) => rad.length <= 78),
    ).toBe(true);
    expect(await from('Region Uppsala, Regionstyrelsen')).toEqual([
      { name: 'Region Uppsala, Regionstyrelsen via Remissplattformen Enköping', address: 'noreply@enkoping.se' },
    ]);
  });

  it('a mail without HTML is a single text part, and without a Reply-To has none', async () => {
    const mail = await simpleParser(
      byggare.build(
        { to: 'a@enkoping.se', subject: 'Hej', text: 'Bara text', messageId: '<x.2@remissplattformen>' },
        new Date(),
      ).raw,
    );
    expect(mail.text).toBe('Bara text');
    expect(mail.html).toBe(false);
    expect(mail.replyTo).toBeUndefined();
  });

  it('carries attachments as base64 parts beside the text and HTML, their Swedish file names intact', async () => {
    const pdf = Buffer.from('%PDF-1.7\n' + 'x'.repeat(500) + '\n%%EOF\n');
    const { raw } = byggare.build(
      {
        to: 'kontakt@region.se',
        subject: 'Kvittens',
        text: 'Ert svar är mottaget.',
        html: '<p>Ert svar är mottaget.</p>',
        bilagor: [
          { filnamn: 'KS2025-118-Region-Uppsala.pdf', mimetyp: 'application/pdf', data: pdf },
          {
            filnamn: 'Yttrande från Länsstyrelsen i Östergötland, slutlig version.pdf',
            mimetyp: 'application/pdf',
            data: pdf,
          },
        ],
        messageId: '<kvittens.1@remissplattformen>',
      },
      new Date(),
    );
    expect(
      raw
        .toString('latin1')
        .split('\r\n')
        .every((rad) => rad.length <= 78),
    ).toBe(true);
    const mail = await simpleParser(raw);
    expect(mail.text).toBe('Ert svar är mottaget.');
    expect(mail.html).toBe('<p>Ert svar är mottaget.</p>');
    expect(mail.attachments.map((a) => [a.filename, a.contentType, a.content.equals(pdf)])).toEqual([
      ['KS2025-118-Region-Uppsala.pdf', 'application/pdf', true],
      ['Yttrande från Länsstyrelsen i Östergötland, slutlig version.pdf', 'application/pdf', true],
    ]);
  });

  // The builder uses nodemailer's internal encoders (nodemailer/lib/…, no public API, pinned exactly in
  // package.json): an upgrade that changes a byte of what they write fails here before it reaches a mail.
  it('writes exactly these bytes (Q-encoded headers folded at 76, quoted-printable parts, CRLF)', () => {
    const { raw } = byggare.build(
      {
        to: ['un@enkoping.se'],
        cc: 'kontakt@enkoping.se',
        replyTo: 'anna.svensson@enkoping.se',
        subject: 'KS2025/118 Påminnelse: Översyn av ärendehantering – svara senast 15 maj',
        text: 'Hej!\n\nÅäö = lika.\n.\nSlut',
        html: '<p>Åäö &amp; "citat"</p>',
        messageId: '<paminnelse.1@remissplattformen>',
      },
      new Date('2026-03-20T07:00:00Z'),
    );
    expect(raw.toString('latin1')).toBe(
      [
        'From: Remissplattformen =?UTF-8?Q?Enk=C3=B6ping?= <noreply@enkoping.se>',
        'To: un@enkoping.se',
        'Cc: kontakt@enkoping.se',
        'Reply-To: anna.svensson@enkoping.se',
        'Subject: KS2025/118 =?UTF-8?Q?P=C3=A5minnelse=3A_=C3=96versyn_av_?=',
        ' =?UTF-8?Q?=C3=A4rendehantering_=E2=80=93?= svara senast 15 maj',
        'Message-ID: <paminnelse.1@remissplattformen>',
        'Date: Fri, 20 Mar 2026 07:00:00 +0000',
        'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="=_remissplattformen_del"',
        '',
        '--=_remissplattformen_del',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Hej!',
        '',
        '=C3=85=C3=A4=C3=B6 =3D lika.',
        '.',
        'Slut',
        '--=_remissplattformen_del',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        '<p>=C3=85=C3=A4=C3=B6 &amp; "citat"</p>',
        '--=_remissplattformen_del--',
      ].join('\r\n'),
    );
  });
});

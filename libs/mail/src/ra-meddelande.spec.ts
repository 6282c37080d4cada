import { describe, expect, it } from '@jest/globals';
import { simpleParser } from 'mailparser';
import { Meddelandebyggare } from './ra-meddelande';

describe('the raw MIME message of a mail', () => {
  const byggare = new Meddelandebyggare('Remissplattformen Enköping <noreply@enkoping.se>');
  const amne =
    'KS2025/118 Försenat remissvar: Förslag till policy för digital omställning och ännu längre ärendemening som måste vikas';

  it('reads back as the mail it was built from: Swedish subject and sender, text, HTML, Cc, Message-ID', async () => {
    const { envelope, raw } = byggare.bygg(
      {
        to: ['un@enkoping.se', 'un.handlaggare@enkoping.demo'],
        cc: 'remissansvarig@enkoping.demo',
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
    expect(mail.messageId).toBe('<paminnelse.1@remissplattformen>');
    expect(mail.date?.toISOString()).toBe('2026-03-20T07:00:00.000Z');
    expect(mail.text).toBe('Hej!\n\nSvara senast 2026-05-15 kl. 23.59. Åäö.\n.\nEn rad som börjar med punkt.');
    expect(mail.html).toBe('<p>Svara senast <b>2026-05-15</b> – åäö</p>');
  });

  it('a mail without HTML is a single text part', async () => {
    const mail = await simpleParser(
      byggare.bygg(
        { to: 'a@enkoping.se', subject: 'Hej', text: 'Bara text', messageId: '<x.2@remissplattformen>' },
        new Date(),
      ).raw,
    );
    expect(mail.text).toBe('Bara text');
    expect(mail.html).toBe(false);
  });
});

import { describe, expect, it } from '@jest/globals';
import { Meddelandebyggare } from '../ra-meddelande';
import { readMime } from './mime-lasare';

describe('reading a mail for the development mail page', () => {
  it('reads back what the platform writes: folded Swedish subject, Reply-To, text and HTML parts', () => {
    const amne =
      'KS2025/118 Remiss från Kommunstyrelsen i Enköpings kommun: Förslag till policy för digital omställning – åäö';
    const text = 'Till Utbildningsnämnden\n\nLänk: https://remiss.enkoping.se/inkorg/1?a=1&b=2\n.\nÅäö = lika.';
    const { raw } = new Meddelandebyggare('Remissplattformen <noreply@enkoping.se>').build(
      {
        to: ['un@enkoping.se', 'un.handlaggare@enkoping.se'],
        replyTo: 'remissansvarig@enkoping.se',
        subject: amne,
        text,
        html: '<p>Åäö &amp; <a href="https://remiss.enkoping.se/inkorg/1">länk</a></p>',
        messageId: '<remiss.1@remissplattformen>',
      },
      new Date('2026-03-20T07:00:00Z'),
    );
    expect(readMime(raw)).toEqual({
      from: 'Remissplattformen <noreply@enkoping.se>',
      to: 'un@enkoping.se, un.handlaggare@enkoping.se',
      replyTo: 'remissansvarig@enkoping.se',
      subject: amne,
      messageId: '<remiss.1@remissplattformen>',
      text,
      html: '<p>Åäö &amp; <a href="https://remiss.enkoping.se/inkorg/1">länk</a></p>',
    });
  });

  it('reads a base64 text part and B-encoded words, as other mail programs write them', () => {
    const raw = Buffer.from(
      [
        'From: =?utf-8?B?w4VzYSDDlmJlcmc=?= <asa@enkoping.se>',
        'To: un@enkoping.se',
        'Subject: =?iso-8859-1?Q?Sv=E4r_fr=E5ga?=',
        'Content-Type: multipart/mixed; boundary=yttre',
        '',
        '--yttre',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('Hej då, Åsa').toString('base64'),
        '--yttre',
        'Content-Type: application/pdf',
        '',
        'JVBERi0=',
        '--yttre--',
      ].join('\r\n'),
      'latin1',
    );
    expect(readMime(raw)).toMatchObject({
      from: 'Åsa Öberg <asa@enkoping.se>',
      subject: 'Svär fråga',
      text: 'Hej då, Åsa',
      html: '',
    });
  });

  it('gives what it can of a message that is not MIME at all, without throwing', () => {
    expect(readMime(Buffer.from('inte ett meddelande'))).toMatchObject({ subject: '', text: '' });
  });
});

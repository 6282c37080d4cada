// nodemailer's encoders have no public API: the version is pinned exactly (package.json) and the bytes are tested.
import addressparser from 'nodemailer/lib/addressparser';
import { encode as base64, wrap as wrapBase64 } from 'nodemailer/lib/base64';
import { buildHeaderValue, encodeWords, foldLines } from 'nodemailer/lib/mime-funcs';
import { encode, wrap } from 'nodemailer/lib/qp';
import { Minne } from '@app/core';
import type { Epost, EpostBilaga } from './mailer.service';

export interface RaMeddelande {
  envelope: { from: string; to: string[] };
  raw: Buffer;
}

/** Quoted-printable parts never contain "=_" (a literal "=" is encoded as "=3D"), so this boundary cannot occur inside them. */
const GRANS = '=_remissplattformen_del';
/** Nor do base64 parts ("=" only pads their end); neither boundary begins the other. */
const BILAGEGRANS = '=_remissplattformen_bilagor';

const lista = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const rader = (text: string) => text.replace(/\r?\n/g, '\r\n');
const del = (typ: string, innehall: string) =>
  `Content-Type: ${typ}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${wrap(encode(rader(innehall)), 76)}`;
/** A file as a base64 part; its name RFC 2231-encoded when it is not plain ASCII. */
const bilaga = ({ filnamn, mimetyp, data }: EpostBilaga) =>
  [
    foldLines(`Content-Type: ${buildHeaderValue({ value: mimetyp, params: { name: filnamn } })}`, 76),
    'Content-Transfer-Encoding: base64',
    foldLines(`Content-Disposition: ${buildHeaderValue({ value: 'attachment', params: { filename: filnamn } })}`, 76),
    '',
    wrapBase64(base64(data), 76),
  ].join('\r\n');

/** A display name as a header may carry it: encoded words when it has å, ä, ö, quoted when it has a special like ",". */
function visningsnamn(namn: string): string {
  // A line break in a name would end the header; names are checked text, but a header is no place to trust that.
  const ren = namn.replace(/\p{Cc}+/gu, ' ');
  const kodat = encodeWords(ren, 'Q', 52, true);
  if (kodat !== ren) return kodat;
  return /^[\w !#$%&'*+\-/=?^`{|}~]*$/.test(ren) ? ren : `"${ren.replace(/["\\]/g, '\\$&')}"`;
}

/**
 * Builds the MIME message of a mail (plain text, plus HTML when given, plus files) in one pass, with
 * nodemailer's own encoders. nodemailer's composer costs about half a millisecond per mail,
 * which alone caps the outbox below the 5,000 mails a second that 08:00 needs.
 */
export class Meddelandebyggare {
  private readonly fran: string;
  private readonly franNamn: string;
  private readonly franRubrik: string;
  private readonly franRubriker = new Minne<string>();

  constructor(mailFrom: string) {
    const [avsandare] = addressparser(mailFrom, { flatten: true });
    if (!avsandare?.address) throw new Error(`MAIL_FROM is not an address: ${mailFrom}`);
    this.fran = avsandare.address;
    this.franNamn = avsandare.name || 'Remissplattformen';
    this.franRubrik = avsandare.name
      ? `${encodeWords(avsandare.name, 'Q', 52)} <${avsandare.address}>`
      : avsandare.address;
  }

  /** From: the platform's address, named for the organisation it sends for when the mail says whose it is. */
  private fromRubrik(avsandarnamn: string | undefined): string {
    if (!avsandarnamn) return `From: ${this.franRubrik}`;
    // 08:00's burst has a handful of senders: each one's encoded header is built once.
    return this.franRubriker.get(avsandarnamn, () =>
      foldLines(`From: ${visningsnamn(`${avsandarnamn} via ${this.franNamn}`)} <${this.fran}>`, 76),
    );
  }

  build(epost: Epost, datum: Date): RaMeddelande {
    const till = lista(epost.to);
    const kopia = lista(epost.cc);
    const rubriker = [
      this.fromRubrik(epost.avsandarnamn),
      foldLines(`To: ${till.join(', ')}`, 76),
      ...(kopia.length ? [foldLines(`Cc: ${kopia.join(', ')}`, 76)] : []),
      ...(epost.replyTo ? [foldLines(`Reply-To: ${epost.replyTo}`, 76)] : []),
      foldLines(`Subject: ${encodeWords(epost.subject, 'Q', 52)}`, 76),
      `Message-ID: ${epost.messageId}`,
      `Date: ${datum.toUTCString().replace(/GMT/, '+0000')}`,
      'MIME-Version: 1.0',
    ];
    const text =
      epost.html === undefined
        ? del('text/plain', epost.text)
        : `Content-Type: multipart/alternative; boundary="${GRANS}"\r\n\r\n--${GRANS}\r\n${del('text/plain', epost.text)}\r\n--${GRANS}\r\n${del('text/html', epost.html)}\r\n--${GRANS}--`;
    const kropp = epost.bilagor?.length
      ? `Content-Type: multipart/mixed; boundary="${BILAGEGRANS}"\r\n\r\n--${BILAGEGRANS}\r\n${text}\r\n${epost.bilagor
          .map((b) => `--${BILAGEGRANS}\r\n${bilaga(b)}\r\n`)
          .join('')}--${BILAGEGRANS}--`
      : text;
    // No line break after the body: it would become part of a single text part; SMTP adds the one before its final ".".
    return {
      envelope: { from: this.fran, to: [...till, ...kopia] },
      raw: Buffer.from(`${rubriker.join('\r\n')}\r\n${kropp}`, 'utf8'),
    };
  }
}

/** What the development mail page shows of a message. */
export interface LastMeddelande {
  from: string;
  to: string;
  replyTo: string;
  subject: string;
  messageId: string;
  text: string;
  html: string;
}

interface Del {
  rubriker: Map<string, string>;
  kropp: Buffer;
}

/**
 * Reads a MIME message far enough for the development mail page: headers (RFC 2047 words decoded),
 * a text/plain and a text/html part (quoted-printable, base64 or 8bit; nested multiparts). Not a
 * general MIME parser (mailparser is one, but a development dependency only): it reads what
 * `Meddelandebyggare` writes and what ordinary mail clients send, and never throws on the rest.
 */
export function readMime(raw: Buffer): LastMeddelande {
  const del = splitDel(raw);
  const delar = textDelar(del);
  const rubrik = (namn: string) => decodeWords(del.rubriker.get(namn) ?? '');
  return {
    from: rubrik('from'),
    to: rubrik('to'),
    replyTo: rubrik('reply-to'),
    subject: rubrik('subject'),
    messageId: rubrik('message-id'),
    text: delar.text ?? '',
    html: delar.html ?? '',
  };
}

function splitDel(raw: Buffer): Del {
  const slut = raw.indexOf('\r\n\r\n');
  const [huvud, kropp] = slut < 0 ? [raw, Buffer.alloc(0)] : [raw.subarray(0, slut), raw.subarray(slut + 4)];
  const rubriker = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const rad of huvud
    .toString('latin1')
    .replace(/\r\n(?=[ \t])/g, '')
    .split('\r\n')) {
    const kolon = rad.indexOf(':');
    if (kolon > 0) rubriker.set(rad.slice(0, kolon).trim().toLowerCase(), rad.slice(kolon + 1).trim());
  }
  return { rubriker, kropp };
}

function textDelar(del: Del): { text?: string; html?: string } {
  const typ = del.rubriker.get('content-type') ?? 'text/plain';
  const grans = /boundary="?([^";]+)"?/i.exec(typ)?.[1];
  if (/^multipart\//i.test(typ) && grans) {
    const resultat: { text?: string; html?: string } = {};
    for (const bit of del.kropp.toString('latin1').split(`--${grans}`).slice(1)) {
      if (bit.startsWith('--')) break;
      const inre = textDelar(splitDel(Buffer.from(bit.replace(/^\r\n/, '').replace(/\r\n$/, ''), 'latin1')));
      resultat.text ??= inre.text;
      resultat.html ??= inre.html;
    }
    return resultat;
  }
  const innehall = decodeKropp(del);
  if (/^text\/html/i.test(typ)) return { html: innehall };
  if (/^text\//i.test(typ)) return { text: innehall };
  return {};
}

function decodeKropp(del: Del): string {
  const kodning = (del.rubriker.get('content-transfer-encoding') ?? '').toLowerCase();
  const charset = /charset="?([^";]+)"?/i.exec(del.rubriker.get('content-type') ?? '')?.[1] ?? 'utf-8';
  const bytes =
    kodning === 'base64'
      ? Buffer.from(del.kropp.toString('latin1'), 'base64')
      : kodning === 'quoted-printable'
        ? decodeQuotedPrintable(del.kropp.toString('latin1'))
        : del.kropp;
  return decode(bytes, charset).replace(/\r\n/g, '\n');
}

function decodeQuotedPrintable(text: string): Buffer {
  const utan = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < utan.length; i++) {
    const hex = utan[i] === '=' ? utan.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(utan.charCodeAt(i) & 0xff);
  }
  return Buffer.from(bytes);
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`); whitespace between two of them is dropped. */
function decodeWords(varde: string): string {
  return varde
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, charset: string, satt: string, text: string) =>
      decode(
        satt.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
        charset,
      ),
    );
}

function decode(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase()).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}

import type { ReceivedMail, SmtpSink } from './smtp-sink';

/** The one-time link of an invitation (`/inbjudan/<token>`) or a reset (`/aterstall/<token>`) in a mail. */
export function kontoLank(text: string, typ: 'inbjudan' | 'aterstall'): { path: string; token: string } {
  const token = new RegExp(`/${typ}/([A-Za-z0-9_-]{43})`).exec(text)?.[1];
  if (!token) throw new Error(`no /${typ}/<token> link in the mail:\n${text}`);
  return { path: `/${typ}/${token}`, token };
}

/** Waits for the first mail to an address (the sink keeps every mail; a test may await several recipients). */
export async function mailTill(sink: SmtpSink, epost: string, timeoutMs = 20_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = sink.received.find((m) => m.to.includes(epost.toLowerCase()));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${epost} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

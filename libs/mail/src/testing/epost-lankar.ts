/**
 * The token of an external instans' personal link in a mail: the link is the page `/svara/<token>`;
 * tests that answer through the API go to `/api/extern/<token>` with it.
 */
export function personligToken(text: string): string {
  const token = /\/svara\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error(`no personal link (/svara/<token>) in the mail:\n${text}`);
  return token;
}

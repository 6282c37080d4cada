/** A piece of a mail's text: plain text, or an address to show as a link. */
export type Textdel = { text: string } | { lank: string };

/** An http(s) address, without the punctuation that ends a sentence around it. */
const ADRESS = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)'\]]/g;

/**
 * A mail's text cut into plain text and links, so a page can make the links clickable and still
 * escape every character of the text (no markup is built from mail text).
 */
export function textdelar(text: string): Textdel[] {
  const delar: Textdel[] = [];
  let forra = 0;
  for (const traff of text.matchAll(ADRESS)) {
    if (traff.index > forra) delar.push({ text: text.slice(forra, traff.index) });
    delar.push({ lank: traff[0] });
    forra = traff.index + traff[0].length;
  }
  if (forra < text.length) delar.push({ text: text.slice(forra) });
  return delar;
}

/**
 * The page of every document: A4 and the margins of stil.hbs' `@page` rules, in millimetres. One
 * place for both the CSS and the footnote layout, which finds the text area of each printed page
 * with them.
 */
export const SIDFORMAT = {
  bredd: 210,
  hojd: 297,
  topp: 30,
  hoger: 20,
  botten: 32,
  vanster: 25,
  /** Page 1 carries the letterhead in the text flow and has only its page count above it. */
  forstaSidansTopp: 14,
} as const;

export type Sidformat = typeof SIDFORMAT;

export const PT_PER_MM = 72 / 25.4;

/**
 * WCAG 2.1 contrast (1.4.3): the ratio of the lighter colour's relative luminance to the darker's,
 * each plus 0.05. Text needs at least 4.5:1 against its background; the letterhead's text colour
 * stands on white paper.
 */
export const TEXTKONTRAST_MIN = 4.5;

function kanal(byte: number): number {
  const c = byte / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** The relative luminance of `#rrggbb`. */
export function luminans(farg: string): number {
  const n = Number.parseInt(farg.slice(1), 16);
  return 0.2126 * kanal((n >> 16) & 255) + 0.7152 * kanal((n >> 8) & 255) + 0.0722 * kanal(n & 255);
}

/** The contrast ratio of `#rrggbb` against white, e.g. 7.46 for #0b5d4b. */
export function kontrastMotVitt(farg: string): number {
  return 1.05 / (luminans(farg) + 0.05);
}

/** "4,5:1", as a Swedish text writes a ratio: rounded down, so a colour just below the limit never reads as at it. */
export function svenskKvot(kvot: number): string {
  return `${(Math.floor(kvot * 10) / 10).toFixed(1).replace('.', ',')}:1`;
}

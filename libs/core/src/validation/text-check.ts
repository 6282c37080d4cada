/**
 * Text PostgreSQL and every client can store and show: no NUL (PostgreSQL's text refuses it) and
 * no lone UTF-16 surrogate (it has no UTF-8 form; drivers would silently turn it into U+FFFD).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type BadText = 'NUL' | 'SURROGATE';

export function badText(s: string): BadText | null {
  if (s.includes('\u0000')) return 'NUL';
  if (LONE_SURROGATE.test(s)) return 'SURROGATE';
  return null;
}

/** The text with NUL and lone surrogates replaced by U+FFFD, fit to be echoed in an error. */
export function printable(s: string): string {
  return s.replace(new RegExp(`\u0000|${LONE_SURROGATE.source}`, 'g'), '\uFFFD');
}

/** Deeper than any DTO of the API (body → synpunkter → synpunkt → fotnoter → text is 4). */
export const MAX_INPUT_DEPTH = 32;

/** Where the fault is: the path of the string for bad text, the top-level field for nesting. */
export type InputFault = { path: string; fault: BadText | 'TOO_DEEP' };

/**
 * The first string (value or key) in a parsed input that is not storable text, or the first place
 * nested deeper than MAX_INPUT_DEPTH. Iterative, so hostile nesting cannot overflow the stack.
 */
export function findInputFault(input: unknown, root: string): InputFault | null {
  const stack: { value: unknown; path: string; top: string; depth: number }[] = [
    { value: input, path: root, top: root, depth: 0 },
  ];
  while (stack.length) {
    const { value, path, top, depth } = stack.pop()!;
    if (typeof value === 'string') {
      const fault = badText(value);
      if (fault) return { path, fault };
    } else if (typeof value === 'object' && value !== null) {
      if (depth >= MAX_INPUT_DEPTH) return { path: top, fault: 'TOO_DEEP' };
      for (const [key, child] of Object.entries(value)) {
        const childPath = path ? `${path}.${key}` : key;
        const keyFault = badText(key);
        if (keyFault) return { path: childPath, fault: keyFault };
        stack.push({
          value: child,
          path: childPath,
          top: depth === 0 && !root && !Array.isArray(value) ? key : top,
          depth: depth + 1,
        });
      }
    }
  }
  return null;
}

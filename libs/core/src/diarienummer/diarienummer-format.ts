import { INT4_MAX } from '../validation/field.decorators';

/**
 * Diarienummer formats, e.g. `{prefix}{year}/{seq}` → `UN2025/412`,
 * `{prefix} {year}/{seq:4}` → `KS 2025/0118`, `{prefix}-{year}/{seq}` → `KS-2025/118`.
 */
export interface DiarienummerParts {
  year: number;
  seq: number;
}

const TOKEN = /\{(prefix|year|seq(?::(\d))?)\}/g;

export class DiarienummerFormat {
  private readonly matcher: RegExp;

  constructor(
    readonly pattern: string,
    readonly prefix: string,
  ) {
    DiarienummerFormat.validatePattern(pattern);
    let source = '';
    let last = 0;
    for (const m of pattern.matchAll(TOKEN)) {
      source += escape(pattern.slice(last, m.index));
      if (m[1] === 'prefix') source += escape(prefix);
      else if (m[1] === 'year') source += '(\\d{4})';
      else source += m[2] ? `(\\d{${m[2]},})` : '([1-9]\\d*)';
      last = m.index! + m[0].length;
    }
    source += escape(pattern.slice(last));
    this.matcher = new RegExp(`^${source}$`);
  }

  /** Throws when a pattern lacks {year} or {seq}, or names an unknown token. */
  static validatePattern(pattern: string): void {
    const tokens = [...pattern.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
    const unknown = tokens.find((t) => !/^(prefix|year|seq(:\d)?)$/.test(t));
    if (unknown !== undefined) throw new RangeError(`unknown token {${unknown}} in diarienummer format "${pattern}"`);
    if (!tokens.includes('year') || !tokens.some((t) => t.startsWith('seq'))) {
      throw new RangeError(`diarienummer format "${pattern}" must contain {year} and {seq}`);
    }
  }

  render({ year, seq }: DiarienummerParts): string {
    return this.pattern.replace(TOKEN, (_all, token: string, width?: string) => {
      if (token === 'prefix') return this.prefix;
      if (token === 'year') return String(year);
      return width ? String(seq).padStart(Number(width), '0') : String(seq);
    });
  }

  /** The parts of an entered number, or undefined when it does not follow this format. */
  parse(entered: string): DiarienummerParts | undefined {
    const m = this.matcher.exec(entered.trim());
    if (!m) return undefined;
    const groups = [...this.pattern.matchAll(TOKEN)].filter((t) => t[1] !== 'prefix');
    const parts: Partial<DiarienummerParts> = {};
    groups.forEach((g, i) => {
      const value = Number(m[i + 1]);
      if (g[1] === 'year') parts.year = value;
      else parts.seq = value;
    });
    // A löpnummer is a PostgreSQL integer; a longer one cannot be any diarium's.
    if (!parts.seq || parts.seq > INT4_MAX) return undefined;
    return parts as DiarienummerParts;
  }
}

function escape(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

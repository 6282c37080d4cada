import { describe, expect, it } from '@jest/globals';
import { DiarienummerFormat } from './diarienummer-format';

describe('DiarienummerFormat', () => {
  it.each([
    ['{prefix}{year}/{seq}', 'UN', 2025, 412, 'UN2025/412'],
    ['{prefix} {year}/{seq:4}', 'KS', 2025, 118, 'KS 2025/0118'],
    ['{prefix}-{year}/{seq}', 'KS', 2025, 118, 'KS-2025/118'],
    ['{prefix} {year}/{seq:4}', 'KS', 2025, 12345, 'KS 2025/12345'],
  ])('%s renders %s %i/%i as %s and parses it back', (pattern, prefix, year, seq, text) => {
    const format = new DiarienummerFormat(pattern, prefix);
    expect(format.render({ year, seq })).toBe(text);
    expect(format.parse(text)).toEqual({ year, seq });
  });

  it('rejects numbers of another diarium or shape', () => {
    const un = new DiarienummerFormat('{prefix}{year}/{seq}', 'UN');
    expect(un.parse('SN2025/412')).toBeUndefined();
    expect(un.parse('UN 2025/412')).toBeUndefined();
    expect(un.parse('UN25/412')).toBeUndefined();
    expect(un.parse('UN2025/0412')).toBeUndefined();
    expect(un.parse('UN2025/0')).toBeUndefined();
    expect(un.parse('UN2025/412x')).toBeUndefined();
    expect(new DiarienummerFormat('{prefix} {year}/{seq:4}', 'KS').parse('KS 2025/118')).toBeUndefined();
  });

  it('treats regex characters in the prefix literally', () => {
    const format = new DiarienummerFormat('{prefix}{year}/{seq}', 'K.S');
    expect(format.parse('KXS2025/1')).toBeUndefined();
    expect(format.parse('K.S2025/1')).toEqual({ year: 2025, seq: 1 });
  });

  it('refuses patterns without year or sequence, or with unknown tokens', () => {
    expect(() => new DiarienummerFormat('{prefix}/{seq}', 'UN')).toThrow(/must contain \{year\} and \{seq\}/);
    expect(() => new DiarienummerFormat('{prefix}{year}/{nr}', 'UN')).toThrow(/unknown token \{nr\}/);
  });
});

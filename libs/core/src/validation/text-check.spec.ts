import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsDatum, OptionalNotNull } from './field.decorators';
import { badText, findInputFault, MAX_INPUT_DEPTH, printable } from './text-check';

describe('storable text', () => {
  it.each([
    ['Swedish text', 'Yttrande från Utbildningsnämnden, § 45 ✓', null],
    ['a surrogate pair', 'en emoji: 😀', null],
    ['NUL', 'a\u0000b', 'NUL'],
    ['a lone high surrogate at the end', 'slut \uD83D', 'SURROGATE'],
    ['a lone low surrogate inside', 'a \uDE00 b', 'SURROGATE'],
    ['two highs before a low', '\uD83D\uD83D\uDE00', 'SURROGATE'],
  ])('%s', (_what, text, fault) => {
    expect(badText(text)).toBe(fault);
  });

  it('echoes refused text with U+FFFD in place of what cannot be shown', () => {
    expect(printable('a\u0000b\uD800c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });
});

describe('the first fault of a parsed input', () => {
  it('names the path of a bad value or key', () => {
    expect(findInputFault({ synpunkter: [{ text: 'ok' }, { citat: 'x\u0000' }] }, '')).toEqual({
      path: 'synpunkter.1.citat',
      fault: 'NUL',
    });
    expect(findInputFault({ mottagare: [{ ['epost\uDC00']: 'a' }] }, '')).toEqual({
      path: 'mottagare.0.epost\uDC00',
      fault: 'SURROGATE',
    });
    expect(findInputFault('abc\u0000', 'token')).toEqual({ path: 'token', fault: 'NUL' });
    expect(findInputFault({ inledning: 'Text', synpunkter: [], n: 1, b: true, v: null }, '')).toBeNull();
  });

  it('names the top-level field of nesting deeper than the limit, without recursion', () => {
    let deep: unknown = [];
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findInputFault({ motivering: deep }, '')).toEqual({ path: 'motivering', fault: 'TOO_DEEP' });
    expect(findInputFault(deep, '')).toEqual({ path: '', fault: 'TOO_DEEP' });
    let allowed: unknown = 'botten';
    for (let i = 0; i < MAX_INPUT_DEPTH; i++) allowed = { a: allowed };
    expect(findInputFault(allowed, '')).toBeNull();
  });
});

class Prov {
  @OptionalNotNull()
  @IsDatum()
  datum?: string;
}

describe('dates and optional fields', () => {
  it.each([
    [{}, []],
    [{ datum: '2026-06-12' }, []],
    [{ datum: '2000-01-01' }, []],
    [{ datum: '2099-12-31' }, []],
    [{ datum: null }, ['datum']],
    [{ datum: '9999-12-31' }, ['datum']],
    [{ datum: '1999-12-31' }, ['datum']],
    [{ datum: '2027-02-29' }, ['datum']],
    [{ datum: '2026-6-12' }, ['datum']],
    [{ datum: 20260612 }, ['datum']],
  ])('%j', (input, refused) => {
    expect(validateSync(plainToInstance(Prov, input)).map((e) => e.property)).toEqual(refused);
  });
});

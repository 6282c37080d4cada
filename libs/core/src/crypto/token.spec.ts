import { describe, expect, it } from '@jest/globals';
import { generateToken, hashToken } from './token';

describe('tokens', () => {
  it('are 256 random bits in base64url, a new one every time', () => {
    const a = generateToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
  });

  it('are stored as their SHA-256, the same for the same token', () => {
    expect(hashToken('abc').toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashToken(generateToken())).toHaveLength(32);
  });
});

import { describe, expect, it } from '@jest/globals';
import { DECOY_HASH, hashPassword, verifyPassword } from './password';

const parameters = (hash: string) => hash.split('$').slice(1, 4).join('$');

describe('passwords', () => {
  it('keeps the decoy hash on the parameters of hashPassword, so an unknown e-mail costs as long as a known one', async () => {
    const fresh = await hashPassword('remiss-demo-2025');
    expect(parameters(DECOY_HASH)).toBe(parameters(fresh));
    expect(parameters(fresh)).toBe('argon2id$v=19$m=65536,p=4,t=3');
    expect(await verifyPassword(fresh, 'remiss-demo-2025')).toBe(true);
    expect(await verifyPassword(DECOY_HASH, 'remiss-demo-2025')).toBe(false);
  });
});

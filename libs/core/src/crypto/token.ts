import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to a person (session cookies, personal links): 256 random bits as base64url,
 * shown once. Only `hashToken` of one is ever stored, so a copy of the database opens nothing.
 */
export function generateToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** The SHA-256 a token is stored and looked up by. */
export function hashToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

import * as argon2 from 'argon2';

/** argon2id with the library's defaults (64 MiB, 3 passes), as OWASP recommends. */
export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/**
 * Verified when the e-mail is unknown, so both cases take as long. Made once by hashPassword (so
 * with its parameters; password.spec.ts checks they still match) rather than at the first unknown
 * e-mail, where it would cost that login a second argon2 run.
 */
export const DECOY_HASH =
  '$argon2id$v=19$m=65536,p=4,t=3$doVumNV/jPJlg09jtJLhdQ$qpzmB7dNm22btRO5GJ1uNAftdgLXBDd8agEtbtrhpBk';

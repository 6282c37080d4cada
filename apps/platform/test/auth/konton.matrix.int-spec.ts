import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sql } from '@app/database/testing/test-infrastructure';
import { ApiClient, startTestApp, TestApp } from '@app/runtime/testing/test-app';
import { PlatformModule } from '../../src/platform.module';

/**
 * The accounts' endpoints × callers: an Enköping user without admin, Enköping's admin, a Vadstena user, the
 * platform operator and an anonymous caller. Bodies and targets are chosen so that no call changes anything:
 * a caller let past the permission checks meets a 400 (the body) or a 409 (the last admin) instead.
 */
const CALLERS = ['remissansvarig', 'admin', 'vadstena', 'drift', 'anonym'] as const;
type Caller = (typeof CALLERS)[number];
const EPOST: Record<Exclude<Caller, 'anonym'>, string> = {
  remissansvarig: 'remissansvarig@enkoping.demo',
  admin: 'admin@enkoping.demo',
  vadstena: 'remissansvarig@vadstena.demo',
  drift: 'drift@remissplattformen.demo',
};

type Row = [method: 'GET' | 'POST', path: (admin: string) => string, body: unknown, expected: number[]];

//                                                                                       ansv adm  vad  drift anon
const MATRIX: Row[] = [
  ['GET', () => '/api/admin/anvandare', undefined, [403, 200, 403, 403, 401]],
  ['POST', () => '/api/admin/anvandare', { namn: '' }, [403, 400, 403, 403, 401]],
  ['GET', (a) => `/api/admin/anvandare/${a}`, undefined, [403, 200, 403, 403, 401]],
  ['POST', (a) => `/api/admin/anvandare/${a}/inaktivera`, undefined, [403, 409, 403, 403, 401]],
  ['POST', (a) => `/api/admin/anvandare/${a}/roller`, { roll: 'ingen' }, [403, 400, 403, 403, 401]],
  ['POST', (a) => `/api/admin/anvandare/${a}/roller/ta-bort`, { roll: 'ingen' }, [403, 400, 403, 403, 401]],
  ['GET', () => '/api/drift/organisationer', undefined, [403, 403, 403, 200, 401]],
  ['POST', () => '/api/drift/organisationer', { namn: '' }, [403, 403, 403, 400, 401]],
  ['POST', () => '/api/konto/losenord', { nuvarandeLosenord: '' }, [400, 400, 400, 400, 401]],
  ['POST', () => '/api/konto/glomt-losenord', { epost: 'inte en adress' }, [400, 400, 400, 400, 400]],
  ['GET', () => `/api/konto/lank/${'A'.repeat(43)}`, undefined, [410, 410, 410, 410, 410]],
  [
    'POST',
    () => `/api/konto/lank/${'A'.repeat(43)}`,
    { losenord: 'ett långt nog lösenord' },
    [410, 410, 410, 410, 410],
  ],
];

describe('accounts API by role', () => {
  let t: TestApp;
  let admin: string;
  const clients = new Map<Caller, ApiClient>();

  beforeAll(async () => {
    t = await startTestApp((c, i) => PlatformModule.forRoot(c, i));
    [{ id: admin }] = await sql(t.db.url, `SELECT id FROM anvandare WHERE epost = 'admin@enkoping.demo'`);
    for (const caller of CALLERS) clients.set(caller, caller === 'anonym' ? t.anonymous() : await t.as(EPOST[caller]));
  });
  afterAll(() => t?.close());

  it.each(MATRIX.map((r) => [`${r[0]} ${r[1](':id')}`, r] as const))(
    '%s',
    async (_name, [method, path, body, expected]) => {
      const got: number[] = [];
      for (const caller of CALLERS) {
        const client = clients.get(caller)!;
        const res = method === 'GET' ? await client.get(path(admin)) : await client.post(path(admin), body);
        got.push(res.status);
      }
      expect(got).toEqual(expected);
    },
  );
});

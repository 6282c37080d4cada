import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmInstant } from '@app/core';
import { createTestbadd, Testbadd, waitUntil } from './testing/paminnelse-testbadd';

/**
 * KS2025/118's five instanser, svarsdatum 2026-04-07, with nothing sent while the reminders fell due
 * (the worker down from 2026-03-19 to 2026-04-09): each instans gets the one reminder that still
 * tells the truth, not four at once counting down to a day already past.
 */
describe('reminders after an outage (real PostgreSQL, Redis, SMTP)', () => {
  let t: Testbadd;
  const kl = (datum: string, timme = 8) => stockholmInstant(datum, timme, 0);

  beforeAll(async () => {
    t = await createTestbadd({ nu: kl('2026-03-10', 12) });
    const instanser = [...t.instanser.values()];
    await t.dataSource.query(`UPDATE remissinstans SET svarsdatum = '2026-04-07' WHERE remiss_id = $1`, [
      instanser[0].remissId,
    ]);
    await t.inTransaction((m) =>
      t.planering.plan(
        m,
        instanser.map((i) => ({ ...i, svarsdatum: '2026-04-07' })),
      ),
    );
  });
  afterAll(() => t.close());

  it('sends only the försenad reminder; the earlier ones are cancelled, saying why', async () => {
    t.clock.set(kl('2026-04-09'));
    await t.reconcile();
    await t.sink.waitFor(5);
    await waitUntil(
      async () => (await t.rader(`status IN ('planerad', 'skickar') AND due_at <= $1`, [t.clock.now()])).length === 0,
    );
    await new Promise((r) => setTimeout(r, 300));

    expect(t.sink.received).toHaveLength(5);
    expect(t.sink.received.every((mail) => mail.subject.includes('Försenat remissvar'))).toBe(true);
    expect(t.sink.to('un@enkoping.se')).toHaveLength(1);
    const rader = await t.rader(`typ <> 'vecka_1'`);
    expect(rader.filter((r) => r.typ === 'efter_1').map((r) => r.status)).toEqual(Array(5).fill('skickad'));
    const tidigare = rader.filter((r) => r.typ !== 'efter_1');
    expect(tidigare).toHaveLength(15);
    expect(new Set(tidigare.map((r) => `${r.status}: ${r.senaste_fel}`))).toEqual(
      new Set(['avbruten: en senare påminnelse har redan förfallit']),
    );
    // The weekly chain goes on from the reminder that was sent.
    await waitUntil(async () => (await t.rader(`typ = 'vecka_1' AND status = 'planerad'`)).length === 5);
  });
});

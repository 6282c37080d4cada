import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stockholmInstant } from '@app/core';
import { Remissinstans } from '@app/database';
import { createTestbadd, Testbadd, waitUntil } from './testing/paminnelse-testbadd';

/** KS2025/118 with its five instanser, svarsdatum moved to 2026-04-07 (påsk: långfredagen 04-03, annandag påsk 04-06). */
describe('deadline reminders (real PostgreSQL, Redis, SMTP; time through the Clock)', () => {
  let t: Testbadd;
  const kl = (datum: string, timme = 8, minut = 0) => stockholmInstant(datum, timme, minut);
  const instans = (kortnamn: string) => t.instanser.get(kortnamn)!;

  /**
   * Moves the clock and lets the reconciler run what became due, as its Job Scheduler would. Sends in
   * flight finish first: a clock jumping days ahead would otherwise expire their leases mid-send.
   */
  async function vidTid(at: Date): Promise<void> {
    await waitUntil(async () => (await t.rader(`status = 'skickar'`)).length === 0);
    t.clock.set(at);
    await t.reconcile();
  }

  beforeAll(async () => {
    t = await createTestbadd({ nu: kl('2026-03-10', 12) });
    await t.dataSource.query(`UPDATE remissinstans SET svarsdatum = '2026-04-07' WHERE remiss_id = $1`, [
      instans('UN').remissId,
    ]);
    await t.dataSource.query(
      `UPDATE remissinstans SET handlaggare_id = (SELECT id FROM anvandare WHERE epost = 'un.handlaggare@enkoping.demo'), mottagare_diarienummer = 'UN2026/412' WHERE id = $1`,
      [instans('UN').id],
    );
    await t.inTransaction((m) =>
      t.planering.plan(
        m,
        [...t.instanser.values()].map((i) => ({ ...i, svarsdatum: '2026-04-07' })),
      ),
    );
  });
  afterAll(() => t.close());

  it('plans four reminders per instans at 08:00 on working days, 3 working days before 2026-04-07 being 2026-03-31', async () => {
    const un = await t.rader('remissinstans_id = $1', [instans('UN').id]);
    expect(un.map((r) => [r.typ, r.due_at.toISOString(), r.status, r.svarsdatum])).toEqual([
      ['fore_10', '2026-03-20T07:00:00.000Z', 'planerad', '2026-04-07'],
      ['fore_3', '2026-03-31T06:00:00.000Z', 'planerad', '2026-04-07'],
      ['pa_dagen', '2026-04-07T06:00:00.000Z', 'planerad', '2026-04-07'],
      ['efter_1', '2026-04-08T06:00:00.000Z', 'planerad', '2026-04-07'],
    ]);
    expect(await t.rader()).toHaveLength(20);
  });

  it('sends nothing before 08:00, then the nämnd mailbox and the handläggare get a Swedish reminder', async () => {
    await vidTid(kl('2026-03-20', 7, 59));
    await new Promise((r) => setTimeout(r, 300));
    expect(t.sink.received).toHaveLength(0);

    await vidTid(kl('2026-03-20'));
    await t.sink.waitFor(5);
    const [mail] = t.sink.to('un@enkoping.se');
    expect(mail.to.sort()).toEqual(['un.handlaggare@enkoping.demo', 'un@enkoping.se']);
    expect(mail.subject).toBe(
      'KS2025/118 Påminnelse om remissvar: Förslag till policy för digital omställning – svara senast 2026-04-07 kl. 23.59',
    );
    // Whose remiss it is, and a reply reaches its kontaktperson rather than the platform's no-reply address.
    expect(mail.text).toContain('från Kommunstyrelsen i Enköpings kommun.');
    expect(mail.replyTo).toBe('remissansvarig@enkoping.demo');
    expect(mail.from).toContain('Kommunstyrelsen i Enköpings kommun via Remissplattformen');
    expect(mail.text).toContain('Svara senast 2026-04-07 kl. 23.59');
    expect(mail.text).toContain('Förslag till policy för digital omställning');
    expect(mail.text).toContain('Ert diarienummer: UN2026/412');
    expect(mail.text).toContain('Det återstår 10 arbetsdagar');
    expect(mail.text).toContain(
      `Öppna remissen i Remissplattformen: https://remiss.enkoping.se/inkorg/${instans('UN').id}\n`,
    );
    expect(mail.html).toContain('Svara senast 2026-04-07 kl. 23.59');
    const rad = async () => (await t.rader(`remissinstans_id = $1 AND typ = 'fore_10'`, [instans('UN').id]))[0];
    // The row is marked after SMTP has accepted the mail, so the mail can arrive first.
    await waitUntil(async () => (await rad()).status === 'skickad');
    expect(mail.messageId).toBe(`<paminnelse.${(await rad()).id}@remissplattformen>`);
  });

  it('answering cancels the instans’ reminders; nothing more reaches it', async () => {
    await t.inTransaction(async (m) => {
      await m.update(Remissinstans, { id: instans('TN').id }, { status: 'besvarad', besvaradAt: t.clock.now() });
      await t.planering.cancelForInstans(m, instans('TN').id);
    });
    expect(await t.rader(`remissinstans_id = $1 AND status = 'planerad'`, [instans('TN').id])).toHaveLength(0);
    expect(await t.rader(`remissinstans_id = $1 AND status = 'avbruten'`, [instans('TN').id])).toHaveLength(3);
  });

  it('anstånd cancels the pending reminders and plans new ones from the new svarsdatum', async () => {
    const sn = instans('SN').id;
    const planerat = await t.inTransaction(async (m) => {
      await m.update(
        Remissinstans,
        { id: sn },
        { svarsdatum: '2026-06-22', anstandOrsak: 'Nämnden sammanträder i juni' },
      );
      return t.planering.replan(m, { ...instans('SN'), svarsdatum: '2026-06-22' });
    });
    expect(planerat.ids).toHaveLength(4);
    const rader = await t.rader('remissinstans_id = $1', [sn]);
    expect(rader.filter((r) => r.svarsdatum === '2026-04-07').map((r) => r.status)).toEqual([
      'skickad',
      'avbruten',
      'avbruten',
      'avbruten',
    ]);
    const nya = rader.filter((r) => r.svarsdatum === '2026-06-22');
    expect(nya.map((r) => [r.typ, r.due_at.toISOString()])).toEqual([
      ['fore_10', '2026-06-05T06:00:00.000Z'], // 6 June is a Saturday this year
      ['fore_3', '2026-06-16T06:00:00.000Z'], // midsommarafton 2026-06-19 is a day off
      ['pa_dagen', '2026-06-22T06:00:00.000Z'],
      ['efter_1', '2026-06-23T06:00:00.000Z'],
    ]);
  });

  it('an anstånd moved back to an earlier svarsdatum plans its cancelled reminders again, without doubling them', async () => {
    const sn = instans('SN').id;
    const flytta = (svarsdatum: string) =>
      t.inTransaction(async (m) => {
        await m.update(Remissinstans, { id: sn }, { svarsdatum });
        return t.planering.replan(m, { ...instans('SN'), svarsdatum });
      });
    await flytta('2026-06-29');
    expect((await flytta('2026-06-22')).ids).toHaveLength(4);
    const rader = await t.rader('remissinstans_id = $1', [sn]);
    expect(rader.filter((r) => r.svarsdatum === '2026-06-22').map((r) => [r.typ, r.status])).toEqual([
      ['fore_10', 'planerad'],
      ['fore_3', 'planerad'],
      ['pa_dagen', 'planerad'],
      ['efter_1', 'planerad'],
    ]);
    expect(rader.filter((r) => r.svarsdatum === '2026-06-29').map((r) => r.status)).toEqual([
      'avbruten',
      'avbruten',
      'avbruten',
      'avbruten',
    ]);
  });

  it('3 working days before 2026-04-07 reaches the unanswered instanser on 2026-03-31, not TN nor the moved SN', async () => {
    t.sink.received.length = 0;
    await vidTid(kl('2026-03-31'));
    await t.sink.waitFor(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(
      t.sink.received
        .flatMap((m) => m.to)
        .filter((a) => a.endsWith('@enkoping.se'))
        .sort(),
    ).toEqual(['bmn@enkoping.se', 'kfn@enkoping.se', 'un@enkoping.se']);
    expect(t.sink.to('un@enkoping.se')[0].text).toContain('Det återstår 3 arbetsdagar');
  });

  it('the försenad reminder copies the kontaktperson and plans the first weekly one', async () => {
    await vidTid(kl('2026-04-07'));
    await t.sink.waitFor(6);
    const pa = t.sink.to('un@enkoping.se')[1];
    expect(pa.text).toContain('I dag är sista dagen att svara');
    expect(pa.subject).toBe(
      'KS2025/118 Sista svarsdag i dag: Förslag till policy för digital omställning – svara senast kl. 23.59',
    );
    t.sink.received.length = 0;
    await vidTid(kl('2026-04-08'));
    await t.sink.waitFor(3);
    const forsenad = t.sink.to('un@enkoping.se')[0];
    expect(forsenad.subject).toBe(
      'KS2025/118 Försenat remissvar: Förslag till policy för digital omställning – svarstiden gick ut 2026-04-07',
    );
    expect(forsenad.to).toContain('remissansvarig@enkoping.demo');
    await waitUntil(async () => (await t.rader(`typ = 'vecka_1'`)).length === 3);
    expect((await t.rader(`typ = 'vecka_1'`)).map((r) => r.due_at.toISOString())).toEqual(
      Array(3).fill('2026-04-15T06:00:00.000Z'),
    );
  });

  it('återkalla cancels every pending reminder of the remiss', async () => {
    await t.inTransaction(async (m) => {
      await m.query(`UPDATE remiss SET status = 'aterkallad' WHERE id = $1`, [instans('UN').remissId]);
      await t.planering.cancelForRemiss(m, instans('UN').remissId);
    });
    expect(await t.rader(`status = 'planerad'`)).toHaveLength(0);
    t.sink.received.length = 0;
    await vidTid(kl('2026-06-30'));
    await new Promise((r) => setTimeout(r, 500));
    expect(t.sink.received).toHaveLength(0);
  });

  it('never sent anything on a Saturday or Sunday', async () => {
    const skickade: { dag: number }[] = await t.dataSource.query(
      `SELECT extract(isodow FROM due_at AT TIME ZONE 'Europe/Stockholm')::int AS dag FROM paminnelse WHERE status = 'skickad'`,
    );
    expect(skickade.length).toBeGreaterThan(10);
    expect(skickade.filter((s) => s.dag >= 6)).toEqual([]);
  });
});

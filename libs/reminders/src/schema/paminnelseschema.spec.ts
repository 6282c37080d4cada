import { describe, expect, it } from '@jest/globals';
import { stockholmDatum, weekday } from '@app/core';
import { nastaVeckopaminnelse, paminnelsetider, STANDARDREGLER } from './paminnelseschema';

const datum = (svarsdatum: string) =>
  Object.fromEntries(paminnelsetider(svarsdatum, STANDARDREGLER).map((t) => [t.typ, t.datum]));

describe('when reminders go out', () => {
  it('svarsdatum 2026-04-07: 10 working days before is 2026-03-20, 3 working days before is 2026-03-31 (långfredagen and annandag påsk skipped)', () => {
    expect(datum('2026-04-07')).toEqual({
      fore_10: '2026-03-20',
      fore_3: '2026-03-31',
      pa_dagen: '2026-04-07',
      efter_1: '2026-04-08',
    });
  });

  it('svarsdatum Monday 2026-06-22: 3 before is 2026-06-16 (midsommarafton off), 1 after is 2026-06-23', () => {
    const d = datum('2026-06-22');
    expect(d.fore_3).toBe('2026-06-16');
    expect(d.efter_1).toBe('2026-06-23');
  });

  it('sends at 08:00 Stockholm time, summer and winter', () => {
    const [forsta] = paminnelsetider('2026-04-07', STANDARDREGLER);
    expect(forsta.dueAt.toISOString()).toBe('2026-03-20T07:00:00.000Z');
    const vinter = paminnelsetider('2026-12-01', STANDARDREGLER).find((t) => t.typ === 'pa_dagen')!;
    expect(vinter.dueAt.toISOString()).toBe('2026-12-01T07:00:00.000Z');
  });

  it('moves the morning-of reminder of a deadline on a day off to the working day before, and after-deadline ones to the next', () => {
    const d = datum('2026-12-24'); // julafton
    expect(d.pa_dagen).toBe('2026-12-23');
    expect(d.efter_1).toBe('2026-12-29'); // 25, 26 (weekend 26–27) and annandag jul are off: the first working day is 28, one after it 29
  });

  it('chains weekly reminders after the last försenad one, a week apart on working days', () => {
    const efter = paminnelsetider('2026-06-22', STANDARDREGLER).find((t) => t.typ === 'efter_1')!;
    const vecka1 = nastaVeckopaminnelse('2026-06-22', STANDARDREGLER, 'efter_1', efter.dueAt)!;
    expect([vecka1.typ, vecka1.datum]).toEqual(['vecka_1', '2026-06-30']);
    const vecka2 = nastaVeckopaminnelse('2026-06-22', STANDARDREGLER, 'vecka_1', vecka1.dueAt)!;
    expect([vecka2.typ, vecka2.datum]).toEqual(['vecka_2', '2026-07-07']);
    expect(nastaVeckopaminnelse('2026-06-22', STANDARDREGLER, 'fore_3', efter.dueAt)).toBeNull();
    expect(
      nastaVeckopaminnelse(
        '2026-06-22',
        STANDARDREGLER.filter((r) => r.typ !== 'veckovis'),
        'efter_1',
        efter.dueAt,
      ),
    ).toBeNull();
  });

  it('never plans a reminder on a Saturday or Sunday over two years of deadlines', () => {
    for (
      let d = new Date('2026-01-01T12:00:00Z');
      d < new Date('2028-01-01T12:00:00Z');
      d = new Date(d.getTime() + 86_400_000)
    ) {
      for (const t of paminnelsetider(d.toISOString().slice(0, 10), STANDARDREGLER)) {
        expect([0, 6]).not.toContain(weekday(stockholmDatum(t.dueAt)));
      }
    }
  });
});

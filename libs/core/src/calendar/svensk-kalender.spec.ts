import { describe, expect, it } from '@jest/globals';
import {
  holidayName,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysAfter,
  workingDaysBefore,
  workingDaysBetween,
} from './svensk-kalender';
import {
  deadlineEnd,
  formatDeadline,
  formatTidpunkt,
  stockholmDatum,
  stockholmInstant,
  stockholmWallClock,
} from './datum';

describe('Swedish calendar', () => {
  it.each([
    ['2026-04-03', 'långfredagen'],
    ['2026-04-06', 'annandag påsk'],
    ['2026-05-14', 'Kristi himmelsfärdsdag'],
    ['2026-06-19', 'midsommarafton'],
    ['2026-12-24', 'julafton'],
    ['2026-12-31', 'nyårsafton'],
    ['2027-01-01', 'nyårsdagen'],
  ])('%s (%s) is not a working day', (datum, name) => {
    expect(isWorkingDay(datum)).toBe(false);
    expect(holidayName(datum)).toBe(name);
  });

  it('counts annandag pingst and ordinary weekdays as working days, weekends not', () => {
    expect(isWorkingDay('2026-05-25')).toBe(true); // annandag pingst is no longer a holiday
    expect(isWorkingDay('2026-11-20')).toBe(true); // a Friday
    expect(isWorkingDay('2026-11-21')).toBe(false); // Saturday
    expect(isWorkingDay('2026-11-22')).toBe(false); // Sunday
  });

  it('3 working days before 2026-04-07 is 2026-03-31, skipping påsk', () => {
    expect(workingDaysBefore('2026-04-07', 3)).toBe('2026-03-31');
  });

  it('3 working days before midsommar Monday 2026-06-22 is 2026-06-16; 1 after is 2026-06-23', () => {
    expect(workingDaysBefore('2026-06-22', 3)).toBe('2026-06-16');
    expect(workingDaysAfter('2026-06-22', 1)).toBe('2026-06-23');
  });

  it('moves to the next and previous working day across weekends and holidays', () => {
    expect(nextWorkingDay('2026-04-02')).toBe('2026-04-07');
    expect(previousWorkingDay('2026-04-07')).toBe('2026-04-02');
    expect(nextWorkingDay('2026-12-23')).toBe('2026-12-28');
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2026-03-30', '2026-04-07')).toBe(4); // 31/3, 1/4, 2/4, 7/4
    expect(workingDaysBetween('2026-04-07', '2026-04-07')).toBe(0);
  });
});

describe('Stockholm time', () => {
  it('ends a deadline at 23.59.59 Stockholm time in winter (UTC+1) and summer (UTC+2)', () => {
    expect(deadlineEnd('2026-01-15').toISOString()).toBe('2026-01-15T22:59:59.999Z');
    expect(deadlineEnd('2026-05-15').toISOString()).toBe('2026-05-15T21:59:59.999Z');
    expect(formatDeadline('2025-05-15')).toBe('senast 2025-05-15 kl. 23.59');
  });

  it('maps 08:00 on the days clocks change to the right instant', () => {
    expect(stockholmInstant('2026-03-29', 8).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(stockholmInstant('2026-10-25', 8).toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('tells the Stockholm date of an instant near midnight', () => {
    expect(stockholmDatum(new Date('2026-05-15T22:30:00Z'))).toBe('2026-05-16');
    expect(stockholmDatum(new Date('2026-01-15T22:30:00Z'))).toBe('2026-01-15');
    // The last millisecond of a day and the first of the next, asked in turn (as requests do).
    expect(stockholmDatum(new Date('2026-05-15T21:59:59.999Z'))).toBe('2026-05-15');
    expect(stockholmDatum(new Date('2026-05-15T22:00:00.000Z'))).toBe('2026-05-16');
    expect(stockholmDatum(new Date('2026-05-15T21:59:30.000Z'))).toBe('2026-05-15');
  });

  it('writes a moment in Stockholm time as mails say it, summer and winter', () => {
    expect(formatTidpunkt(new Date('2026-03-20T09:05:00Z'))).toBe('2026-03-20 kl. 10.05');
    expect(formatTidpunkt(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01 kl. 00.30');
  });

  it('shows the moments around both changes of 2026 as a Swedish clock does, to the second', () => {
    // Summer time starts 2026-03-29 at 01.00 UTC (02.00 → 03.00), ends 2026-10-25 at 01.00 UTC (03.00 → 02.00).
    expect(formatTidpunkt(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29 kl. 01.59');
    expect(formatTidpunkt(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29 kl. 03.00');
    expect(formatTidpunkt(new Date('2026-10-25T00:59:00Z'))).toBe('2026-10-25 kl. 02.59');
    expect(formatTidpunkt(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25 kl. 02.00');
    expect(stockholmWallClock(new Date('2026-06-01T10:00:00.750Z')).toISOString()).toBe('2026-06-01T12:00:00.000Z');
  });

  it('agrees with Intl at every moment sampled over two years, and finds each moment back from its clock', () => {
    const intl = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Stockholm',
      dateStyle: 'short',
      timeStyle: 'medium',
    });
    const avvikelser: string[] = [];
    for (let t = Date.UTC(2025, 0, 1); t < Date.UTC(2027, 0, 1); t += 37 * 60_000 + 1_001) {
      const klocka = stockholmWallClock(new Date(t)).toISOString().slice(0, 19).replace('T', ' ');
      if (klocka !== intl.format(new Date(t))) avvikelser.push(`${new Date(t).toISOString()}: ${klocka}`);
      const [datum, tid] = klocka.split(' ');
      const [h, m, s] = tid.split(':').map(Number);
      // The hour October repeats (02.00–02.59) shows two moments; either may be found from it.
      const tillbaka = stockholmInstant(datum, h, m, s).getTime() - Math.floor(t / 1000) * 1000;
      const tvetydig = h === 2 && datum.slice(5, 7) === '10' && Math.abs(tillbaka) === 3600_000;
      if (tillbaka !== 0 && !tvetydig) avvikelser.push(`${new Date(t).toISOString()} found back ${tillbaka} ms off`);
    }
    expect(avvikelser).toEqual([]);
  });
});

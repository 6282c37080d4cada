import { describe, expect, it } from '@jest/globals';
import {
  daysBetween,
  deadlineEnd,
  formatTidpunkt,
  stockholmDatum,
  stockholmInstant,
  stockholmWallClock,
} from './datum';

describe('daysBetween', () => {
  it('counts calendar days, across a month, a leap day and the change to summer time', () => {
    expect(daysBetween('2025-05-15', '2025-05-18')).toBe(3);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-05-15', '2025-05-15')).toBe(0);
    expect(daysBetween('2025-05-16', '2025-05-15')).toBe(-1);
  });
});

describe('Stockholm time', () => {
  it('shows the moments around both changes of 2026 as a Swedish clock does', () => {
    // Summer time starts 2026-03-29 at 01.00 UTC (02.00 → 03.00), ends 2026-10-25 at 01.00 UTC (03.00 → 02.00).
    expect(formatTidpunkt(new Date('2026-03-29T00:59:59Z'))).toBe('2026-03-29 kl. 01.59');
    expect(formatTidpunkt(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29 kl. 03.00');
    expect(formatTidpunkt(new Date('2026-10-25T00:59:00Z'))).toBe('2026-10-25 kl. 02.59');
    expect(formatTidpunkt(new Date('2026-10-25T01:00:00Z'))).toBe('2026-10-25 kl. 02.00');
    expect(stockholmDatum(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
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

  it('ends a deadline at 23.59.59.999 Stockholm time, in winter and in summer', () => {
    expect(deadlineEnd('2026-01-15').toISOString()).toBe('2026-01-15T22:59:59.999Z');
    expect(deadlineEnd('2026-07-15').toISOString()).toBe('2026-07-15T21:59:59.999Z');
  });
});

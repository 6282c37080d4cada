import { describe, expect, it } from '@jest/globals';
import { daysBetween } from './datum';

describe('daysBetween', () => {
  it('counts calendar days, across a month, a leap day and the change to summer time', () => {
    expect(daysBetween('2025-05-15', '2025-05-18')).toBe(3);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(daysBetween('2025-05-15', '2025-05-15')).toBe(0);
    expect(daysBetween('2025-05-16', '2025-05-15')).toBe(-1);
  });
});

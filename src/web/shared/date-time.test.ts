import { describe, expect, it } from 'vitest';
import { dayOfInstant, formatDay, formatInstant, formatTimeIn } from './date-time';

describe('date-time', () => {
  it('shows a moment on the clock of the zone it is given, not the process zone', () => {
    // 15:00 UTC on the day US daylight time starts: 10:00 in Chicago (CDT), 08:00 in Los Angeles (PDT).
    expect(formatTimeIn('2026-03-08T15:00:00Z', 'America/Chicago')).toMatch(/10:00/);
    expect(formatTimeIn('2026-03-08T15:00:00Z', 'America/Los_Angeles')).toMatch(/8:00/);
    expect(formatInstant('2026-03-08T15:00:00Z', 'America/Chicago', 'date')).toMatch(/8/);
  });

  it('puts a late-evening moment on the clinic’s own day', () => {
    expect(dayOfInstant('2026-11-03T03:30:00Z', 'America/Chicago').toString()).toBe('2026-11-02');
    expect(dayOfInstant('2026-11-03T03:30:00Z', 'Europe/Berlin').toString()).toBe('2026-11-03');
  });

  it('writes a calendar day as that day in any zone', () => {
    expect(formatDay('2026-01-01')).toMatch(/2026/);
    expect(formatDay('2026-01-01')).toMatch(/1/);
    expect(formatDay('2026-12-31')).not.toMatch(/2027/);
  });
});

import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type AttendedSession, billableDays, type ChartNote, serviceCode } from './billable-days';
import { chargesForDay } from './charges-for-day';

const d = Temporal.PlainDate.from;
const at = (
  sessionId: string,
  minutes: number,
  date = '2026-01-05',
  sessionType = 'group_therapy',
): AttendedSession => ({
  attendanceId: `att-${sessionId}`,
  sessionId,
  patientId: 'p1',
  date: d(date),
  minutes,
  sessionType,
});
const note = (sessionId: string | null, overrides: Partial<ChartNote> = {}): ChartNote => ({
  noteId: `note-${sessionId ?? 'free'}`,
  patientId: 'p1',
  sessionId,
  date: d('2026-01-05'),
  noteType: 'group_therapy',
  minutes: 90,
  locked: true,
  ...overrides,
});

describe('the code a service supports', () => {
  it.each([
    ['group_therapy', 90, '90853'],
    ['group_therapy', 0, null],
    ['individual_therapy', 15, null],
    ['individual_therapy', 16, '90832'],
    ['individual_therapy', 38, '90834'],
    ['individual_therapy', 53, '90837'],
    ['family_session', 25, null],
    ['family_session', 26, '90847'],
    ['nursing', 30, null],
    ['case_management', 45, null],
  ] as const)('%s, %i minutes → %s', (kind, minutes, code) => {
    expect(serviceCode(kind, minutes)).toBe(code);
  });
});

describe("a member's billable days", () => {
  it('two documented groups of 90 minutes make a settled 3-hour day: one H0015', () => {
    const [day] = billableDays([at('s1', 90), at('s2', 90)], [note('s1'), note('s2', { noteId: 'n2' })]).get(
      'p1',
    )!;
    expect(day).toMatchObject({ attendedMinutes: 180, rostersLocked: true });
    expect(day!.services.map((s) => [s.code, s.documented])).toEqual([
      ['90853', true],
      ['90853', true],
    ]);
    expect(chargesForDay(day!, { kind: 'per_diem', hcpcs: 'H0015' }).lines).toHaveLength(1);
  });

  it('179 minutes is not a per-diem day; 180 is', () => {
    const short = billableDays([at('s1', 90), at('s2', 89)], [note('s1'), note('s2', { noteId: 'n2' })]).get(
      'p1',
    )![0]!;
    expect(chargesForDay(short, { kind: 'per_diem', hcpcs: 'H0015' }).noCharge).toEqual([
      { reason: 'day_under_3_hours' },
    ]);
  });

  it('a session without its locked note leaves the day unsettled and its service undocumented', () => {
    const [day] = billableDays(
      [at('s1', 90), at('s2', 90)],
      [note('s1'), note('s2', { noteId: 'n2', locked: false })],
    ).get('p1')!;
    expect(day!.rostersLocked).toBe(false);
    expect(day!.services.map((s) => [s.serviceId, s.documented])).toEqual([
      ['note-s1', true],
      ['att-s2', false],
    ]);
    const itemized = chargesForDay(day!, { kind: 'itemized' });
    expect(itemized.lines.map((l) => l.serviceIds)).toEqual([['note-s1']]);
    expect(itemized.noCharge).toEqual([{ serviceId: 'att-s2', reason: 'undocumented' }]);
    expect(chargesForDay(day!, { kind: 'per_diem', hcpcs: 'H0015' }).noCharge).toContainEqual({
      reason: 'roster_not_locked',
    });
  });

  it('a locked individual note outside the schedule is a service of its own date', () => {
    const days = billableDays(
      [at('s1', 180)],
      [note('s1'), note(null, { noteType: 'individual_therapy', minutes: 45, date: d('2026-01-06') })],
    ).get('p1')!;
    expect(days.map((x) => [x.date.toString(), x.attendedMinutes, x.services.map((s) => s.code)])).toEqual([
      ['2026-01-05', 180, ['90853']],
      ['2026-01-06', 0, ['90834']],
    ]);
  });

  it('a nursing check counts toward the day’s minutes but is no therapy service', () => {
    const [day] = billableDays(
      [at('s1', 150), at('s2', 30, '2026-01-05', 'nursing_check')],
      [note('s1'), note('s2', { noteId: 'n2', noteType: 'nursing', minutes: 30 })],
    ).get('p1')!;
    expect(day).toMatchObject({ attendedMinutes: 180, rostersLocked: true });
    expect(day!.services.map((s) => s.code)).toEqual(['90853']);
  });
});

import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import { type InstrumentScheduleRule, instrumentDue } from './instrument-due';

const d = (s: string) => Temporal.PlainDate.from(s);
const ADMITTED = '2026-03-02';
const everyTwoWeeks: InstrumentScheduleRule = { atIntake: true, everyDays: 14 };
const monthlyNotAtIntake: InstrumentScheduleRule = { atIntake: false, everyDays: 30 };
const intakeOnly: InstrumentScheduleRule = { atIntake: true, everyDays: null };

describe('instrumentDue', () => {
  const cases: [string, InstrumentScheduleRule, string | null, string, string, string | null][] = [
    // rule, last given, today → state, due on
    ['intake, nothing given, admission day', everyTwoWeeks, null, '2026-03-02', 'due', '2026-03-02'],
    ['intake, nothing given, 3 days late', everyTwoWeeks, null, '2026-03-05', 'due', '2026-03-02'],
    ['intake, nothing given, 4 days late', everyTwoWeeks, null, '2026-03-06', 'overdue', '2026-03-02'],
    ['given at intake, day 13', everyTwoWeeks, '2026-03-02', '2026-03-15', 'not-due', '2026-03-16'],
    ['given at intake, day 14', everyTwoWeeks, '2026-03-02', '2026-03-16', 'due', '2026-03-16'],
    ['given at intake, day 17', everyTwoWeeks, '2026-03-02', '2026-03-19', 'due', '2026-03-16'],
    ['given at intake, day 18', everyTwoWeeks, '2026-03-02', '2026-03-20', 'overdue', '2026-03-16'],
    ['monthly, not at intake, day 29', monthlyNotAtIntake, null, '2026-03-31', 'not-due', '2026-04-01'],
    ['monthly, not at intake, day 30', monthlyNotAtIntake, null, '2026-04-01', 'due', '2026-04-01'],
    ['intake only, nothing given', intakeOnly, null, '2026-03-02', 'due', '2026-03-02'],
    ['intake only, already given', intakeOnly, '2026-03-02', '2026-06-01', 'not-due', null],
  ];

  it.each(cases)('%s', (_name, rule, lastGivenOn, today, state, dueOn) => {
    const due = instrumentDue(
      rule,
      { admittedOn: d(ADMITTED), lastGivenOn: lastGivenOn ? d(lastGivenOn) : null },
      d(today),
    );
    expect(due.state).toBe(state);
    expect(due.dueOn?.toString() ?? null).toBe(dueOn);
  });

  it('counts calendar days across the spring DST change', () => {
    const due = instrumentDue(
      everyTwoWeeks,
      { admittedOn: d('2026-03-01'), lastGivenOn: d('2026-03-01') },
      d('2026-03-15'),
    );
    expect(due).toMatchObject({ state: 'due' });
    expect(due.dueOn?.toString()).toBe('2026-03-15');
  });
});

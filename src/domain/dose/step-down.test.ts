import { describe, expect, it } from 'vitest';
import { InputError } from '../input-error';
import { levelForTarget, plannedLevels, type TargetStep, targetForWeek } from './step-down';

const plan: TargetStep[] = [
  { fromWeek: 1, toWeek: 4, hours: 9 },
  { fromWeek: 5, toWeek: 6, hours: 6 },
];

describe('targetForWeek', () => {
  it.each([
    { week: 1, hours: 9 },
    { week: 4, hours: 9 },
    { week: 5, hours: 6 },
    { week: 6, hours: 6 },
    { week: 7, hours: 6 },
    { week: 20, hours: 6 },
  ])('week $week → $hours h', ({ week, hours }) => {
    expect(targetForWeek(plan, week)).toBe(hours);
  });

  it('allows a step up (relapse) as well as down', () => {
    const steps = [...plan, { fromWeek: 7, toWeek: 8, hours: 12 }];
    expect(targetForWeek(steps, 7)).toBe(12);
  });

  it('the step down from 9 h to 6 h moves an adult from IOP to outpatient', () => {
    expect(levelForTarget(targetForWeek(plan, 4), 'adult')).toBe('2.1');
    expect(levelForTarget(targetForWeek(plan, 5), 'adult')).toBe('1');
    expect(levelForTarget(targetForWeek(plan, 5), 'adolescent')).toBe('2.1');
  });

  it.each([
    { steps: [], week: 1, paths: ['steps'] },
    { steps: [{ fromWeek: 2, toWeek: 4, hours: 9 }], week: 2, paths: ['steps[0].fromWeek'] },
    {
      steps: [
        { fromWeek: 1, toWeek: 4, hours: 9 },
        { fromWeek: 6, toWeek: 8, hours: 6 },
      ],
      week: 5,
      paths: ['steps[1].fromWeek'],
    },
    {
      steps: [
        { fromWeek: 1, toWeek: 4, hours: 9 },
        { fromWeek: 4, toWeek: 8, hours: 6 },
      ],
      week: 5,
      paths: ['steps[1].fromWeek'],
    },
    { steps: [{ fromWeek: 1, toWeek: 0, hours: 9 }], week: 1, paths: ['steps[0].toWeek'] },
    { steps: [{ fromWeek: 1, toWeek: 4, hours: -1 }], week: 1, paths: ['steps[0].hours'] },
    { steps: plan, week: 0, paths: ['weekNumber'] },
    { steps: plan, week: 1.5, paths: ['weekNumber'] },
  ])('refuses $paths', ({ steps, week, paths }) => {
    try {
      targetForWeek(steps, week);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).fields.map((f) => f.path)).toEqual(paths);
    }
  });
});

describe('levelForTarget at the band edges', () => {
  it.each([
    { hours: 0, population: 'adult', level: '1' },
    { hours: 8.99, population: 'adult', level: '1' },
    { hours: 539 / 60, population: 'adult', level: '1' },
    { hours: 9, population: 'adult', level: '2.1' },
    { hours: 19.99, population: 'adult', level: '2.1' },
    { hours: 1199 / 60, population: 'adult', level: '2.1' },
    { hours: 20, population: 'adult', level: '2.5' },
    { hours: 30, population: 'adult', level: '2.5' },
    { hours: 5.99, population: 'adolescent', level: '1' },
    { hours: 359 / 60, population: 'adolescent', level: '1' },
    { hours: 6, population: 'adolescent', level: '2.1' },
    { hours: 9, population: 'adolescent', level: '2.1' },
    { hours: 19.99, population: 'adolescent', level: '2.1' },
    { hours: 20, population: 'adolescent', level: '2.5' },
  ] as const)('$population $hours h → level $level', ({ hours, population, level }) => {
    expect(levelForTarget(hours, population)).toBe(level);
  });

  it('follows configured bands', () => {
    const overrides = { iop: { adult: { atLeastHours: 10, lessThanHours: 20 } } };
    expect(levelForTarget(9, 'adult', overrides)).toBe('1');
    expect(levelForTarget(10, 'adult', overrides)).toBe('2.1');
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s hours', (hours) => {
    expect(() => levelForTarget(hours, 'adult')).toThrow(InputError);
  });
});

describe('plannedLevels', () => {
  it.each([
    {
      name: 'IOP then outpatient',
      population: 'adult' as const,
      steps: plan,
      levels: [
        [1, '2.1'],
        [5, '1'],
      ],
    },
    {
      name: 'adolescents stay in IOP at 6 h',
      population: 'adolescent' as const,
      steps: plan,
      levels: [[1, '2.1']],
    },
    {
      name: 'PHP at 20 h, IOP at 19.99 h, outpatient at 8.99 h, back to IOP at 9 h',
      population: 'adult' as const,
      steps: [
        { fromWeek: 1, toWeek: 2, hours: 20 },
        { fromWeek: 3, toWeek: 3, hours: 19.99 },
        { fromWeek: 4, toWeek: 4, hours: 12 },
        { fromWeek: 5, toWeek: 5, hours: 8.99 },
        { fromWeek: 6, toWeek: 6, hours: 9 },
      ],
      levels: [
        [1, '2.5'],
        [3, '2.1'],
        [5, '1'],
        [6, '2.1'],
      ],
    },
  ])('$name', ({ steps, population, levels }) => {
    expect(plannedLevels(steps, population).map((p) => [p.fromWeek, p.level])).toEqual(levels);
  });

  it('refuses a plan that does not start at week 1', () => {
    expect(() => plannedLevels([{ fromWeek: 2, toWeek: 3, hours: 9 }], 'adult')).toThrow(InputError);
  });
});

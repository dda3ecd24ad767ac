/**
 * ASAM levels of care as data, for the 3rd edition and the 4th edition (2023). We store the public level codes
 * and numbers only; names and descriptions are OpenIOP's own words, not the licensed ASAM text.
 */

export const ASAM_EDITIONS = [3, 4] as const;
export type AsamEdition = (typeof ASAM_EDITIONS)[number];

export const EDITION_3_LEVEL_CODES = [
  '0.5',
  '1',
  '1-WM',
  '2.1',
  '2.5',
  '2-WM',
  '3.1',
  '3.2-WM',
  '3.3',
  '3.5',
  '3.7',
  '3.7-WM',
  '4',
  '4-WM',
] as const;
export const EDITION_4_LEVEL_CODES = [
  '1.0',
  '1.5',
  '1.7',
  '2.1',
  '2.5',
  '2.7',
  '3.1',
  '3.5',
  '3.7',
  '4',
] as const;

export type Edition3LevelCode = (typeof EDITION_3_LEVEL_CODES)[number];
export type Edition4LevelCode = (typeof EDITION_4_LEVEL_CODES)[number];
export type LevelCode = Edition3LevelCode | Edition4LevelCode;

export const CARE_SETTINGS = [
  'outpatient',
  'intensive_outpatient',
  'partial_hospitalization',
  'residential',
  'inpatient',
  'withdrawal_management',
] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

export type Population = 'adult' | 'adolescent';

/** Weekly service hours as a half-open range: atLeast ≤ hours < below (null = no bound). */
export interface WeeklyHourRange {
  atLeast: number | null;
  below: number | null;
  label: string;
}

export interface LevelOfCare {
  code: LevelCode;
  edition: AsamEdition;
  name: string;
  description: string;
  /**
   * Larger is more intensive. Unique within an edition; a code found in both editions has the same rank in
   * both, so comparing codes never needs the edition. OpenIOP's ordering: by the number in the code, and a
   * withdrawal-management service sits just above the non-WM services of its number (2-WM above 2.5).
   */
  intensityRank: number;
  setting: CareSetting;
  /** The level offers withdrawal management (the 3rd edition's -WM levels; the 4th edition's 1.7, 2.7, 3.7, 4). */
  withdrawalManagement: boolean;
  /** Only where a weekly range applies (the outpatient levels); 24-hour and withdrawal levels have none. */
  weeklyHours: Partial<Record<Population, WeeklyHourRange>>;
}

// ASAM 3rd edition: level 1 < 9 h/wk adults, < 6 adolescents; 2.1 9–19 adults, 6–19 adolescents; 2.5 ≥ 20.
const OUTPATIENT_HOURS: LevelOfCare['weeklyHours'] = {
  adult: { atLeast: null, below: 9, label: 'fewer than 9 hours a week' },
  adolescent: { atLeast: null, below: 6, label: 'fewer than 6 hours a week' },
};
const INTENSIVE_OUTPATIENT_HOURS: LevelOfCare['weeklyHours'] = {
  adult: { atLeast: 9, below: 20, label: '9–19 hours a week' },
  adolescent: { atLeast: 6, below: 20, label: '6–19 hours a week' },
};
const DAY_PROGRAM_HOURS: LevelOfCare['weeklyHours'] = {
  adult: { atLeast: 20, below: null, label: '20 or more hours a week' },
  adolescent: { atLeast: 20, below: null, label: '20 or more hours a week' },
};

type LevelRow = Omit<LevelOfCare, 'edition' | 'weeklyHours'> & { weeklyHours?: LevelOfCare['weeklyHours'] };

/** Level 2.1 reads the same in both editions. */
const INTENSIVE_OUTPATIENT: LevelRow = {
  code: '2.1',
  name: 'Intensive outpatient',
  description: 'A structured program of groups and individual sessions several days a week, living at home.',
  intensityRank: 21,
  setting: 'intensive_outpatient',
  withdrawalManagement: false,
  weeklyHours: INTENSIVE_OUTPATIENT_HOURS,
};

const EDITION_3: readonly LevelRow[] = [
  {
    code: '0.5',
    name: 'Early intervention',
    description:
      'Education and brief counselling for people at risk who do not meet criteria for a disorder.',
    intensityRank: 5,
    setting: 'outpatient',
    withdrawalManagement: false,
  },
  {
    code: '1',
    name: 'Outpatient',
    description: 'Regular counselling visits while living at home.',
    intensityRank: 15,
    setting: 'outpatient',
    withdrawalManagement: false,
    weeklyHours: OUTPATIENT_HOURS,
  },
  {
    code: '1-WM',
    name: 'Outpatient withdrawal management, office visits',
    description: 'Withdrawal care at scheduled visits, for mild withdrawal that is safe to manage at home.',
    intensityRank: 16,
    setting: 'withdrawal_management',
    withdrawalManagement: true,
  },
  INTENSIVE_OUTPATIENT,
  {
    code: '2.5',
    name: 'Partial hospitalization',
    description: 'A day program most days of the week, with quick access to medical and psychiatric care.',
    intensityRank: 25,
    setting: 'partial_hospitalization',
    withdrawalManagement: false,
    weeklyHours: DAY_PROGRAM_HOURS,
  },
  {
    code: '2-WM',
    name: 'Outpatient withdrawal management, monitored on site',
    description:
      'Withdrawal care with several hours of on-site monitoring during the day, going home at night.',
    intensityRank: 26,
    setting: 'withdrawal_management',
    withdrawalManagement: true,
  },
  {
    code: '3.1',
    name: 'Residential, low intensity',
    description:
      'A staffed, structured home with some clinical services each week, to practise recovery skills.',
    intensityRank: 31,
    setting: 'residential',
    withdrawalManagement: false,
  },
  {
    code: '3.2-WM',
    name: 'Residential withdrawal management, clinically run',
    description:
      'Withdrawal support in a staffed residence, mostly social and peer support, with medical backup.',
    intensityRank: 32,
    setting: 'withdrawal_management',
    withdrawalManagement: true,
  },
  {
    code: '3.3',
    name: 'Residential, paced for specific needs',
    description:
      'Round-the-clock care paced for people whose cognitive or other limits call for a slower program.',
    intensityRank: 33,
    setting: 'residential',
    withdrawalManagement: false,
  },
  {
    code: '3.5',
    name: 'Residential, high intensity',
    description: 'Round-the-clock clinically run treatment in a safe, structured setting.',
    intensityRank: 35,
    setting: 'residential',
    withdrawalManagement: false,
  },
  {
    code: '3.7',
    name: 'Residential, medically monitored',
    description:
      'Round-the-clock treatment with nursing and physician oversight of medical or psychiatric needs.',
    intensityRank: 37,
    setting: 'residential',
    withdrawalManagement: false,
  },
  {
    code: '3.7-WM',
    name: 'Inpatient withdrawal management, medically monitored',
    description:
      'Round-the-clock withdrawal care with nursing and physician oversight, for severe withdrawal.',
    intensityRank: 38,
    setting: 'withdrawal_management',
    withdrawalManagement: true,
  },
  {
    code: '4',
    name: 'Hospital inpatient',
    description: 'Hospital care with daily physician management of acute medical or psychiatric conditions.',
    intensityRank: 40,
    setting: 'inpatient',
    withdrawalManagement: false,
  },
  {
    code: '4-WM',
    name: 'Hospital withdrawal management',
    description: 'Hospital care for unstable withdrawal that needs daily physician management.',
    intensityRank: 41,
    setting: 'withdrawal_management',
    withdrawalManagement: true,
  },
];

// The 4th edition (2023) folds withdrawal management into 1.7, 2.7, 3.7 and 4. Weekly hour ranges are carried
// over from the 3rd edition for 1.5, 2.1 and 2.5 (OpenIOP's assumption; programs may configure otherwise).
const EDITION_4: readonly LevelRow[] = [
  {
    code: '1.0',
    name: 'Remission monitoring',
    description:
      'Periodic check-ins for people in sustained remission, to catch early signs of return to use.',
    intensityRank: 10,
    setting: 'outpatient',
    withdrawalManagement: false,
  },
  {
    code: '1.5',
    name: 'Outpatient therapy',
    description: 'Regular counselling visits while living at home.',
    intensityRank: 15,
    setting: 'outpatient',
    withdrawalManagement: false,
    weeklyHours: OUTPATIENT_HOURS,
  },
  {
    code: '1.7',
    name: 'Outpatient, medically managed',
    description: 'Office-based care with medical management, including withdrawal care and medication.',
    intensityRank: 17,
    setting: 'outpatient',
    withdrawalManagement: true,
  },
  INTENSIVE_OUTPATIENT,
  {
    code: '2.5',
    name: 'High-intensity outpatient',
    description: 'A day program most days of the week (the former partial hospitalization level).',
    intensityRank: 25,
    setting: 'partial_hospitalization',
    withdrawalManagement: false,
    weeklyHours: DAY_PROGRAM_HOURS,
  },
  {
    code: '2.7',
    name: 'Intensive outpatient, medically managed',
    description: 'A day program with daily medical management, including withdrawal care.',
    intensityRank: 27,
    setting: 'partial_hospitalization',
    withdrawalManagement: true,
  },
  {
    code: '3.1',
    name: 'Residential, low intensity',
    description:
      'A staffed, structured home with some clinical services each week, to practise recovery skills.',
    intensityRank: 31,
    setting: 'residential',
    withdrawalManagement: false,
  },
  {
    code: '3.5',
    name: 'Residential, high intensity',
    description: 'Round-the-clock clinically run treatment in a safe, structured setting.',
    intensityRank: 35,
    setting: 'residential',
    withdrawalManagement: false,
  },
  {
    code: '3.7',
    name: 'Residential, medically managed',
    description: 'Round-the-clock treatment with daily medical management, including withdrawal care.',
    intensityRank: 37,
    setting: 'residential',
    withdrawalManagement: true,
  },
  {
    code: '4',
    name: 'Hospital inpatient',
    description:
      'Hospital care with daily physician management of acute medical, psychiatric or withdrawal needs.',
    intensityRank: 40,
    setting: 'inpatient',
    withdrawalManagement: true,
  },
];

function withEdition(edition: AsamEdition, rows: readonly LevelRow[]): readonly LevelOfCare[] {
  return rows.map((row) => ({ ...row, edition, weeklyHours: row.weeklyHours ?? {} }));
}

export const LEVELS_OF_CARE: Readonly<Record<AsamEdition, readonly LevelOfCare[]>> = {
  3: withEdition(3, EDITION_3),
  4: withEdition(4, EDITION_4),
};

const RANK_BY_CODE: ReadonlyMap<string, number> = new Map(
  [...LEVELS_OF_CARE[3], ...LEVELS_OF_CARE[4]].map((level) => [level.code, level.intensityRank]),
);

export function isAsamEdition(value: unknown): value is AsamEdition {
  return value === 3 || value === 4;
}

export function isLevelCode(value: unknown): value is LevelCode {
  return typeof value === 'string' && RANK_BY_CODE.has(value);
}

export function findLevel(edition: AsamEdition, code: string): LevelOfCare | undefined {
  return LEVELS_OF_CARE[edition].find((level) => level.code === code);
}

export function intensityRank(code: LevelCode): number {
  const rank = RANK_BY_CODE.get(code);
  if (rank === undefined) throw new RangeError(`Unknown level of care: ${code}`);
  return rank;
}

/** Negative when `a` is less intensive than `b`, zero when equal, positive when more intensive. */
export function compareIntensity(a: LevelCode, b: LevelCode): number {
  return intensityRank(a) - intensityRank(b);
}

export function isWithinWeeklyHours(range: WeeklyHourRange, hoursPerWeek: number): boolean {
  return (
    (range.atLeast === null || hoursPerWeek >= range.atLeast) &&
    (range.below === null || hoursPerWeek < range.below)
  );
}

import { type FieldError, InputError } from '../input-error';

export type ProgramKind = 'outpatient' | 'iop' | 'php';
export type Population = 'adult' | 'adolescent';

/**
 * Weekly hours a program kind is meant to give: at least `atLeastHours` and less than `lessThanHours`
 * (`null`: no ceiling). Half-open so that adjacent bands meet without a gap: 19.99 h is IOP, 20.00 h is PHP.
 */
export type HourBand = { atLeastHours: number; lessThanHours: number | null };

export type HourBandTable = Record<ProgramKind, Record<Population, HourBand>>;

/** Per-program or per-payer changes to the defaults; anything left out keeps its default. */
export type HourBandOverrides = { [K in ProgramKind]?: { [P in Population]?: HourBand } };

/**
 * ASAM 3rd edition weekly hours (The ASAM Criteria, 3rd ed., 2013): level 1 outpatient < 9 h adults, < 6 h adolescents;
 * level 2.1 IOP 9–19 h adults, 6–19 h adolescents; level 2.5 PHP 20 h or more.
 */
export const DEFAULT_HOUR_BANDS: HourBandTable = {
  outpatient: {
    adult: { atLeastHours: 0, lessThanHours: 9 },
    adolescent: { atLeastHours: 0, lessThanHours: 6 },
  },
  iop: {
    adult: { atLeastHours: 9, lessThanHours: 20 },
    adolescent: { atLeastHours: 6, lessThanHours: 20 },
  },
  php: {
    adult: { atLeastHours: 20, lessThanHours: null },
    adolescent: { atLeastHours: 20, lessThanHours: null },
  },
};

/**
 * The weekly hour band for a program kind and population, from the defaults with any configured overrides.
 *
 * @throws InputError when an override is not a valid band.
 */
export function bandFor(kind: ProgramKind, population: Population, overrides?: HourBandOverrides): HourBand {
  const override = overrides?.[kind]?.[population];
  if (!override) return DEFAULT_HOUR_BANDS[kind][population];
  const fields = bandFields(override, `overrides.${kind}.${population}`);
  if (fields.length > 0) throw new InputError(fields);
  return override;
}

/** The whole table with overrides applied, e.g. for a program settings screen. */
export function hourBandTable(overrides?: HourBandOverrides): HourBandTable {
  const kinds: ProgramKind[] = ['outpatient', 'iop', 'php'];
  const table = {} as HourBandTable;
  for (const kind of kinds) {
    table[kind] = {
      adult: bandFor(kind, 'adult', overrides),
      adolescent: bandFor(kind, 'adolescent', overrides),
    };
  }
  return table;
}

function bandFields(band: HourBand, path: string): FieldError[] {
  const fields: FieldError[] = [];
  const { atLeastHours, lessThanHours } = band;
  if (!Number.isFinite(atLeastHours) || atLeastHours < 0) {
    fields.push({ path: `${path}.atLeastHours`, message: 'must be a number of hours, 0 or more' });
  }
  if (lessThanHours !== null && (!Number.isFinite(lessThanHours) || lessThanHours <= atLeastHours)) {
    fields.push({
      path: `${path}.lessThanHours`,
      message: 'must be more than atLeastHours, or null for no ceiling',
    });
  }
  return fields;
}

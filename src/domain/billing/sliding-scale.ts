import { type FieldError, InputError } from '../input-error';
import { POVERTY_GUIDELINES, type PovertyArea } from './poverty-guidelines';

/**
 * A sliding fee schedule: bands of household income as a percentage of the poverty guideline, lowest first,
 * each with what the patient pays — a share of the full fee or a flat amount per service. The clinic sets
 * the bands (HRSA's health-center rule, for one model, is a full discount at or below 100 % and no discount
 * above 200 %); the guideline year is named so a schedule does not move when HHS publishes a new year.
 */
export type SlidingScaleBand = {
  readonly id: string;
  /** The band applies up to and including this percentage of the guideline; null for the top band. */
  readonly upToPercent: number | null;
  readonly pays:
    | { readonly kind: 'share'; readonly percent: number }
    | { readonly kind: 'flat'; readonly cents: number };
};

export type SlidingScale = {
  readonly guidelineYear: number;
  readonly area: PovertyArea;
  readonly bands: readonly SlidingScaleBand[];
};

export type Household = { readonly size: number; readonly annualIncomeCents: number };

/** The guideline for a household, in whole dollars. */
export function povertyGuideline(year: number, area: PovertyArea, size: number): number {
  const table = POVERTY_GUIDELINES[year]?.[area];
  if (!table)
    throw new InputError([{ path: 'guidelineYear', message: `has no poverty guideline table (${year})` }]);
  return table.firstPerson + (size - 1) * table.eachAdditional;
}

/** Household income as a percentage of the guideline, to one decimal, rounded down (for display: bands compare exact amounts). */
export function percentOfPoverty(year: number, area: PovertyArea, household: Household): number {
  const guidelineCents = povertyGuideline(year, area, household.size) * 100;
  return Math.floor((household.annualIncomeCents * 1000) / guidelineCents) / 10;
}

export type SlidingFee = { bandId: string; percentOfPoverty: number; patientPaysCents: number };

/**
 * What the patient pays for a service whose full fee is `fullFeeCents`: the first band whose ceiling the
 * household's percentage does not pass. Amounts are whole cents, a share rounded half up.
 *
 * @throws InputError for a household size under 1, negative income or fee, or a schedule without a top band.
 */
export function slidingFee(scale: SlidingScale, household: Household, fullFeeCents: number): SlidingFee {
  const fields: FieldError[] = [];
  if (!Number.isInteger(household.size) || household.size < 1) {
    fields.push({ path: 'household.size', message: 'must be a whole number of persons, 1 or more' });
  }
  if (!Number.isInteger(household.annualIncomeCents) || household.annualIncomeCents < 0) {
    fields.push({ path: 'household.annualIncomeCents', message: 'must be whole cents, 0 or more' });
  }
  if (!Number.isInteger(fullFeeCents) || fullFeeCents < 0) {
    fields.push({ path: 'fullFeeCents', message: 'must be whole cents, 0 or more' });
  }
  if (scale.bands.at(-1)?.upToPercent !== null) {
    fields.push({ path: 'bands', message: 'the last band must have no ceiling' });
  }
  if (fields.length > 0) throw new InputError(fields);
  const guidelineCents = povertyGuideline(scale.guidelineYear, scale.area, household.size) * 100;
  // Exact: a household one cent over 100 % is over 100 %, whatever the displayed percentage rounds to.
  const band = scale.bands.find(
    (b) => b.upToPercent === null || household.annualIncomeCents * 100 <= b.upToPercent * guidelineCents,
  );
  if (!band) throw new InputError([{ path: 'bands', message: 'the last band must have no ceiling' }]);
  const patientPaysCents =
    band.pays.kind === 'flat'
      ? Math.min(band.pays.cents, fullFeeCents)
      : Math.round((fullFeeCents * band.pays.percent) / 100);
  return {
    bandId: band.id,
    percentOfPoverty: percentOfPoverty(scale.guidelineYear, scale.area, household),
    patientPaysCents,
  };
}

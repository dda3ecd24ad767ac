import { Temporal } from 'temporal-polyfill';
import { describe, expect, it } from 'vitest';
import type { Authorization } from './authorization';
import { type ChargeUnderReview, type ScrubReason, scrubCharge } from './claim-scrubber';

const d = Temporal.PlainDate.from;

const AUTHORIZATION: Authorization = {
  status: 'approved',
  from: d('2026-03-02'),
  through: d('2026-03-08'),
  unitsApproved: 5,
  serviceCodes: ['H0015'],
};

const CLEAN: ChargeUnderReview = {
  line: { date: d('2026-03-02'), code: 'H0015', revenueCode: '0906', units: 1, serviceIds: ['s1'] },
  today: d('2026-03-09'),
  coverage: { from: d('2026-01-01') },
  payer: { authorizationRequired: true, medicare: false, timelyFiling: { days: 90 } },
  authorization: AUTHORIZATION,
  authorizationUnitsUsed: 0,
  documented: true,
  diagnosisCodes: ['F10.20'],
  billingNpi: '1234567893',
  billingTaxonomy: '261QR0405X',
  medicareCertificationsSignedOn: [],
  duplicateOfBilled: false,
  patientPaysPrivately: false,
};

const reasons = (charge: ChargeUnderReview): ScrubReason[] => scrubCharge(charge).map((f) => f.reason);

describe('claim scrubber: each preventable denial is named before the claim leaves', () => {
  it('a clean charge passes', () => {
    expect(scrubCharge(CLEAN)).toEqual([]);
  });

  it.each<{ case: string; change: Partial<ChargeUnderReview>; reason: ScrubReason }>([
    { case: 'no coverage', change: { coverage: null }, reason: 'coverage_not_active' },
    {
      case: 'coverage ended the day before',
      change: { coverage: { from: d('2026-01-01'), through: d('2026-03-01') } },
      reason: 'coverage_not_active',
    },
    { case: 'no authorization', change: { authorization: null }, reason: 'no_authorization' },
    {
      case: 'authorization requested only',
      change: { authorization: { ...AUTHORIZATION, status: 'requested' } },
      reason: 'authorization_not_approved',
    },
    {
      case: 'date after the authorization',
      change: { line: { ...CLEAN.line, date: d('2026-03-09') } },
      reason: 'outside_authorization_dates',
    },
    {
      case: 'code not authorized',
      change: { line: { ...CLEAN.line, code: 'S9480' } },
      reason: 'code_not_authorized',
    },
    {
      case: 'units used up (0 left)',
      change: { authorizationUnitsUsed: 5 },
      reason: 'authorization_units_exhausted',
    },
    { case: 'unsigned note', change: { documented: false }, reason: 'not_documented' },
    { case: 'no diagnosis', change: { diagnosisCodes: [] }, reason: 'no_diagnosis' },
    { case: 'no billing NPI', change: { billingNpi: undefined }, reason: 'billing_npi_missing' },
    {
      case: 'bad billing NPI check digit',
      change: { billingNpi: '1234567890' },
      reason: 'billing_npi_invalid',
    },
    { case: 'no taxonomy', change: { billingTaxonomy: undefined }, reason: 'billing_taxonomy_missing' },
    { case: 'bad rendering NPI', change: { renderingNpi: '1234567894' }, reason: 'rendering_npi_invalid' },
    { case: 'duplicate', change: { duplicateOfBilled: true }, reason: 'duplicate_of_billed_charge' },
    { case: 'filed on day 91', change: { today: d('2026-06-01') }, reason: 'timely_filing_passed' },
    {
      case: 'patient pays privately',
      change: { patientPaysPrivately: true },
      reason: 'patient_pays_privately',
    },
  ])('$case → $reason', ({ change, reason }) => {
    expect(reasons({ ...CLEAN, ...change })).toEqual([reason]);
  });

  it('units: 1 left passes, 0 left blocks', () => {
    expect(reasons({ ...CLEAN, authorizationUnitsUsed: 4 })).toEqual([]);
    expect(reasons({ ...CLEAN, authorizationUnitsUsed: 5 })).toEqual(['authorization_units_exhausted']);
  });

  it('a payer without authorizations does not ask for one', () => {
    expect(
      reasons({ ...CLEAN, payer: { ...CLEAN.payer, authorizationRequired: false }, authorization: null }),
    ).toEqual([]);
  });

  describe('Medicare: a certification must cover the date (60 days, then recertify)', () => {
    const medicare = { ...CLEAN, payer: { ...CLEAN.payer, medicare: true, timelyFiling: { months: 12 } } };
    it.each([
      { signed: [], reasons: ['medicare_certification_missing'] },
      { signed: ['2026-01-01'], reasons: [] }, // day 60 is 2026-03-02
      { signed: ['2025-12-31'], reasons: ['medicare_certification_lapsed'] }, // day 61
    ])('signed $signed → $reasons', ({ signed, reasons: want }) => {
      expect(reasons({ ...medicare, medicareCertificationsSignedOn: signed.map((s) => d(s)) })).toEqual(want);
    });
  });

  it('every failure says what to fix in words', () => {
    const failures = scrubCharge({ ...CLEAN, coverage: null, documented: false });
    expect(failures.map((f) => f.message)).toEqual([
      'No coverage is active on 2026-03-02.',
      'A service on this line has no signed note or locked roster.',
    ]);
  });
});

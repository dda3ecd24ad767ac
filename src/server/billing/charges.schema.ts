import { z } from '@hono/zod-openapi';
import { SCRUB_REASONS } from '../../domain/billing';
import { PageQuery } from '../platform/http/common.schema';

const isoDate = z.iso.date({ message: 'Must be a date (YYYY-MM-DD).' });

export const CHARGE_STATUSES = ['queued', 'held', 'released', 'billed', 'void'] as const;

export const GenerateChargesRequest = z
  .strictObject({ from: isoDate, through: isoDate })
  .openapi('GenerateChargesRequest');

export const NO_CHARGE_REASONS = [
  'undocumented',
  'roster_not_locked',
  'day_under_3_hours',
  'fewer_than_3_services',
  'drug_test_already_billed_that_day',
  'no_episode',
  'no_fee_scheduled',
] as const;

export const ChargeProblem = z
  .object({ reason: z.enum(SCRUB_REASONS), message: z.string() })
  .openapi('ChargeProblem');

export const Charge = z
  .object({
    id: z.uuid(),
    patient: z.object({ id: z.uuid(), mrn: z.string(), name: z.string() }),
    episodeId: z.uuid(),
    programId: z.uuid(),
    serviceDate: z.string(),
    code: z.string(),
    revenueCode: z.string().nullable(),
    units: z.number().int(),
    amountCents: z.number().int(),
    payerName: z.string().nullable(),
    authorizationNumber: z.string().nullable(),
    status: z.enum(CHARGE_STATUSES),
    holdReason: z.string().nullable(),
    /** Every reason the claim would be denied; a charge with any is blocked from a claim. */
    problems: z.array(ChargeProblem),
    version: z.number().int(),
  })
  .openapi('Charge');

export const GenerationResult = z
  .object({
    created: z.number().int(),
    alreadyCharged: z.number().int(),
    noCharge: z.array(
      z.object({
        patientId: z.uuid(),
        date: z.string(),
        serviceId: z.uuid().nullable(),
        reason: z.enum(NO_CHARGE_REASONS),
      }),
    ),
  })
  .openapi('ChargeGenerationResult');

export const ChargeQuery = PageQuery.extend({
  status: z.enum(CHARGE_STATUSES).optional(),
  programId: z.uuid({ message: 'Must be a UUID.' }).optional(),
  from: isoDate.optional(),
  through: isoDate.optional(),
});

export const ChargeList = z
  .object({
    items: z.array(Charge),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
  })
  .openapi('ChargeList');

/** Billing's decision on a queued charge: hold it (with why), put it back, or release it for a claim. */
export const ChargeReview = z
  .strictObject({
    status: z.enum(['queued', 'held', 'released']),
    holdReason: z.string().trim().min(1).max(300).nullable().default(null),
  })
  .openapi('ChargeReview');

import { z } from '@hono/zod-openapi';

const isoDate = z.iso.date({ message: 'Must be a date (YYYY-MM-DD).' });
const text = (max: number) => z.string().trim().min(1, 'Required.').max(max);

export const CLAIM_TYPES = ['837P', '837I'] as const;
export const BILLING_METHOD_KINDS = ['per_diem', 'itemized', 'medicare_iop'] as const;
export const COVERAGE_RANKS = ['primary', 'secondary', 'tertiary'] as const;
export const SUBSCRIBER_RELATIONSHIPS = ['self', 'spouse', 'child', 'other'] as const;

export const PayerRequest = z
  .strictObject({
    name: text(200),
    payerCode: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9]{2,80}$/, 'Letters and digits only (the payer id of the clearinghouse list).'),
    claimType: z.enum(CLAIM_TYPES),
    billingMethod: z
      .enum(BILLING_METHOD_KINDS)
      .default('per_diem')
      .describe('per_diem: H0015/S9480 a qualifying day; itemized: each service its code; medicare_iop'),
    claimFilingIndicator: z
      .string()
      .regex(/^[A-Z0-9]{2}$/, 'Two letters or digits (SBR09: CI, MA, MB, MC …).'),
    medicare: z.boolean().default(false),
    authorizationRequired: z.boolean().default(true),
    reviewEveryDays: z.number().int().min(1).max(90).nullable().default(null),
    timelyFilingDays: z.number().int().min(30).max(730),
    active: z.boolean().default(true),
  })
  .openapi('PayerRequest');

export const Payer = PayerRequest.extend({ id: z.uuid(), version: z.number().int() }).openapi('Payer');
export const PayerList = z.object({ items: z.array(Payer) }).openapi('PayerList');

const CoverageFields = z.strictObject({
  payerId: z.uuid({ message: 'Must be a UUID.' }),
  rank: z.enum(COVERAGE_RANKS),
  memberId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,80}$/, 'Letters, digits and dashes only.'),
  groupNumber: z.string().trim().max(50).nullable().optional(),
  subscriberRelationship: z.enum(SUBSCRIBER_RELATIONSHIPS),
  subscriberGivenName: z.string().trim().max(100).nullable().optional(),
  subscriberFamilyName: z.string().trim().max(100).nullable().optional(),
  subscriberDateOfBirth: isoDate.nullable().optional(),
  effectiveFrom: isoDate,
  effectiveThrough: isoDate.nullable().optional(),
});

export const CoverageRequest = CoverageFields.openapi('CoverageRequest');

export const Coverage = CoverageFields.extend({
  id: z.uuid(),
  payerName: z.string(),
  groupNumber: z.string().nullable(),
  subscriberGivenName: z.string().nullable(),
  subscriberFamilyName: z.string().nullable(),
  subscriberDateOfBirth: z.string().nullable(),
  effectiveThrough: z.string().nullable(),
  version: z.number().int(),
}).openapi('Coverage');

export const CoverageList = z.object({ items: z.array(Coverage) }).openapi('CoverageList');

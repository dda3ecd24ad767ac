import type { z } from '@hono/zod-openapi';
import type { Coverage, Payer } from './coverages.schema';
import type { CoverageRow, PayerRow } from './coverages.store';

export function payerJson(row: PayerRow): z.infer<typeof Payer> {
  return {
    id: row.id,
    name: row.name,
    payerCode: row.payerCode,
    claimType: row.claimType as z.infer<typeof Payer>['claimType'],
    billingMethod: row.billingMethod as z.infer<typeof Payer>['billingMethod'],
    claimFilingIndicator: row.claimFilingIndicator,
    medicare: row.medicare,
    authorizationRequired: row.authorizationRequired,
    reviewEveryDays: row.reviewEveryDays,
    timelyFilingDays: row.timelyFilingDays,
    active: row.active,
    version: row.version,
  };
}

export function coverageJson(row: CoverageRow): z.infer<typeof Coverage> {
  return {
    id: row.id,
    payerId: row.payerId,
    payerName: row.payerName,
    rank: row.rank as z.infer<typeof Coverage>['rank'],
    memberId: row.memberId,
    groupNumber: row.groupNumber,
    subscriberRelationship: row.subscriberRelationship as z.infer<typeof Coverage>['subscriberRelationship'],
    subscriberGivenName: row.subscriberGivenName,
    subscriberFamilyName: row.subscriberFamilyName,
    subscriberDateOfBirth: row.subscriberDateOfBirth,
    effectiveFrom: row.effectiveFrom,
    effectiveThrough: row.effectiveThrough,
    version: row.version,
  };
}

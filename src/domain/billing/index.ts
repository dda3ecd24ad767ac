export {
  ADJUSTMENT_GROUPS,
  type AdjustmentGroup,
  adjustmentReasonText,
  isAdjustmentGroup,
} from './adjustment-reasons';
export {
  AUTHORIZATION_STATUSES,
  type Authorization,
  type AuthorizationAlert,
  type AuthorizationGap,
  type AuthorizationStanding,
  type AuthorizationStatus,
  assertAuthorization,
  authorizationAlerts,
  authorizationCovers,
  type RecordedAuthorization,
} from './authorization';
export { type AttendedSession, billableDays, type ChartNote, serviceCode } from './billable-days';
export {
  type BillableDay,
  type BillingMethod,
  type ChargeLine,
  chargesForDay,
  type DayCharges,
  type DayService,
  type NoChargeReason,
} from './charges-for-day';
export {
  type ChargeUnderReview,
  SCRUB_REASONS,
  type ScrubFailure,
  type ScrubReason,
  scrubCharge,
} from './claim-scrubber';
export { assertCoveragePeriod, type CoveragePeriod, coverageOn } from './coverage-periods';
export { authorizationFor, type Fee, feeFor, oneLinePerCode } from './fee-schedule';
export {
  type CertificationStanding,
  certificationOn,
  MEDICARE_IOP_MINIMUM_WEEKLY_HOURS,
  MEDICARE_IOP_RECERTIFY_DAYS,
} from './medicare-certification';
export { npiCheckDigit, npiProblem } from './npi';
export {
  type Adjustment,
  type BilledLine,
  type LinePosting,
  postRemittedClaim,
  type RemittancePosting,
  type RemittedClaim,
  type RemittedLine,
} from './post-remittance';
export { POVERTY_GUIDELINES, type PovertyArea, type PovertyGuideline } from './poverty-guidelines';
export {
  AGING_BUCKETS,
  type AgingBucketKey,
  type AgingBuckets,
  type AgingRow,
  arAging,
  type ClaimKpis,
  claimKpis,
  DAYS_IN_AR_LOOKBACK,
  type ReportClaim,
  type ReportLine,
  type ReportPosting,
} from './revenue-kpis';
export {
  type Household,
  percentOfPoverty,
  povertyGuideline,
  type SlidingFee,
  type SlidingScale,
  type SlidingScaleBand,
  slidingFee,
} from './sliding-scale';
export { isFiledInTime, lastFilingDay, type TimelyFilingLimit } from './timely-filing';

import type { Authorization, AuthorizationAlert, ChargeStatus, NoChargeReason } from './billing-api';

const dollars = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** An amount in cents as dollars: 25000 → "$250.00". */
export const formatCents = (cents: number) => dollars.format(cents / 100);

/** Why the record made no charge for a member's day, in plain words. */
export const NO_CHARGE_LABELS: Record<NoChargeReason, string> = {
  undocumented: 'No signed note for the service',
  roster_not_locked: 'The session’s attendance is not locked',
  day_under_3_hours: 'Fewer than 3 hours of service that day',
  fewer_than_3_services: 'Fewer than 3 services that day',
  drug_test_already_billed_that_day: 'A drug test was already billed that day',
  no_episode: 'No open episode on that day',
  no_fee_scheduled: 'No fee is scheduled for the code',
};

export const CHARGE_STATUS_LABELS: Record<ChargeStatus, string> = {
  queued: 'Queued',
  held: 'Held',
  released: 'Released',
  billed: 'Billed',
  void: 'Void',
};

export const CHARGE_STATUS_COLORS: Record<ChargeStatus, string> = {
  queued: 'blue',
  held: 'yellow',
  released: 'teal',
  billed: 'gray',
  void: 'gray',
};

export const ALERT_LABELS: Record<AuthorizationAlert, string> = {
  expires_soon: 'Expires soon',
  units_low: 'Few units left',
};

export const AUTHORIZATION_STATUS_LABELS: Record<Authorization['status'], string> = {
  requested: 'Requested',
  approved: 'Approved',
  partially_approved: 'Partially approved',
  denied: 'Denied',
  expired: 'Expired',
};

export const AUTHORIZATION_STATUS_COLORS: Record<Authorization['status'], string> = {
  requested: 'blue',
  approved: 'teal',
  partially_approved: 'yellow',
  denied: 'red',
  expired: 'gray',
};

export const RANK_LABELS = { primary: 'Primary', secondary: 'Secondary', tertiary: 'Tertiary' } as const;

export const RELATIONSHIP_LABELS = {
  self: 'Self',
  spouse: 'Spouse',
  child: 'Child',
  other: 'Other',
} as const;

export const BILLING_METHOD_LABELS = {
  per_diem: 'Per diem (H0015 / S9480)',
  itemized: 'Itemized',
  medicare_iop: 'Medicare IOP',
} as const;

import { Temporal } from 'temporal-polyfill';
import type { ReportClaim, ReportPosting } from '../../domain/billing';
import type { ClaimsForReports } from '../claims';

const DENIAL_STATUSES = ['open', 'appealed', 'rebilled', 'written_off'] as const;
type DenialStatus = (typeof DENIAL_STATUSES)[number];
const isDenialStatus = (s: string | null): s is DenialStatus => DENIAL_STATUSES.includes(s as DenialStatus);

/**
 * The claims as the report rules take them: instants become the site's calendar days, a claim is a
 * resubmission when it corrects or voids one (frequency 7/8) or carries a charge an earlier claim carried.
 */
export function reportClaims(read: ClaimsForReports, zone: string): ReportClaim[] {
  const day = (at: Date) =>
    Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(zone).toPlainDate();
  const lineOf = new Map(read.lines.map((l) => [l.id, l]));
  const postingsOf = new Map<string, ReportPosting[]>();
  for (const p of read.postings) {
    const key = `${p.claimId}|${p.chargeId}`;
    const contractual = p.adjustments.filter((a) => a.group === 'CO').reduce((s, a) => s + a.amountCents, 0);
    postingsOf.set(key, [
      ...(postingsOf.get(key) ?? []),
      {
        postedOn: day(p.createdAt),
        paidCents: p.paidCents,
        writeOffCents: p.writeOffCents,
        patientResponsibilityCents: p.patientResponsibilityCents,
        contractualCents: p.denialStatus ? 0 : contractual,
        denial:
          p.denialReason && isDenialStatus(p.denialStatus)
            ? {
                reason: p.denialReason,
                text: p.denialText ?? '',
                status: p.denialStatus,
                settledOn: day(p.updatedAt),
              }
            : null,
      },
    ]);
  }
  const billedBefore = new Set<string>();
  // Claims come oldest first: a charge seen on an earlier claim makes a later one a resubmission.
  return read.claims.map((c) => {
    const resubmission = c.frequency !== '1' || c.chargeIds.some((id) => billedBefore.has(id));
    for (const id of c.chargeIds) billedBefore.add(id);
    return {
      payerId: c.payerId,
      submittedOn: day(c.createdAt),
      resubmission,
      reversed: c.status === 'reversed',
      lines: c.chargeIds.flatMap((id) => {
        const line = lineOf.get(id);
        if (!line) return [];
        return [
          {
            serviceDate: Temporal.PlainDate.from(line.serviceDate),
            chargeCents: line.amountCents,
            postings: postingsOf.get(`${c.id}|${id}`) ?? [],
          },
        ];
      }),
    };
  });
}

import type { z } from '@hono/zod-openapi';
import type { Referral, Screening } from './referrals.schema';
import type { ReferralRow, ScreeningRow } from './referrals.store';

export function screeningJson(s: ScreeningRow): z.infer<typeof Screening> {
  const scored = (answers: Record<string, number> | null, total: number | null, band: string | null) =>
    answers && total !== null && band ? { answers, total, band } : null;
  return {
    id: s.id,
    referralId: s.referralId,
    edition: s.edition,
    ciwaAr: scored(s.ciwaArAnswers, s.ciwaArTotal, s.ciwaArBand),
    cows: scored(s.cowsAnswers, s.cowsTotal, s.cowsBand),
    cssrs: s.cssrsAnswers && s.cssrsRisk ? { answers: s.cssrsAnswers, risk: s.cssrsRisk } : null,
    flags: s.flags,
    thresholds: s.thresholds,
    ruleOut: s.ruleOut,
    screenedBy: s.screenedBy,
    screenedAt: s.screenedAt.toISOString(),
  };
}

export function referralJson(r: ReferralRow, screenings: ScreeningRow[]): z.infer<typeof Referral> {
  return {
    id: r.id,
    patientId: r.patientId,
    siteId: r.siteId,
    programId: r.programId,
    programName: r.programName,
    source: r.source,
    referrerName: r.referrerName,
    referredOn: r.referredOn,
    substances: r.substances,
    medicalFlags: r.medicalFlags,
    psychiatricFlags: r.psychiatricFlags,
    recoveryEnvironmentUnsafe: r.recoveryEnvironmentUnsafe,
    note: r.note,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    screenings: screenings.filter((s) => s.referralId === r.id).map(screeningJson),
  };
}

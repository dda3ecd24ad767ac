import type { z } from '@hono/zod-openapi';
import { DISCHARGE_REASONS } from '../../domain/episodes/discharge';
import type { Discharge, DischargeRequest } from './discharges.schema';
import type { DischargeRow } from './discharges.store';
import type { AftercarePlanRecord } from './discharges.table';

export function dischargeJson(d: DischargeRow): z.infer<typeof Discharge> {
  // The stored code was checked against the TEDS reasons when the discharge was written.
  const reason = DISCHARGE_REASONS.find((r) => r.code === d.reasonCode)!;
  return {
    id: d.id,
    episodeId: d.episodeId,
    patientId: d.patientId,
    dischargedOn: d.dischargedOn,
    reason: { code: reason.code, key: reason.key, label: reason.label },
    levelAtDischarge: d.levelAtDischarge,
    summary: d.summary,
    referralTo: d.referralTo,
    nextLevel: d.nextLevel,
    aftercare: d.aftercare,
    dischargedBy: d.dischargedBy,
    createdAt: d.createdAt.toISOString(),
  };
}

/** The aftercare plan as stored: every optional part present (null when not given), supports once each. */
export function aftercareRecord(a: z.infer<typeof DischargeRequest>['aftercare']): AftercarePlanRecord {
  const n = <T>(v: T | null | undefined) => v ?? null;
  return {
    nextProvider: {
      name: a.nextProvider.name,
      levelOfCare: n(a.nextProvider.levelOfCare),
      phone: n(a.nextProvider.phone),
      address: n(a.nextProvider.address),
    },
    appointments: a.appointments.map((x) => ({
      on: x.on,
      time: n(x.time),
      with: x.with,
      purpose: n(x.purpose),
    })),
    recoverySupports: [...new Set(a.recoverySupports)],
    crisisPlan: {
      crisisLine: a.crisisPlan.crisisLine,
      warningSigns: n(a.crisisPlan.warningSigns),
      copingSteps: n(a.crisisPlan.copingSteps),
      contacts: n(a.crisisPlan.contacts),
    },
    medicationContinuity: {
      medications: n(a.medicationContinuity.medications),
      prescriber: n(a.medicationContinuity.prescriber),
      supplyUntil: n(a.medicationContinuity.supplyUntil),
      note: n(a.medicationContinuity.note),
    },
  };
}

import type { z } from '@hono/zod-openapi';
import type { TreatmentPlan } from './treatment-plans.schema';
import type { PlanRow, RevisionRow } from './treatment-plans.store';

export type PlanJson = z.infer<typeof TreatmentPlan>;
export type Signatures = Pick<
  PlanRow,
  | 'clinicianSignedName'
  | 'clinicianSignedAt'
  | 'clinicianSignedBy'
  | 'patientSignedName'
  | 'patientSignedAt'
  | 'patientSignedVia'
>;

export const UNSIGNED: Signatures = {
  clinicianSignedName: null,
  clinicianSignedAt: null,
  clinicianSignedBy: null,
  patientSignedName: null,
  patientSignedAt: null,
  patientSignedVia: null,
};

export function signatures(p: Signatures) {
  const clinician =
    p.clinicianSignedName && p.clinicianSignedAt && p.clinicianSignedBy
      ? {
          name: p.clinicianSignedName,
          signedAt: p.clinicianSignedAt.toISOString(),
          userId: p.clinicianSignedBy,
        }
      : null;
  const patient =
    p.patientSignedName && p.patientSignedAt
      ? {
          name: p.patientSignedName,
          signedAt: p.patientSignedAt.toISOString(),
          via: (p.patientSignedVia === 'portal' ? 'portal' : 'staff') as 'staff' | 'portal',
        }
      : null;
  const status: PlanJson['status'] =
    clinician && patient ? 'signed' : clinician ? 'clinician_signed' : patient ? 'patient_signed' : 'draft';
  return { clinicianSignature: clinician, patientSignature: patient, status };
}

export const isSignedByBoth = (p: Signatures) => signatures(p).status === 'signed';

export function planJson(p: PlanRow): PlanJson {
  const s = signatures(p);
  return {
    id: p.id,
    episodeId: p.episodeId,
    patientId: p.patientId,
    revision: p.revision,
    version: p.version,
    document: p.document as PlanJson['document'],
    reviewDate: p.reviewDate,
    ...s,
    readOnly: s.status === 'signed',
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function revisionJson(r: PlanRow | RevisionRow, current: boolean) {
  return {
    revision: r.revision,
    document: r.document as PlanJson['document'],
    reviewDate: r.reviewDate,
    ...signatures(r),
    current,
    supersededAt: 'supersededAt' in r ? r.supersededAt.toISOString() : null,
  };
}

import { z } from '@hono/zod-openapi';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { certificationOn, MEDICARE_IOP_MINIMUM_WEEKLY_HOURS } from '../../domain/billing';
import { findEpisode } from '../episodes';
import type { Tx } from '../platform/db/database';
import { users } from '../platform/db/platform.table';
import { AppError } from '../platform/errors';
import type { App } from '../platform/http/app-env';
import { UuidParam } from '../platform/http/common.schema';
import { patientRoutes } from '../platform/http/route-builder';
import { readPatientRecord } from '../platform/http/route-wrappers';
import { siteToday } from '../sites';
import { medicareCertifications } from './billing.table';

const Params = z.object({ patientId: UuidParam('patientId'), episodeId: UuidParam('episodeId') });
const CertifyRequest = z
  .strictObject({
    signedOn: z.iso.date({ message: 'Must be a date (YYYY-MM-DD).' }),
    /** The physician attests the patient needs at least 9 hours a week of IOP services. */
    needsNineHoursWeekly: z.literal(true, { message: 'The certification states the 9-hour weekly need.' }),
  })
  .openapi('MedicareCertificationRequest');
const Certifications = z
  .object({
    items: z.array(z.object({ id: z.uuid(), signedOn: z.string(), signedName: z.string() })),
    /** On the site's today: certified through `recertifyBy`, or why not. */
    standing: z.object({
      certified: z.boolean(),
      recertifyBy: z.string().nullable(),
      reason: z.enum(['never_certified', 'lapsed']).nullable(),
    }),
    minimumWeeklyHours: z.number(),
  })
  .openapi('MedicareCertifications');

/** The certification dates of several episodes, for the scrubber: one query. */
export async function certificationsOfEpisodes(tx: Tx, episodeIds: string[]) {
  if (episodeIds.length === 0) return [];
  return tx
    .select({ episodeId: medicareCertifications.episodeId, signedOn: medicareCertifications.signedOn })
    .from(medicareCertifications)
    .where(inArray(medicareCertifications.episodeId, episodeIds));
}

async function listFor(tx: Tx, episodeId: string, today: Temporal.PlainDate) {
  const rows = await tx
    .select()
    .from(medicareCertifications)
    .where(eq(medicareCertifications.episodeId, episodeId))
    .orderBy(asc(medicareCertifications.signedOn));
  const standing = certificationOn(
    rows.map((r) => Temporal.PlainDate.from(r.signedOn)),
    today,
  );
  return {
    items: rows.map((r) => ({ id: r.id, signedOn: r.signedOn, signedName: r.signedName })),
    standing: standing.certified
      ? { certified: true, recertifyBy: standing.recertifyBy.toString(), reason: null }
      : { certified: false, recertifyBy: null, reason: standing.reason },
    minimumWeeklyHours: MEDICARE_IOP_MINIMUM_WEEKLY_HOURS,
  };
}

export function registerMedicareCertificationRoutes(app: App) {
  const patients = patientRoutes(app, { tags: ['Billing'] });

  const path = '/api/patients/{patientId}/episodes/{episodeId}/medicare-certifications';
  patients.get(
    path,
    {
      permission: 'certification.read',
      summary: "An episode's Medicare IOP certifications and whether one is in force today (every 60 days)",
      params: Params,
      ok: [Certifications, 'Certifications'],
    },
    async ({ tx, patient, now, audit }, { param }) => {
      await readPatientRecord(findEpisode(tx, patient.id, param.episodeId), 'The episode');
      await audit('certification.list', 'episode', param.episodeId);
      return listFor(tx, param.episodeId, await siteToday(tx, patient.siteId, now));
    },
  );

  patients.post(
    path,
    {
      status: 201,
      idempotent: true,
      permission: 'certification.write',
      summary:
        'The physician signs a certification or recertification that the patient needs IOP of 9+ hours a week',
      params: Params,
      body: CertifyRequest,
      ok: [Certifications, 'Signed'],
    },
    async ({ tx, patient, actor, now, audit }, { param, json }) => {
      await readPatientRecord(findEpisode(tx, patient.id, param.episodeId), 'The episode');
      const today = await siteToday(tx, patient.siteId, now);
      if (Temporal.PlainDate.compare(Temporal.PlainDate.from(json.signedOn), today) > 0) {
        throw AppError.validation([
          { path: 'signedOn', message: 'A certification cannot be signed in the future.' },
        ]);
      }
      const [signer] = await tx
        .select({ name: users.displayName })
        .from(users)
        .where(and(eq(users.id, actor.userId)));
      const [row] = await tx
        .insert(medicareCertifications)
        .values({
          organizationId: actor.organizationId,
          siteId: patient.siteId,
          patientId: patient.id,
          episodeId: param.episodeId,
          signedOn: json.signedOn,
          signedBy: actor.userId,
          signedName: signer?.name ?? '',
          createdAt: now,
        })
        .returning({ id: medicareCertifications.id });
      await audit('certification.create', 'medicare_certification', row!.id, { signedOn: json.signedOn });
      return listFor(tx, param.episodeId, today);
    },
  );
}

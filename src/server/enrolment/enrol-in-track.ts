import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../platform/errors';
import { type PatientContext, readPatientRecord } from '../platform/http/route-wrappers';
import { loadProgram } from '../programs';
import { findTrack, lockTrack } from '../tracks';
import type { CreateEnrolment } from './enrolment.schema';
import {
  currentEnrolmentOfEpisode,
  endEnrolment,
  findEpisodeOfPatient,
  insertEnrolment,
  peakMembersFrom,
} from './enrolment.store';
import { checkTargetSteps, recordPlannedLevels } from './plan-target-steps';

/** An episode takes a seat once admitted and until discharge. */
const ENROLLABLE: ReadonlySet<string> = new Set(['admitted', 'active', 'on_hold']);

/**
 * Enrols an open episode into a track of its program from a day, or transfers it there (the current
 * enrolment ends the day before). Seats are counted under the track's row lock, on every day from the start.
 */
export async function enrolInTrack(
  ctx: Pick<PatientContext, 'tx' | 'actor' | 'now' | 'audit' | 'patient'>,
  body: z.infer<typeof CreateEnrolment>,
) {
  const { tx } = ctx;
  const patientId = ctx.patient.id;
  const episode = await readPatientRecord(findEpisodeOfPatient(tx, patientId, body.episodeId), 'The episode');
  if (!ENROLLABLE.has(episode.status)) {
    throw AppError.validation([{ path: 'episodeId', message: 'The episode must be open (admitted).' }]);
  }
  const track = await findTrack(tx, episode.siteId, body.trackId);
  if (!track || track.programId !== episode.programId) {
    throw AppError.validation([{ path: 'trackId', message: "Must be a track of the episode's program." }]);
  }
  const program = await loadProgram(tx, episode.siteId, episode.programId);
  const steps = body.targetSteps ?? [{ fromWeek: 1, toWeek: 1, hours: program.band.atLeastHours }];
  checkTargetSteps(steps);
  // The track row lock serializes seat counting: 13 concurrent enrolments into 12 seats give 12.
  await lockTrack(tx, track.id);
  const current = await currentEnrolmentOfEpisode(tx, episode.id, body.startsOn);
  if (current?.trackId === track.id) {
    throw AppError.conflict('The episode is already enrolled in this track.', 'already_enrolled');
  }
  // Every day of the new enrolment needs a seat, not only the first (members enrolled from later days).
  const taken = await peakMembersFrom(tx, track.id, body.startsOn);
  if (taken >= track.capacity) {
    throw AppError.conflict(`The track is full (${track.capacity} seats).`, 'track_full', {
      capacity: track.capacity,
    });
  }
  if (current) {
    if (current.startsOn >= body.startsOn) {
      throw AppError.validation([
        { path: 'startsOn', message: 'A transfer must start after the current enrolment started.' },
      ]);
    }
    const dayBefore = Temporal.PlainDate.from(body.startsOn).subtract({ days: 1 }).toString();
    await endEnrolment(tx, current.id, dayBefore);
  }
  const row = await insertEnrolment(tx, {
    organizationId: episode.organizationId,
    siteId: episode.siteId,
    patientId,
    episodeId: episode.id,
    programId: episode.programId,
    trackId: track.id,
    startsOn: body.startsOn,
    targetSteps: steps,
    medicareCoverage: body.medicareCoverage ?? current?.medicareCoverage ?? false,
    createdBy: ctx.actor.userId,
  });
  await ctx.audit(
    current ? 'transfer' : 'create',
    'enrolment',
    row.id,
    current ? { fromTrackId: current.trackId } : undefined,
  );
  if (body.targetSteps) await recordPlannedLevels(ctx, episode, program, steps);
  return { enrolment: row, trackName: track.name };
}

import { z } from '@hono/zod-openapi';
import { PLACEMENT_DIFFERENCE_REASONS } from '../../domain/placement/recommend-level';
import { PlainDateString } from '../patients';

const Rating = z
  .number({ error: 'Rate this dimension with a whole number from 0 to 4.' })
  .int('A rating is a whole number from 0 to 4.')
  .min(0, 'A rating is a whole number from 0 to 4.')
  .max(4, 'A rating is a whole number from 0 to 4.');
const Note = z.string().trim().max(4000, 'At most 4000 characters.').default('');
const DIMENSIONS = ['D1', 'D2', 'D3', 'D4', 'D5', 'D6'] as const;

const dimensionObject = <T extends z.ZodType>(schema: T) =>
  z.strictObject(
    Object.fromEntries(DIMENSIONS.map((d) => [d, schema])) as Record<(typeof DIMENSIONS)[number], T>,
  );

export const PLACEMENT_REASON_CODES = PLACEMENT_DIFFERENCE_REASONS.map((r) => r.code) as [
  (typeof PLACEMENT_DIFFERENCE_REASONS)[number]['code'],
  ...(typeof PLACEMENT_DIFFERENCE_REASONS)[number]['code'][],
];

export const CreateAssessmentRequest = z
  .strictObject({
    edition: z.union([z.literal(3), z.literal(4)], { error: 'The ASAM edition is 3 or 4.' }),
    /** Defaults to today at the patient's site. */
    assessedOn: PlainDateString.optional(),
    episodeId: z.uuid('Must be a UUID.').nullable().optional(),
    ratings: dimensionObject(Rating),
    notes: dimensionObject(Note).partial().default({}),
    placedLevel: z.string().trim().min(1, 'Give the placed level.').max(10),
    /** Required when the placed level differs from the recommendation. */
    reason: z.enum(PLACEMENT_REASON_CODES).nullable().optional(),
    reasonNote: z.string().trim().max(2000).nullable().optional(),
  })
  .openapi('CreateAssessment');

const Hours = z.object({ atLeast: z.number().nullable(), below: z.number().nullable(), label: z.string() });

export const Assessment = z
  .object({
    id: z.string(),
    patientId: z.string(),
    episodeId: z.string().nullable(),
    edition: z.number(),
    population: z.enum(['adult', 'adolescent']),
    assessedOn: z.string(),
    ratings: z.record(z.string(), z.number()),
    /** Dimension narratives: left out for a role without assessment.narrative.read. */
    notes: z.record(z.string(), z.string()).optional(),
    recommendedLevel: z.string(),
    drivenBy: z.array(z.string()),
    recommendation: z.record(z.string(), z.unknown()),
    placedLevel: z.string(),
    /** The weekly hour range of the placed level for this patient's population (null for 24-hour levels). */
    placedLevelHours: Hours.nullable(),
    placementReason: z.string().nullable(),
    placementNote: z.string().nullable().optional(),
    assessedBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('AsamAssessment');

export const AssessmentList = z
  .object({ items: z.array(Assessment), page: z.number(), pageSize: z.number() })
  .openapi('AsamAssessmentList');

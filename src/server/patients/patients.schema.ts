import { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { PageQuery } from '../platform/http/common.schema';
import { visibleText } from '../platform/http/safe-text';

/** A calendar date (no time, no zone) that exists and is not in the future relative to 1900..today+1. */
export const PlainDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the form YYYY-MM-DD.')
  .refine((s) => {
    try {
      Temporal.PlainDate.from(s, { overflow: 'reject' });
      return true;
    } catch {
      return false;
    }
  }, 'Not a real calendar date.')
  .openapi({ example: '1990-04-17' });

const DateOfBirth = PlainDateString.refine(
  (s) => s >= '1900-01-01',
  'Dates of birth before 1900 are not accepted.',
);

const text = visibleText;

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{7,20}$/, 'Use digits, spaces, ( ) . - and an optional leading +.');

export const LIVING_SITUATIONS = [
  'home',
  'with_family',
  'sober_living',
  'alone',
  'unhoused',
  'other',
] as const;

const EmergencyContact = z
  .strictObject({ name: text(100), relationship: text(60), phone: Phone })
  .openapi('EmergencyContact');

/** Required for patients under 18 (checked against the date of birth by the domain's age rules). */
const GuardianContact = z
  .strictObject({
    name: text(100),
    relationship: text(60),
    phone: Phone.nullable().optional(),
    email: z.email('Not a valid email address.').max(254).nullable().optional(),
  })
  .transform((g) => ({ ...g, phone: g.phone ?? null, email: g.email ?? null }))
  .openapi('GuardianContact');

export const PatientFields = {
  givenName: text(100),
  familyName: text(100),
  preferredName: text(100).nullable().optional(),
  pronouns: text(40).nullable().optional(),
  dateOfBirth: DateOfBirth,
  sexAtBirth: z.enum(['female', 'male', 'intersex', 'unknown']).nullable().optional(),
  genderIdentity: text(60).nullable().optional(),
  language: text(60).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ().-]{7,20}$/, 'Use digits, spaces, ( ) . - and an optional leading +.')
    .nullable()
    .optional(),
  email: z.email('Not a valid email address.').max(254).nullable().optional(),
  addressLine1: text(200).nullable().optional(),
  addressLine2: text(200).nullable().optional(),
  city: text(100).nullable().optional(),
  state: text(60).nullable().optional(),
  postalCode: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9 -]{3,12}$/, 'Not a postal code.')
    .nullable()
    .optional(),
  livingSituation: z.enum(LIVING_SITUATIONS).nullable().optional(),
  emergencyContact: EmergencyContact.nullable().optional(),
  guardianContact: GuardianContact.nullable().optional(),
};

export const CreatePatientRequest = z
  .strictObject({
    ...PatientFields,
    /** Set after a 409 possible_duplicate, when the person is indeed someone else. */
    confirmNotDuplicate: z.boolean().optional(),
  })
  .openapi('CreatePatient');

export const UpdatePatientRequest = z
  .strictObject({ ...PatientFields, status: z.enum(['active', 'inactive']) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one field to change.')
  .openapi('UpdatePatient');

export const Patient = z
  .object({
    id: z.string(),
    organizationId: z.string(),
    siteId: z.string(),
    siteName: z.string(),
    /** IANA zone of the patient's site: the calendar of the patient's clinical days. */
    siteTimeZone: z.string(),
    mrn: z.string(),
    givenName: z.string(),
    familyName: z.string(),
    preferredName: z.string().nullable(),
    pronouns: z.string().nullable(),
    dateOfBirth: z.string(),
    sexAtBirth: z.string().nullable(),
    genderIdentity: z.string().nullable(),
    language: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    addressLine1: z.string().nullable(),
    addressLine2: z.string().nullable(),
    city: z.string().nullable(),
    state: z.string().nullable(),
    postalCode: z.string().nullable(),
    livingSituation: z.string().nullable(),
    emergencyContact: z.object({ name: z.string(), relationship: z.string(), phone: z.string() }).nullable(),
    guardianContact: z
      .object({
        name: z.string(),
        relationship: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
      })
      .nullable(),
    status: z.string(),
    version: z.number(),
    createdAt: z.string(),
  })
  .openapi('Patient');

export const CensusQuery = PageQuery.extend({
  q: z.string().trim().max(100, 'At most 100 characters.').optional(),
}).strict();

export const CensusRow = Patient.pick({
  id: true,
  mrn: true,
  givenName: true,
  familyName: true,
  preferredName: true,
  dateOfBirth: true,
  status: true,
}).openapi('CensusRow');

export const CensusPage = z
  .object({ items: z.array(CensusRow), page: z.number(), pageSize: z.number(), total: z.number() })
  .openapi('CensusPage');

export const BreakGlassRequest = z
  .strictObject({ reason: z.string().trim().min(10, 'Say why, in at least 10 characters.').max(1000) })
  .openapi('BreakGlassRequest');

export const BreakGlassResponse = z
  .object({ expiresAt: z.string(), id: z.string() })
  .openapi('BreakGlassGrant');

export const InvitationResponse = z
  .object({ inviteUrl: z.string(), expiresAt: z.string() })
  .openapi('PortalInvitation');

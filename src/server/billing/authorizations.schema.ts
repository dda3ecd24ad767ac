import { z } from '@hono/zod-openapi';
import { AUTHORIZATION_STATUSES } from '../../domain/billing';

const isoDate = z.iso.date({ message: 'Must be a date (YYYY-MM-DD).' });

/** A HCPCS Level II or CPT code: five characters, a letter or digit then four (H0015, S9480, 90853). */
export const ServiceCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]\d{3}[A-Z0-9]$/, 'Must be a HCPCS or CPT code (five characters, e.g. H0015).');

export const AuthorizationRequest = z
  .strictObject({
    episodeId: z.uuid({ message: 'Must be a UUID.' }),
    coverageId: z.uuid({ message: 'Must be a UUID.' }),
    levelOfCare: z.string().trim().min(1, 'Required.').max(10),
    authorizationNumber: z.string().trim().min(1).max(50).nullable().default(null),
    serviceCodes: z.array(ServiceCode).min(1, 'Name at least one service code.').max(20),
    unitsRequested: z.number().int().min(1).max(366).nullable().default(null),
    unitsApproved: z.number().int().min(0).max(366),
    from: isoDate,
    through: isoDate,
    status: z.enum(AUTHORIZATION_STATUSES),
    payerContact: z.string().trim().max(200).nullable().default(null),
  })
  .openapi('AuthorizationRequest');

export const Authorization = AuthorizationRequest.extend({
  id: z.uuid(),
  payerId: z.uuid(),
  payerName: z.string(),
  unitsUsed: z.number().int().describe('Counted from the charges that draw on this authorization.'),
  unitsRemaining: z.number().int(),
  alerts: z.array(z.enum(['expires_soon', 'units_low'])),
  version: z.number().int(),
}).openapi('Authorization');

export const AuthorizationList = z.object({ items: z.array(Authorization) }).openapi('AuthorizationList');

import type { z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { type AuthorizationStatus, authorizationAlerts } from '../../domain/billing';
import type { Authorization } from './authorizations.schema';
import type { AuthorizationRow } from './authorizations.store';

/** An authorization as the API shows it, with the units left and the alerts due `today` (the site's day). */
export function authorizationJson(
  row: AuthorizationRow,
  today: Temporal.PlainDate,
): z.infer<typeof Authorization> {
  const status = row.status as AuthorizationStatus;
  return {
    id: row.id,
    episodeId: row.episodeId,
    coverageId: row.coverageId,
    payerId: row.payerId,
    payerName: row.payerName,
    levelOfCare: row.levelOfCare,
    authorizationNumber: row.authorizationNumber,
    serviceCodes: row.serviceCodes,
    unitsRequested: row.unitsRequested,
    unitsApproved: row.unitsApproved,
    unitsUsed: row.unitsUsed,
    unitsRemaining: Math.max(0, row.unitsApproved - row.unitsUsed),
    from: row.startsOn,
    through: row.endsOn,
    status,
    payerContact: row.payerContact,
    alerts: authorizationAlerts(
      {
        status,
        from: Temporal.PlainDate.from(row.startsOn),
        through: Temporal.PlainDate.from(row.endsOn),
        unitsApproved: row.unitsApproved,
        serviceCodes: row.serviceCodes,
      },
      today,
      row.unitsUsed,
    ),
    version: row.version,
  };
}

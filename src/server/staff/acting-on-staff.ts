import type { AuditWrite } from '../platform/audit/audit';
import type { Principal } from '../platform/http/app-env';

/** What a staff-administration use case is given: the administrator, the request's moment and its audit. */
export type ActingOnStaff = {
  actor: Pick<Principal, 'userId' | 'organizationId'>;
  now: Date;
  audit: AuditWrite;
};

import { useQuery } from '@tanstack/react-query';
import { answer, client, type Schema, withoutEmpty } from '../shared/api/client';
import { auditKeys } from './audit-keys';

export type AuditEntry = Schema<'AuditRow'>;
export type ChainVerification = Schema<'AuditVerification'>;

export interface AuditFilters {
  action: string;
  patientId: string;
  actorEmail: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_NAMES = ['action', 'patientId', 'actorEmail', 'from', 'to'] as const;
export const AUDIT_PAGE_SIZE = 50;

export function useAuditLog(filters: AuditFilters, page: number) {
  return useQuery({
    queryKey: auditKeys.log(filters, page),
    queryFn: ({ signal }) =>
      answer(
        client.GET('/api/audit', {
          params: { query: withoutEmpty({ ...filters, page, pageSize: AUDIT_PAGE_SIZE }) },
          signal,
        }),
      ),
    placeholderData: (previous) => previous,
  });
}

export function verifyAuditChain() {
  return answer(client.GET('/api/audit/verify'));
}

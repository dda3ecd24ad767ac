import { useQuery } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../shared/api-client';

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  patientId: string | null;
  outcome: string;
  sourceAddress: string | null;
}

export interface AuditFilters {
  action: string;
  patientId: string;
  actorEmail: string;
  from: string;
  to: string;
}

export const AUDIT_FILTER_NAMES = ['action', 'patientId', 'actorEmail', 'from', 'to'] as const;
export const AUDIT_PAGE_SIZE = 50;

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBroken: null | { seq: number; id: string; reason: string };
}

export function useAuditLog(filters: AuditFilters, page: number) {
  return useQuery({
    queryKey: ['audit', filters, page],
    queryFn: ({ signal }) =>
      api.get<Page<AuditEntry>>(withQuery('/api/audit', { ...filters, page, pageSize: AUDIT_PAGE_SIZE }), {
        signal,
      }),
    placeholderData: (previous) => previous,
  });
}

export function verifyAuditChain() {
  return api.get<ChainVerification>('/api/audit/verify');
}

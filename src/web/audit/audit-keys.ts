import type { AuditFilters } from './audit-api';

export const auditKeys = {
  log: (filters: AuditFilters, page: number) => ['audit', 'log', filters, page] as const,
};

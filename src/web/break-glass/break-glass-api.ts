import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page, withQuery } from '../shared/api-client';

export type GrantStatus = 'unreviewed' | 'reviewed' | 'all';
export type ReviewOutcome = 'reviewed' | 'follow_up';

export interface GrantForReview {
  id: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
  live: boolean;
  user: { id: string; email: string; displayName: string };
  patient: { id: string; mrn: string | null };
  site: { id: string; name: string };
  review: null | {
    outcome: ReviewOutcome;
    note: string | null;
    reviewedAt: string;
    reviewedBy: string | null;
  };
  accesses: {
    id: string;
    at: string;
    action: string;
    entity: string;
    entityId: string | null;
    outcome: string;
  }[];
}

export const breakGlassKeys = { queue: (status: GrantStatus) => ['break-glass', 'grants', status] as const };

export function useGrantQueue(status: GrantStatus) {
  return useQuery({
    queryKey: breakGlassKeys.queue(status),
    queryFn: ({ signal }) =>
      api.get<Page<GrantForReview>>(withQuery('/api/break-glass/grants', { status, pageSize: 50 }), {
        signal,
      }),
  });
}

export function useReviewGrant(grantId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { outcome: ReviewOutcome; note?: string }) =>
      api.post<GrantForReview>(`/api/break-glass/grants/${grantId}/review`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['break-glass', 'grants'] }),
  });
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, client, type Schema } from '../shared/api/client';
import { breakGlassKeys } from './break-glass-keys';

export type GrantForReview = Schema<'BreakGlassGrantForReview'>;
export type ReviewOutcome = Schema<'BreakGlassReviewRequest'>['outcome'];
export type GrantStatus = 'unreviewed' | 'reviewed' | 'all';

export function useGrantQueue(status: GrantStatus) {
  return useQuery({
    queryKey: breakGlassKeys.queue(status),
    queryFn: ({ signal }) =>
      answer(client.GET('/api/break-glass/grants', { params: { query: { status, pageSize: 50 } }, signal })),
  });
}

/** A director's review of one grant; every queue (unreviewed, reviewed, all) changes with it. */
export function useReviewGrant(grantId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Schema<'BreakGlassReviewRequest'>) =>
      answer(
        client.POST('/api/break-glass/grants/{grantId}/review', { params: { path: { grantId } }, body }),
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: breakGlassKeys.grants }),
  });
}

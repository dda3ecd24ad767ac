import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { fetchMe, meQueryKey, type SignInStep, signInStepPath } from './session';
import { homePathFor } from './staff-navigation';

/** After each sign-in step, go to the next one, or home once the session is complete. */
export function useContinueSignIn() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useCallback(
    async (next: SignInStep) => {
      const stepPath = signInStepPath(next);
      if (stepPath) {
        navigate(stepPath);
        return;
      }
      const me = await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
      navigate(signInStepPath(me.next) ?? homePathFor(me), { replace: true });
    },
    [navigate, queryClient],
  );
}

import { Button, Group, Modal, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { lastSuccessfulCallAt } from '../shared/api/session-signals';
import { fetchMe, meQueryKey } from '../shared/session';
import { useSignOut } from '../shared/use-sign-out';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const TICK_MS = 250;

/**
 * Mirrors the server's idle timeout. Only API calls slide the server's deadline, so while the user is
 * active (mouse, keys) we call GET /api/auth/me at most every third of the timeout; when the deadline
 * comes near without activity we warn, and when it passes we sign out.
 */
export function IdleTimeout({ idleTimeoutSeconds }: { idleTimeoutSeconds: number }) {
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const lastActivityAt = useRef(Date.now());
  const keepAliveInFlight = useRef(false);
  const signedOut = useRef(false);

  useEffect(() => {
    const markActive = () => {
      lastActivityAt.current = Date.now();
    };
    for (const event of ACTIVITY_EVENTS)
      window.addEventListener(event, markActive, { passive: true, capture: true });
    return () => {
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, markActive, { capture: true });
    };
  }, []);

  const keepAlive = useCallback(async () => {
    if (keepAliveInFlight.current) return;
    keepAliveInFlight.current = true;
    try {
      await queryClient.fetchQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 0 });
    } catch {
      // A 401 here is handled by the api client (back to sign-in); anything else: try again next tick.
    } finally {
      keepAliveInFlight.current = false;
    }
  }, [queryClient]);

  useEffect(() => {
    const timeoutMs = idleTimeoutSeconds * 1000;
    const warnBeforeMs = Math.min(60_000, timeoutMs / 3);
    const keepAliveEveryMs = timeoutMs / 3;
    // The server saves a write by extending the session only when its last extension is older than
    // min(30 s, timeout / 10), so the last call may not have moved the deadline: count from the early end,
    // so that "Stay signed in" is never pressed on a session the server has already ended.
    const serverSlackMs = Math.min(30_000, timeoutMs / 10);

    const tick = () => {
      if (signedOut.current) return;
      const now = Date.now();
      const lastCall = lastSuccessfulCallAt();
      const remainingMs = lastCall + timeoutMs - serverSlackMs - now;
      if (remainingMs <= 0) {
        signedOut.current = true;
        setSecondsLeft(null);
        void signOut('this-browser', 'session_expired');
        return;
      }
      if (remainingMs < warnBeforeMs) {
        // Once warned, only "Stay signed in" keeps the session: a stray mouse move is not an answer.
        setSecondsLeft(Math.ceil(remainingMs / 1000));
        return;
      }
      setSecondsLeft(null);
      if (lastActivityAt.current > lastCall && now - lastCall >= keepAliveEveryMs) void keepAlive();
    };

    const timer = window.setInterval(tick, TICK_MS);
    return () => window.clearInterval(timer);
  }, [idleTimeoutSeconds, keepAlive, signOut]);

  const staySignedIn = () => {
    lastActivityAt.current = Date.now();
    void keepAlive();
  };

  return (
    <Modal
      opened={secondsLeft !== null}
      onClose={staySignedIn}
      title="Are you still there?"
      centered
      closeOnClickOutside={false}
    >
      <Text mb="lg">
        You will be signed out in {secondsLeft} {secondsLeft === 1 ? 'second' : 'seconds'} because of
        inactivity.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => void signOut('this-browser')}>
          Sign out now
        </Button>
        <Button onClick={staySignedIn} data-autofocus>
          Stay signed in
        </Button>
      </Group>
    </Modal>
  );
}

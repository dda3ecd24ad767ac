/*
 * One Idempotency-Key per user action. Sending the same create again (a retry after a network error, a second
 * click while the first is in flight) reuses the action's key, so the server makes the record once and answers
 * the retry with it; once the server has answered, the next create starts a new action with a new key. The
 * action is the request itself: path and body. A create whose body the user changed is another action.
 */
const MAX_OPEN_ACTIONS = 200;
const openActions = new Map<string, string>();

const actionOf = (path: string, body: unknown) => `${path}\n${JSON.stringify(body ?? null)}`;

/** The key of this action: the one it already has while it is open, else a new one. */
export function idempotencyKeyFor(
  path: string,
  body: unknown,
  newKey: () => string = () => crypto.randomUUID(),
) {
  const action = actionOf(path, body);
  let key = openActions.get(action);
  if (!key) {
    if (openActions.size >= MAX_OPEN_ACTIONS) {
      const oldest = openActions.keys().next().value;
      if (oldest !== undefined) openActions.delete(oldest);
    }
    key = newKey();
    openActions.set(action, key);
  }
  return key;
}

/** The server answered this action (made the record, or refused it for good): its key is spent. */
export function closeAction(path: string, body: unknown): void {
  openActions.delete(actionOf(path, body));
}

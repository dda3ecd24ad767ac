import { Alert, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What QueryState reads of a TanStack query (any `useQuery` result). */
export interface QueryLike<T> {
  data: T | undefined;
  error: Error | null;
  isPending: boolean;
}

/**
 * A query's three states before its data: loading (a labelled spinner), failed (the server's message in an
 * alert), empty (a dimmed line). `children` renders the data once there is some.
 */
export function QueryState<T>({
  query,
  loading = 'Loading…',
  isEmpty,
  empty,
  children,
}: {
  query: QueryLike<T>;
  /** What is loading, for the spinner's label: "Loading the roster…". */
  loading?: string;
  /** When the data counts as nothing to show (default: never). */
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (query.error)
    return (
      <Alert color="red" role="alert">
        {query.error.message}
      </Alert>
    );
  if (query.isPending || query.data === undefined) return <Loader size="sm" aria-label={loading} />;
  if (isEmpty?.(query.data))
    return typeof empty === 'string' || empty === undefined ? (
      <Text c="dimmed">{empty ?? 'Nothing here yet.'}</Text>
    ) : (
      empty
    );
  return <>{children(query.data)}</>;
}

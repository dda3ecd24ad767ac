import { useCallback } from 'react';
import { type NavigateOptions, useSearchParams } from 'react-router';

/**
 * The page's query parameters, and an editor that starts from the address as it is now. React Router hands a
 * functional `setSearchParams` the parameters of the last render, so two quick edits (one select, then another,
 * before React renders) would lose the first; reading `window.location.search` keeps every edit.
 */
export function useUrlParams(): [
  URLSearchParams,
  (edit: (next: URLSearchParams) => void, options?: NavigateOptions) => void,
] {
  const [params, setParams] = useSearchParams();
  const update = useCallback(
    (edit: (next: URLSearchParams) => void, options?: NavigateOptions) => {
      const next = new URLSearchParams(window.location.search);
      edit(next);
      setParams(next, options);
    },
    [setParams],
  );
  return [params, update];
}

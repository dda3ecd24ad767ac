/** One choice of a NativeSelect. */
export interface SelectOption {
  value: string;
  label: string;
}

/**
 * A NativeSelect's choices led by the empty one (`blank`: "None", "Choose…"), which reads "Loading…" while the
 * list behind the others is still loading.
 */
export function optionsWithBlank(blank: string, loading: boolean, options: SelectOption[]): SelectOption[] {
  return [{ value: '', label: loading ? 'Loading…' : blank }, ...options];
}

import type { SelectOption } from './select-options';

/** A NativeSelect's choices from a label map (`{ day: 'Day', … }`), in the map's order. */
export function optionsOf(labels: Readonly<Record<string, string>>): SelectOption[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

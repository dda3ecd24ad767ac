/** One patient's first and latest total on an instrument within an episode. */
export type ScorePair = { first: number; latest: number };

export type AverageChange = {
  /** Patients with at least two scores. */
  patients: number;
  /** Mean of latest − first, rounded to one decimal; null when no patient has two scores. */
  averageChange: number | null;
  /** Patients whose latest score is at least 50% below their first (first above 0). */
  responders: number;
};

/**
 * A program's average change per instrument (the program director's view): only patients with a first
 * and a later score count, so a patient seen once neither helps nor hurts the average.
 */
export function averageChange(pairs: readonly ScorePair[]): AverageChange {
  if (pairs.length === 0) return { patients: 0, averageChange: null, responders: 0 };
  const sum = pairs.reduce((acc, p) => acc + (p.latest - p.first), 0);
  return {
    patients: pairs.length,
    averageChange: Math.round((sum / pairs.length) * 10) / 10,
    responders: pairs.filter((p) => p.first > 0 && 2 * (p.first - p.latest) >= p.first).length,
  };
}

import { noteTokens } from './note-text';

/**
 * Member parts this similar after normalizing read as one note copied (payers deny cloned documentation: CMS,
 * Medicare Program Integrity Manual, ch. 3; our threshold).
 */
export const NEARLY_IDENTICAL_AT = 0.9;

/** Stands in for a member's own name, so "Jordan engaged well" and "Amara engaged well" compare as equal. */
const OWN_NAME = '\u0000member';

function features(tokens: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const t of tokens) add(t);
  for (let i = 1; i < tokens.length; i++) add(`${tokens[i - 1]} ${tokens[i]}`);
  return counts;
}

/**
 * How alike two texts are, 0–1: the Sørensen–Dice coefficient over the multiset of their normalized words
 * and word pairs. Words catch the same content reordered; word pairs keep a text that swaps one word in ten
 * below "nearly identical" (about 0.84) while a one-word change in forty stays above it (about 0.96). Two
 * empty texts are identical (1); an empty and a non-empty text share nothing (0).
 */
export function textSimilarity(a: string, b: string, ownNamesA: string[] = [], ownNamesB: string[] = []) {
  const fa = features(maskNames(noteTokens(a), ownNamesA));
  const fb = features(maskNames(noteTokens(b), ownNamesB));
  const size = (f: Map<string, number>) => [...f.values()].reduce((s, n) => s + n, 0);
  const total = size(fa) + size(fb);
  if (total === 0) return 1;
  let shared = 0;
  for (const [key, n] of fa) shared += Math.min(n, fb.get(key) ?? 0);
  return (2 * shared) / total;
}

function maskNames(tokens: string[], names: string[]): string[] {
  const own = new Set(names.flatMap((n) => noteTokens(n)));
  return tokens.map((t) => (own.has(t) ? OWN_NAME : t));
}

export type MemberPartText = { memberId: string; text: string; ownNames?: string[] };
export type SimilarPair = { memberIds: [string, string]; similarity: number };

/**
 * Every pair of member parts that reads as the same note (similarity ≥ 0.90 after normalizing; each
 * member's own names masked). Payers deny group notes that are identical across members.
 */
export function nearlyIdenticalParts(
  parts: readonly MemberPartText[],
  threshold = NEARLY_IDENTICAL_AT,
): SimilarPair[] {
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) {
      const a = parts[i]!;
      const b = parts[j]!;
      const similarity = textSimilarity(a.text, b.text, a.ownNames, b.ownNames);
      if (similarity >= threshold) {
        pairs.push({ memberIds: [a.memberId, b.memberId], similarity: Math.round(similarity * 1000) / 1000 });
      }
    }
  }
  return pairs;
}

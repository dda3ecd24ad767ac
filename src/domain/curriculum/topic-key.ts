/**
 * Tracks keep their own topic lists, so "the same topic" across tracks is the same title: compared without
 * case, punctuation or extra spaces ("Relapse prevention 1" = "relapse-prevention 1").
 */
export function topicKey(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

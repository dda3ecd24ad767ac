/**
 * Text helpers shared by the similarity and name-leak checks: both must see a note the same way, so case,
 * accents, curly quotes and punctuation never decide whether two parts match.
 */

/** Lower case, accents removed, curly apostrophes straightened, every run of non-letters/digits one space. */
export function normalizeNoteText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The normalized words of a text, in order. */
export function noteTokens(text: string): string[] {
  const normalized = normalizeNoteText(text);
  return normalized === '' ? [] : normalized.split(' ');
}

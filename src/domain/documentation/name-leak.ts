import { normalizeNoteText } from './note-text';

export type MemberNames = {
  memberId: string;
  givenName: string;
  familyName: string;
  preferredName?: string | null;
};

export type NameLeak = { memberId: string; namedMemberId: string; name: string };

/**
 * Names that are also everyday English words. A part saying "she showed grace" or "will try" must not be
 * refused because a member is called Grace or Will, so these names count only when written with a capital
 * letter as a proper name is ("Grace shared…"). Every other name matches whatever its case.
 */
export const NAMES_THAT_ARE_WORDS: ReadonlySet<string> = new Set([
  'amber',
  'april',
  'bell',
  'bill',
  'brook',
  'brooks',
  'buck',
  'burns',
  'carpenter',
  'chase',
  'clay',
  'cook',
  'dawn',
  'drew',
  'faith',
  'fox',
  'frank',
  'gay',
  'glenn',
  'grace',
  'green',
  'guy',
  'hall',
  'hill',
  'holly',
  'hope',
  'hunter',
  'ivy',
  'jack',
  'jay',
  'joy',
  'june',
  'king',
  'lane',
  'lee',
  'long',
  'mark',
  'mason',
  'may',
  'miles',
  'neil',
  'park',
  'pat',
  'pierce',
  'rich',
  'river',
  'rose',
  'ruby',
  'rusty',
  'sage',
  'smith',
  'sky',
  'stone',
  'summer',
  'sunny',
  'taylor',
  'terry',
  'wade',
  'ward',
  'white',
  'will',
  'winter',
  'wood',
  'young',
]);

/** Names this short ("Jo", "E") are matched only capitalized, and single letters never. */
const MIN_CASE_FREE_LENGTH = 3;

function escapeRegExp(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes accents and straightens apostrophes but keeps case, so a capitalized word can be told apart. */
function foldAccents(text: string) {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'");
}

function nameMatcher(name: string): ((text: string) => boolean) | null {
  const folded = foldAccents(name).trim();
  const key = normalizeNoteText(folded);
  if (key.replace(/ /g, '').length < 2) return null;
  const caseFree = key.length >= MIN_CASE_FREE_LENGTH && !NAMES_THAT_ARE_WORDS.has(key);
  // Word boundary on letters and digits of any script: "Bellamy" does not contain the name "Bell".
  const pattern = (s: string) =>
    `(?<![\\p{L}\\p{N}'])${escapeRegExp(s).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`;
  const re = caseFree
    ? new RegExp(pattern(folded), 'iu')
    : new RegExp(pattern(folded.charAt(0).toUpperCase() + folded.slice(1)), 'u');
  return (text) => re.test(foldAccents(text));
}

/** Every name of a member that could identify them: legal given name, preferred name, family name. */
function namesOf(m: MemberNames): string[] {
  return [m.givenName, m.preferredName ?? '', m.familyName].filter((n) => n.trim() !== '');
}

/**
 * Another member's name in a member's part: each member's copy of a group note goes to their own chart (and
 * may be disclosed with it), so it must never name anyone else in the group (42 CFR Part 2, HIPAA).
 * Matching is whole-word and case-insensitive, except names that are common words or under 3 letters, which
 * count only capitalized. The member's own names are never a leak, even when another member shares them.
 */
export function otherMemberNames(
  members: readonly MemberNames[],
  parts: readonly { memberId: string; text: string }[],
): NameLeak[] {
  const matchers = members.map((m) => ({
    member: m,
    own: new Set(namesOf(m).map((n) => normalizeNoteText(n))),
    names: namesOf(m).flatMap((name) => {
      const matches = nameMatcher(name);
      return matches ? [{ name, matches }] : [];
    }),
  }));
  const leaks: NameLeak[] = [];
  for (const part of parts) {
    const writer = matchers.find((m) => m.member.memberId === part.memberId);
    for (const other of matchers) {
      if (other.member.memberId === part.memberId) continue;
      const hit = other.names.find(
        (n) => !writer?.own.has(normalizeNoteText(n.name)) && n.matches(part.text),
      );
      if (hit) leaks.push({ memberId: part.memberId, namedMemberId: other.member.memberId, name: hit.name });
    }
  }
  return leaks;
}

/** The shared part goes to every member's chart: no member may be named in it at all. */
export function membersNamedInSharedText(members: readonly MemberNames[], text: string): NameLeak[] {
  const leaks: NameLeak[] = [];
  for (const m of members) {
    for (const name of namesOf(m)) {
      const matches = nameMatcher(name);
      if (matches?.(text)) {
        leaks.push({ memberId: 'shared', namedMemberId: m.memberId, name });
        break;
      }
    }
  }
  return leaks;
}

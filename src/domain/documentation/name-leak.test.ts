import { describe, expect, it } from 'vitest';
import { membersNamedInSharedText, otherMemberNames } from './name-leak';

const members = [
  { memberId: 'jordan', givenName: 'Jordan', familyName: 'Rivera', preferredName: 'Jo' },
  { memberId: 'amara', givenName: 'Amara', familyName: 'Okafor' },
  { memberId: 'grace', givenName: 'Grace', familyName: 'Whitfield' },
  { memberId: 'kevin', givenName: 'Kevin', familyName: "O'Brien" },
  { memberId: 'jose', givenName: 'José', familyName: 'Bell' },
];

const leaksIn = (memberId: string, text: string) =>
  otherMemberNames(members, [{ memberId, text }]).map((l) => `${l.namedMemberId}:${l.name}`);

describe('otherMemberNames', () => {
  it.each([
    ['legal given name', 'amara', 'Supported Jordan during the check-in', ['jordan:Jordan']],
    ['family name, any case', 'jordan', 'agreed with okafor about cravings', ['amara:Okafor']],
    ['preferred name (short: capitalized only)', 'amara', 'Jo shared first', ['jordan:Jo']],
    ['short name as a word is not a name', 'amara', 'went to a jo-ba class', []],
    ['common-word name lower case is not a leak', 'amara', 'accepted feedback with grace', []],
    ['common-word name capitalized is a leak', 'amara', 'Talked with Grace after group', ['grace:Grace']],
    ['common-word family name lower case', 'amara', 'heard the bell and left early', []],
    ['word boundary: name inside a longer word', 'amara', 'Discussed Jordanian food and bellows', []],
    ['possessive counts', 'amara', "Responded to Kevin's story", ['kevin:Kevin']],
    ['apostrophe name, curly quote', 'amara', 'Sat next to O’Brien', ["kevin:O'Brien"]],
    ['accents ignored', 'amara', 'Encouraged Jose to share', ['jose:José']],
    ['own name is fine', 'amara', 'Amara Okafor led the check-in', []],
    ['clearly clean', 'amara', 'Identified two triggers and a plan for the weekend', []],
  ] as const)('%s', (_name, memberId, text, expected) => {
    expect(leaksIn(memberId, text)).toEqual(expected);
  });

  it('a name shared with the writer is not a leak (two members called Jordan)', () => {
    const twins = [
      { memberId: 'a', givenName: 'Jordan', familyName: 'Rivera' },
      { memberId: 'b', givenName: 'Jordan', familyName: 'Lee' },
    ];
    expect(otherMemberNames(twins, [{ memberId: 'a', text: 'Jordan spoke about work' }])).toEqual([]);
    expect(otherMemberNames(twins, [{ memberId: 'a', text: 'Spoke with Lee' }])).toHaveLength(1);
  });
});

describe('membersNamedInSharedText', () => {
  it('refuses any member named in the shared part and ignores words', () => {
    expect(
      membersNamedInSharedText(members, 'Relapse prevention; Okafor led the exercise').map(
        (l) => l.namedMemberId,
      ),
    ).toEqual(['amara']);
    expect(membersNamedInSharedText(members, 'Relapse prevention with grace and hope')).toEqual([]);
  });
});

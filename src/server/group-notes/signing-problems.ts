import { membersNamedInSharedText, otherMemberNames } from '../../domain/documentation/name-leak';
import { nearlyIdenticalParts } from '../../domain/documentation/part-similarity';
import { GroupMemberPart, GroupSharedPart, issuesToFields, partText } from '../notes';
import { AppError, type FieldError } from '../platform/errors';
import { type LoadedGroup, memberName } from './group-note';

/**
 * What must hold before a group note is signed: every field filled, no two member parts that read the same
 * (≥ 0.90 similar), and no member named in another member's part or in the shared part. All problems at once.
 */
export function signingProblems(g: LoadedGroup): AppError | null {
  const fields: FieldError[] = [];
  const shared = GroupSharedPart.safeParse(g.group.shared);
  if (!shared.success) fields.push(...issuesToFields(shared.error, 'shared'));
  g.members.forEach((m, i) => {
    const part = GroupMemberPart.safeParse(m.note.body);
    if (!part.success) {
      fields.push(
        ...issuesToFields(part.error, `members.${i}.part`).map((f) => ({
          ...f,
          message: `${memberName(m)}: ${f.message}`,
        })),
      );
    }
  });
  if (fields.length > 0) {
    return AppError.validation(fields, 'Fill in every required field before signing.');
  }
  const names = g.members.map((m) => ({
    memberId: m.note.patientId,
    givenName: m.givenName,
    familyName: m.familyName,
    preferredName: m.preferredName,
  }));
  const index = new Map(g.members.map((m, i) => [m.note.patientId, i]));
  const byId = new Map(g.members.map((m) => [m.note.patientId, m]));
  const parts = g.members.map((m) => ({
    memberId: m.note.patientId,
    text: partText(m.note.body),
    ownNames: [m.givenName, m.familyName, m.preferredName ?? ''].filter(Boolean),
  }));
  const similar = nearlyIdenticalParts(parts);
  for (const pair of similar) {
    for (const [self, other] of [pair.memberIds, [pair.memberIds[1], pair.memberIds[0]]] as const) {
      fields.push({
        path: `members.${index.get(self)}.part`,
        message: `${memberName(byId.get(self)!)}: reads the same as ${memberName(byId.get(other)!)}'s part (${Math.round(pair.similarity * 100)}% similar). Individualize it.`,
      });
    }
  }
  const leaks = otherMemberNames(names, parts);
  for (const leak of leaks) {
    fields.push({
      path: `members.${index.get(leak.memberId)}.part`,
      message: `${memberName(byId.get(leak.memberId)!)}: names another member ("${leak.name}"). Each member's copy goes to their own chart.`,
    });
  }
  const sharedText = partText({ ...g.group.shared, interventions: undefined });
  for (const leak of membersNamedInSharedText(names, sharedText)) {
    fields.push({
      path: 'shared',
      message: `Names a member ("${leak.name}"); the shared part goes to every member's chart.`,
    });
  }
  if (fields.length === 0) return null;
  const code = similar.length > 0 ? 'member_parts_too_similar' : 'other_member_named';
  return new AppError(
    422,
    code,
    similar.length > 0
      ? 'Some member parts are identical or nearly identical; payers deny such notes. Individualize them.'
      : "A member's copy names another member; fix it before signing.",
    fields,
    {
      similarPairs: similar.map((p) => ({ patientIds: p.memberIds, similarity: p.similarity })),
      nameLeaks: leaks.map((l) => ({ patientId: l.memberId, namedPatientId: l.namedMemberId })),
    },
  );
}

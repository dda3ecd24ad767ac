/**
 * 42 CFR Part 2 (§ 2.32, notice to accompany disclosure): records of a substance use disorder program carry this label wherever they
 * are shown or disclosed; FHIR marks the same data with the security label 42CFRPart2.
 */
export const PART2_SECURITY_LABEL = '42CFRPart2';

export const PART2_NOTICE =
  'This record is protected by federal confidentiality rules (42 CFR Part 2). The federal rules prohibit ' +
  'any further disclosure of this record unless further disclosure is expressly permitted by the written ' +
  'consent of the individual whose information is being disclosed or as otherwise permitted by 42 CFR Part 2. ' +
  'A general authorization for the release of medical or other information is NOT sufficient for this ' +
  'purpose. The federal rules restrict any use of the information to investigate or prosecute with regard to ' +
  'a crime any patient with a substance use disorder, except as provided at 42 CFR 2.12(c)(5) and 2.65.';

/** Program kinds that treat mental health only; every other kind is an addiction program. */
const MENTAL_HEALTH_ONLY_KINDS: ReadonlySet<string> = new Set([
  'mh_iop',
  'psychiatric_iop',
  'mental_health_iop',
]);

/**
 * Whether a program's records fall under Part 2. OpenIOP runs addiction programs (with co-occurring mental
 * health care), so a kind is treated as SUD unless it is a known mental-health-only kind: an unknown kind is
 * labeled, since an unlabeled SUD record is the costlier mistake.
 */
export function isPart2Program(programKind: string): boolean {
  return !MENTAL_HEALTH_ONLY_KINDS.has(programKind);
}

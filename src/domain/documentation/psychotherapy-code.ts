import { InputError } from '../input-error';

export type PsychotherapyCode = '90832' | '90834' | '90837' | '90853';

export type PsychotherapyKind = 'individual' | 'group';

/**
 * Our own short descriptions. The CPT descriptors are licensed by the AMA: store and show only the code and
 * these words, never the descriptor text.
 */
export const PSYCHOTHERAPY_CODES: Readonly<Record<PsychotherapyCode, { description: string }>> = {
  '90832': { description: 'Individual psychotherapy, about 30 minutes (16–37 min)' },
  '90834': { description: 'Individual psychotherapy, about 45 minutes (38–52 min)' },
  '90837': { description: 'Individual psychotherapy, about 60 minutes (53 min or more)' },
  '90853': { description: 'Group psychotherapy' },
};

/**
 * Time bands for individual psychotherapy (CPT time rule, as in CMS's psychotherapy code guidance: 90832
 * 16–37 min, 90834 38–52, 90837 53+): a code is reached once its time is more than half
 * passed, so 16 min is the least that can be billed and each band starts past the midpoint between codes.
 * Listed longest first; the first band the minutes reach wins.
 */
const INDIVIDUAL_BANDS: readonly { code: PsychotherapyCode; atLeastMinutes: number }[] = [
  { code: '90837', atLeastMinutes: 53 },
  { code: '90834', atLeastMinutes: 38 },
  { code: '90832', atLeastMinutes: 16 },
];

export type PsychotherapyCodeSuggestion = { code: PsychotherapyCode; description: string };

/**
 * The psychotherapy code a session's face-to-face minutes support: 90832 (16–37), 90834 (38–52), 90837
 * (53+); fewer than 16 minutes of individual therapy → null (not billable as psychotherapy). Group
 * psychotherapy is 90853 whatever its length, once the member attended at all. A suggestion for the
 * clinician, who signs the note; payers may add their own rules.
 *
 * @throws InputError when minutes is not a finite number of 0 or more, or the kind is unknown.
 */
export function psychotherapyCodeForMinutes(
  minutes: number,
  kind: PsychotherapyKind = 'individual',
): PsychotherapyCodeSuggestion | null {
  const fields = [];
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    fields.push({ path: 'minutes', message: 'must be a number of minutes, 0 or more' });
  }
  if (kind !== 'individual' && kind !== 'group') {
    fields.push({ path: 'kind', message: 'must be individual or group' });
  }
  if (fields.length > 0) throw new InputError(fields);

  if (kind === 'group') return minutes > 0 ? suggestion('90853') : null;
  const band = INDIVIDUAL_BANDS.find((b) => minutes >= b.atLeastMinutes);
  return band ? suggestion(band.code) : null;
}

function suggestion(code: PsychotherapyCode): PsychotherapyCodeSuggestion {
  return { code, description: PSYCHOTHERAPY_CODES[code].description };
}

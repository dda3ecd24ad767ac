import { Alert, Anchor, Checkbox, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../shared/api/api-error';

export interface DuplicateMatch {
  id?: string;
  mrn?: string;
  /** The match is at a site the user cannot open: the API names no one (possible_duplicate_elsewhere). */
  elsewhere?: boolean;
}

/**
 * A 409 possible_duplicate lists the existing patients the user may open (`existing: [{ id, mrn }]`); the
 * first is linked. possible_duplicate_elsewhere names nobody.
 */
export function possibleDuplicate(error: unknown): DuplicateMatch | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  if (error.code === 'possible_duplicate_elsewhere') return { elsewhere: true };
  if (error.code !== 'possible_duplicate') return null;
  const existing = Array.isArray(error.details.existing) ? (error.details.existing as DuplicateMatch[]) : [];
  return existing[0] ?? {};
}

/** The warning that someone with this name and date of birth is on file, and the answer "a different person". */
export function PossibleDuplicateAlert({
  duplicate,
  confirmedDifferent,
  onConfirmedDifferent,
}: {
  duplicate: DuplicateMatch;
  confirmedDifferent: boolean;
  onConfirmedDifferent: (different: boolean) => void;
}) {
  return (
    <Alert color="yellow" title="This may be someone already on file" role="alert">
      <Stack gap="xs">
        <Text size="sm">
          {duplicate.elsewhere
            ? 'A possible match exists at another site; ask a director before registering this person.'
            : 'A patient with the same name and date of birth already has a record'}
          {duplicate.mrn ? ` (MRN ${duplicate.mrn})` : ''}
          {duplicate.elsewhere ? '' : '.'}{' '}
          {duplicate.id && (
            <Anchor component={Link} to={`/patients/${duplicate.id}`}>
              Open the existing patient
            </Anchor>
          )}
        </Text>
        <Checkbox
          label="This is a different person"
          checked={confirmedDifferent}
          onChange={(event) => onConfirmedDifferent(event.currentTarget.checked)}
        />
      </Stack>
    </Alert>
  );
}

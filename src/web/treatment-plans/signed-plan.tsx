import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type Episode, useSiteStaff } from '../episodes/episodes-api';
import { formatDay } from '../shared/date-time';
import { PlanDocumentView } from './plan-document-view';
import { ClinicianSignatureLine, PatientSignatureLine } from './signature-lines';
import type { TreatmentPlan } from './treatment-plans-api';

/** A plan signed by both (or of a closed episode), read-only, with the way to its next version. */
export function SignedPlan({
  plan,
  episode,
  onRevise,
}: {
  plan: TreatmentPlan;
  episode: Episode;
  onRevise: (() => void) | undefined;
}) {
  const staff = useSiteStaff(episode.siteId);
  const staffName = (id: string) => staff.data?.items.find((m) => m.id === id)?.displayName;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="signed-plan-heading">
      <Stack>
        <Group justify="space-between">
          <Group gap="sm">
            <Title order={2} size="h4" id="signed-plan-heading">
              Treatment plan, version {plan.revision}
            </Title>
            <Badge color={plan.readOnly ? 'teal' : 'yellow'} variant="light" tt="none">
              {plan.readOnly ? 'Signed' : 'Not fully signed'}
            </Badge>
          </Group>
          {onRevise && plan.readOnly && (
            <Button variant="light" onClick={onRevise}>
              Make a new version
            </Button>
          )}
        </Group>
        <Text size="sm">
          Review by {formatDay(plan.reviewDate)}
          {episode.status === 'discharged' ? ' · the episode is discharged, so the plan is closed' : ''}
        </Text>
        <PlanDocumentView document={plan.document} staffName={staffName} />
        <Stack gap={2}>
          {plan.clinicianSignature && <ClinicianSignatureLine signature={plan.clinicianSignature} />}
          {plan.patientSignature && <PatientSignatureLine signature={plan.patientSignature} />}
        </Stack>
      </Stack>
    </Paper>
  );
}

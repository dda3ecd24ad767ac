import { Alert, Button, Container, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { AftercarePlanView } from '../discharges/aftercare-plan-view';
import { useMyAftercarePlan } from '../discharges/discharges-api';
import { MyQuestionnaires } from '../measurement/my-questionnaires';
import { formatDay } from '../shared/date-time';
import { PatientDemographics } from '../shared/patient-demographics';
import { MySessions } from './my-sessions';
import { MyTreatmentPlan } from './my-treatment-plan';
import { type Program, usePortalMe } from './portal-api';

export function PortalPage() {
  const portal = usePortalMe();

  if (portal.isPending) return <Loader aria-label="Loading your profile" />;
  if (portal.isError) {
    return (
      <Alert color="red" title="Could not load your profile" role="alert">
        {portal.error.message}
      </Alert>
    );
  }

  const { patient, program } = portal.data;
  return (
    <Container size="sm" px={0}>
      <Stack>
        <Title order={1} size="h2">
          Hello, {patient.preferredName ?? patient.givenName}
        </Title>
        <HelpLineCard program={program} />
        <MyQuestionnaires />
        <MySessions />
        <MyAftercarePlan />
        <MyTreatmentPlan />
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-profile-heading">
          <Title order={2} size="h3" mb="sm" id="my-profile-heading">
            My profile
          </Title>
          <PatientDemographics patient={patient} />
          <Text size="sm" c="dimmed" mt="md">
            Something wrong or out of date? Tell your care team and they will correct it.
          </Text>
        </Paper>
      </Stack>
    </Container>
  );
}

/** Shown once the patient has been discharged with an aftercare plan. */
function MyAftercarePlan() {
  const aftercare = useMyAftercarePlan();
  if (aftercare.isPending || !aftercare.data) return null;
  const { aftercare: plan, dischargedOn, programName } = aftercare.data;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="my-aftercare-heading">
      <Title order={2} size="h3" id="my-aftercare-heading">
        My aftercare plan
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        From your discharge{programName ? ` from ${programName}` : ''} on {formatDay(dischargedOn)}
      </Text>
      <AftercarePlanView plan={plan} headingLevel={2} />
    </Paper>
  );
}

// "Text or call (555) 010-2424, any hour" → "(555) 010-2424": one tap to call or text from a phone.
const PHONE_NUMBER = /\+?\(?\d[\d ().-]{5,}\d/;

/** The first thing a patient sees: help is there day and night. */
function HelpLineCard({ program }: { program: Program | null }) {
  const phone = program?.helpLine ? PHONE_NUMBER.exec(program.helpLine)?.[0] : undefined;
  const dialable = phone?.replace(/[^\d+]/g, '');
  return (
    <Paper p="lg" radius="md" bg="teal.8" c="white" component="section" aria-labelledby="help-line-heading">
      <Stack gap="xs">
        <Title order={2} size="h3" id="help-line-heading">
          Need support right now?
        </Title>
        {program?.helpLine ? (
          <>
            <Text size="xl" fw={700}>
              24-hour help line: {program.helpLine}
            </Text>
            {dialable && (
              <Group gap="sm">
                <Button component="a" href={`sms:${dialable}`} variant="white" color="teal.9">
                  Text {phone}
                </Button>
                <Button component="a" href={`tel:${dialable}`} variant="white" color="teal.9">
                  Call {phone}
                </Button>
              </Group>
            )}
            <Text size="sm">Your program: {program.name}</Text>
          </>
        ) : (
          <Text size="lg">Call or text your care team.</Text>
        )}
        <Text size="sm">In an emergency, call 911. For a mental-health crisis, call or text 988.</Text>
      </Stack>
    </Paper>
  );
}

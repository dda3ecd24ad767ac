import {
  Alert,
  Button,
  Group,
  Loader,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { type AsamEdition, isAsamEdition, LEVELS_OF_CARE } from '../../domain/placement/levels-of-care';
import { type Assessment, useAssessments } from '../assessments/assessments-api';
import { type Referral, useReferrals } from '../referrals/referrals-api';
import { useClinicToday } from '../shared/clinic-zone';
import { formatDay } from '../shared/date-time';
import { fieldError, formError } from '../shared/form-errors';
import { useMe } from '../shared/session';
import { defaultPrimaryClinician, isClinicalStaff } from './episode-values';
import { type StaffMember, useAdmit, useSiteStaff } from './episodes-api';

/** Admission to the referral's program, at the level the latest ASAM assessment placed. */
export function AdmissionForm({ patientId }: { patientId: string }) {
  const referrals = useReferrals(patientId);
  const assessments = useAssessments(patientId);
  const referral = referrals.data?.items[0];
  const staff = useSiteStaff(referral?.siteId);

  if (referrals.isPending || assessments.isPending) return <Loader aria-label="Loading the referral" />;
  if (!referral) {
    return (
      <Alert color="yellow">Record a referral first: it names the program the patient is admitted to.</Alert>
    );
  }
  // The defaults (level, primary clinician) come from what has loaded, so the form starts once it has.
  if (staff.isPending) return <Loader aria-label="Loading the site's staff" />;
  const clinicians = (staff.data?.items ?? []).filter(isClinicalStaff);
  return (
    <AdmissionFields
      patientId={patientId}
      referral={referral}
      latest={assessments.data?.items[0]}
      clinicians={clinicians}
    />
  );
}

interface AdmissionValues {
  level: string;
  admittedOn: string;
  primaryClinicianId: string;
}

function AdmissionFields({
  patientId,
  referral,
  latest,
  clinicians,
}: {
  patientId: string;
  referral: Referral;
  latest: Assessment | undefined;
  clinicians: StaffMember[];
}) {
  const myId = useMe().data?.user.id;
  const today = useClinicToday().toString();
  const edition: AsamEdition = latest && isAsamEdition(latest.edition) ? latest.edition : 3;
  const form = useForm<AdmissionValues>({
    initialValues: {
      level: latest?.placedLevel ?? '',
      admittedOn: today,
      primaryClinicianId: defaultPrimaryClinician(clinicians, myId),
    },
  });
  const save = useAdmit(patientId);
  const submit = form.onSubmit(({ level, admittedOn, primaryClinicianId }) =>
    save.mutate({
      programId: referral.programId,
      level,
      edition,
      status: 'admitted',
      admittedOn,
      referralId: referral.id,
      assessmentId: latest?.id ?? null,
      primaryClinicianId: primaryClinicianId || null,
      careTeam: primaryClinicianId ? [primaryClinicianId] : [],
    }),
  );
  const generalError = formError(save.error, ['level', 'admittedOn', 'primaryClinicianId']);
  const level = form.values.level;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="admit-heading">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2} size="h4" id="admit-heading">
            Admit to {referral.programName}
          </Title>
          {latest ? (
            <Text size="sm">
              Latest ASAM assessment ({formatDay(latest.assessedOn)}): recommended {latest.recommendedLevel},
              placed {latest.placedLevel}
              {latest.placedLevelHours ? ` (${latest.placedLevelHours.label})` : ''}.
            </Text>
          ) : (
            <Alert color="yellow">
              No ASAM assessment yet: assess before admitting, so the placement has a basis.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <NativeSelect
              label="Level of care"
              data={[
                ...(level ? [] : [{ value: '', label: 'Choose…' }]),
                ...LEVELS_OF_CARE[edition].map((l) => ({ value: l.code, label: `${l.code} ${l.name}` })),
              ]}
              {...form.getInputProps('level')}
              error={fieldError(save.error, 'level')}
            />
            <TextInput
              label="Admission date"
              type="date"
              {...form.getInputProps('admittedOn')}
              error={fieldError(save.error, 'admittedOn')}
            />
            <NativeSelect
              label="Primary clinician"
              data={[
                { value: '', label: 'Not assigned' },
                ...clinicians.map((m) => ({
                  value: m.id,
                  label: m.id === myId ? `${m.displayName} (you)` : m.displayName,
                })),
              ]}
              {...form.getInputProps('primaryClinicianId')}
              error={fieldError(save.error, 'primaryClinicianId')}
            />
          </SimpleGrid>
          {generalError && (
            <Alert color="red" role="alert">
              {generalError}
            </Alert>
          )}
          <Group>
            <Button type="submit" loading={save.isPending} disabled={!level}>
              Admit
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

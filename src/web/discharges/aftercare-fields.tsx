import { Button, Checkbox, Fieldset, Group, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { blankAppointment, type DischargeValues } from './discharge-values';
import { RECOVERY_SUPPORTS } from './discharges-api';

interface AftercareFieldsProps {
  form: UseFormReturnType<DischargeValues>;
  /** The error to show beside an input: the form's (by form path) or the server's (by request path). */
  errorFor: (path: string, serverPath?: string) => string | undefined;
}

/** The aftercare plan's inputs inside the discharge form: next provider, appointments, supports, crisis, medication. */
export function AftercareFields({ form, errorFor }: AftercareFieldsProps) {
  const aftercareError = (path: string) => errorFor(path, `aftercare.${path}`);
  return (
    <>
      <Fieldset legend="Aftercare: next provider">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput
            label="Next provider"
            {...form.getInputProps('nextProvider.name')}
            error={aftercareError('nextProvider.name')}
            required
          />
          <TextInput
            label="Provider's level of care"
            {...form.getInputProps('nextProvider.levelOfCare')}
            error={aftercareError('nextProvider.levelOfCare')}
          />
          <TextInput
            label="Provider phone"
            type="tel"
            {...form.getInputProps('nextProvider.phone')}
            error={aftercareError('nextProvider.phone')}
          />
          <TextInput
            label="Provider address"
            {...form.getInputProps('nextProvider.address')}
            error={aftercareError('nextProvider.address')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Aftercare: appointments">
        <Stack gap="xs">
          {form.values.appointments.map((appointment, index) => {
            const n = index + 1;
            const path = `appointments.${index}` as const;
            return (
              <Group key={appointment.key} align="flex-end" wrap="wrap">
                <TextInput
                  label={`Appointment ${n} date`}
                  type="date"
                  {...form.getInputProps(`${path}.on`)}
                  error={aftercareError(`${path}.on`)}
                />
                <TextInput
                  label={`Appointment ${n} time`}
                  type="time"
                  {...form.getInputProps(`${path}.time`)}
                />
                <TextInput
                  label={`Appointment ${n} with`}
                  {...form.getInputProps(`${path}.with`)}
                  error={aftercareError(`${path}.with`)}
                />
                <TextInput label={`Appointment ${n} purpose`} {...form.getInputProps(`${path}.purpose`)} />
                <Button
                  variant="subtle"
                  color="gray"
                  onClick={() => form.removeListItem('appointments', index)}
                >
                  Remove appointment {n}
                </Button>
              </Group>
            );
          })}
          <Group>
            <Button
              variant="light"
              size="xs"
              onClick={() => form.insertListItem('appointments', blankAppointment(form.values.appointments))}
            >
              Add an appointment
            </Button>
          </Group>
        </Stack>
      </Fieldset>

      <Fieldset legend="Aftercare: recovery supports">
        <Checkbox.Group {...form.getInputProps('recoverySupports')} aria-label="Recovery supports">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            {RECOVERY_SUPPORTS.map((support) => (
              <Checkbox key={support.value} value={support.value} label={support.label} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      </Fieldset>

      <Fieldset legend="Aftercare: crisis plan">
        <Stack gap="sm">
          <TextInput
            label="24-hour crisis line"
            {...form.getInputProps('crisisPlan.crisisLine')}
            error={aftercareError('crisisPlan.crisisLine')}
            required
          />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Textarea
              label="Warning signs"
              autosize
              minRows={2}
              {...form.getInputProps('crisisPlan.warningSigns')}
            />
            <Textarea
              label="Coping steps"
              autosize
              minRows={2}
              {...form.getInputProps('crisisPlan.copingSteps')}
            />
            <Textarea
              label="People to call"
              autosize
              minRows={2}
              {...form.getInputProps('crisisPlan.contacts')}
            />
          </SimpleGrid>
        </Stack>
      </Fieldset>

      <Fieldset legend="Aftercare: medication continuity">
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TextInput label="Medications" {...form.getInputProps('medicationContinuity.medications')} />
          <TextInput
            label="Continuing prescriber"
            {...form.getInputProps('medicationContinuity.prescriber')}
          />
          <TextInput
            label="Supply until"
            type="date"
            {...form.getInputProps('medicationContinuity.supplyUntil')}
            error={aftercareError('medicationContinuity.supplyUntil')}
          />
          <TextInput label="Medication note" {...form.getInputProps('medicationContinuity.note')} />
        </SimpleGrid>
      </Fieldset>
    </>
  );
}

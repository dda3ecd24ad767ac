import { Fieldset, SimpleGrid, TextInput } from '@mantine/core';
import { ADULT_AGE } from '../../domain/episodes/age-rules';
import type { NewReferralFieldsProps } from './new-patient-fields';

/** The emergency contact, and for a minor the guardian (required: name, relationship, phone or email). */
export function PatientContactsFields({
  form,
  errorFor,
  withGuardian,
}: NewReferralFieldsProps & { withGuardian: boolean }) {
  const input = (path: string) => ({ ...form.getInputProps(path), error: errorFor(path) });
  const guardianEmail = form.getInputProps('guardianContact.email');
  return (
    <>
      <Fieldset legend="Emergency contact">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Emergency contact name" {...input('emergencyContact.name')} />
          <TextInput label="Emergency contact relationship" {...input('emergencyContact.relationship')} />
          <TextInput label="Emergency contact phone" type="tel" {...input('emergencyContact.phone')} />
        </SimpleGrid>
      </Fieldset>

      {withGuardian && (
        <Fieldset legend={`Guardian (required under ${ADULT_AGE})`}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Guardian name"
              {...form.getInputProps('guardianContact.name')}
              error={errorFor('guardianContact.name') ?? errorFor('guardianContact')}
              required
            />
            <TextInput label="Guardian relationship" {...input('guardianContact.relationship')} required />
            <TextInput
              label="Guardian phone"
              type="tel"
              {...input('guardianContact.phone')}
              description="A phone number or an email is required"
            />
            <TextInput
              label="Guardian email"
              type="email"
              {...guardianEmail}
              onChange={(event) => {
                guardianEmail.onChange(event);
                // "A phone number or an email": an email answers the problem shown beside the phone.
                form.clearFieldError('guardianContact.phone');
              }}
              error={errorFor('guardianContact.email')}
            />
          </SimpleGrid>
        </Fieldset>
      )}
    </>
  );
}

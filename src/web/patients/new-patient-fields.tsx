import { Fieldset, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { LIVING_SITUATIONS } from '../shared/patient-demographics';
import type { NewReferralValues } from './new-referral-values';

export interface NewReferralFieldsProps {
  form: UseFormReturnType<NewReferralValues>;
  /** The error beside an input: the form's own or the server's, by the request path. */
  errorFor: (path: string) => string | undefined;
}

/** Who the patient is: name, date of birth, sex and gender, language, contact, living situation, address. */
export function NewPatientFields({
  form,
  errorFor,
  identityProps,
  todayIso,
  age,
}: NewReferralFieldsProps & {
  /** Name and date of birth decide a possible duplicate, so their inputs answer that question anew. */
  identityProps: (path: 'givenName' | 'familyName' | 'dateOfBirth') => ReturnType<typeof form.getInputProps>;
  todayIso: string;
  age: number | null;
}) {
  const input = (path: keyof NewReferralValues) => ({ ...form.getInputProps(path), error: errorFor(path) });
  return (
    <>
      <Fieldset legend="Patient">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Legal first name"
            {...identityProps('givenName')}
            error={errorFor('givenName')}
            required
          />
          <TextInput
            label="Legal last name"
            {...identityProps('familyName')}
            error={errorFor('familyName')}
            required
          />
          <TextInput label="Preferred name" {...input('preferredName')} />
          <TextInput label="Pronouns" placeholder="she/her, he/him, they/them …" {...input('pronouns')} />
          <TextInput
            label="Date of birth"
            type="date"
            max={todayIso}
            {...identityProps('dateOfBirth')}
            error={errorFor('dateOfBirth')}
            description={age !== null && age >= 0 ? `Age ${age}` : undefined}
            required
          />
          <NativeSelect
            label="Sex assigned at birth"
            data={[
              { value: '', label: 'Not recorded' },
              { value: 'female', label: 'Female' },
              { value: 'male', label: 'Male' },
              { value: 'intersex', label: 'Intersex' },
              { value: 'unknown', label: 'Unknown' },
            ]}
            {...input('sexAtBirth')}
          />
          <TextInput label="Gender identity" {...input('genderIdentity')} />
          <TextInput label="Preferred language" {...input('language')} />
          <TextInput label="Phone" type="tel" {...input('phone')} />
          <TextInput label="Email" type="email" {...input('email')} />
          <NativeSelect
            label="Living situation"
            data={[{ value: '', label: 'Choose…' }, ...LIVING_SITUATIONS]}
            {...input('livingSituation')}
            required
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Address">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Address line 1" {...input('addressLine1')} />
          <TextInput label="Address line 2" {...input('addressLine2')} />
          <TextInput label="City" {...input('city')} />
          <Group grow>
            <TextInput label="State" {...input('state')} />
            <TextInput label="Postal code" {...input('postalCode')} />
          </Group>
        </SimpleGrid>
      </Fieldset>
    </>
  );
}

import { TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';

/** The "Starts at" and "Ends at" time inputs of a form holding `startTime` and `endTime` (HH:MM, local). */
export function TimeRangeInputs<Values extends { startTime: string; endTime: string }>({
  form,
  required,
}: {
  form: UseFormReturnType<Values>;
  required?: boolean;
}) {
  return (
    <>
      <TextInput label="Starts at" type="time" {...form.getInputProps('startTime')} required={required} />
      <TextInput label="Ends at" type="time" {...form.getInputProps('endTime')} required={required} />
    </>
  );
}

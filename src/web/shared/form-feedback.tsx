import { Alert, Text } from '@mantine/core';
import { useState } from 'react';
import { applyServerErrors, type FormWithErrors } from './form-errors';

/** The red alert with what a form's own inputs cannot show; nothing while there is nothing to say. */
export function FormAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}

/** The line a form shows once its save went through. */
export function FormStatus({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Text c="teal.8" role="status">
      {message}
    </Text>
  );
}

/**
 * A @mantine/form form's server errors: `show` puts a refused submit's field errors under their inputs
 * (applyServerErrors) and keeps the rest for the alert, `banner`; `say` puts a form's own words there instead
 * (a 409's "someone else changed it"); `clear` before each new submit.
 */
export function useServerErrors(form: FormWithErrors, rename?: Record<string, string>) {
  const [banner, setBanner] = useState<string>();
  return {
    banner,
    clear: () => setBanner(undefined),
    say: (message: string) => {
      form.setErrors({});
      setBanner(message);
    },
    show: (error: unknown) => setBanner(applyServerErrors(form, error, rename)),
  };
}

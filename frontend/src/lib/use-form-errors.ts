import { useEffect, useRef, useState } from 'react';
import { serverFieldErrors, type FieldErrors } from './api-client';

/**
 * A settings form's errors: its own checks (`setLocalErrors`) over the server's field errors from the save, the
 * first invalid field focused after each attempt, and whether the server refused something the form has no field
 * for (shown for the whole form). `formFields` are the server's field paths the form shows next to a field.
 */
export function useFormErrors(save: { isError: boolean; error: Error | null }, formFields: readonly string[]) {
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const serverErrors = serverFieldErrors(save.error);
  const errors: FieldErrors = { ...serverErrors, ...localErrors };
  const hasFormLevelError = save.isError && !Object.keys(serverErrors).some((field) => formFields.includes(field));

  useEffect(() => {
    if (save.isError || Object.keys(localErrors).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.isError, save.error, localErrors]);

  return { errors, setLocalErrors, formRef, hasFormLevelError };
}

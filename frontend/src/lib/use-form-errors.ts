import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from './api-client';
import { translatedFieldErrors } from './field-problems';

/**
 * A settings form's errors: its own checks (`setLocalErrors`) over the server's field errors from the save (in the
 * reader's language, from their codes), the first invalid field focused after each attempt, and whether the server
 * refused something the form has no field for (shown for the whole form). `formFields` are the server's field
 * paths the form shows next to a field.
 */
export function useFormErrors(save: { isError: boolean; error: Error | null }, formFields: readonly string[]) {
  const { t } = useTranslation('common');
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  const serverErrors = translatedFieldErrors(t, save.error);
  const errors: FieldErrors = { ...serverErrors, ...localErrors };
  const hasFormLevelError = save.isError && !Object.keys(serverErrors).some((field) => formFields.includes(field));
  // What the whole-form failure says: the translated refusals when the server named fields, else the failure itself.
  const formLevelMessage = hasFormLevelError ? Object.values(serverErrors).flat().join(' ') || save.error?.message : undefined;

  useEffect(() => {
    if (save.isError || Object.keys(localErrors).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.isError, save.error, localErrors]);

  return { errors, setLocalErrors, formRef, hasFormLevelError, formLevelMessage };
}

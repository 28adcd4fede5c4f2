import { Button } from './button';

export type FormFooterProps = { saveLabel: string; isSaving: boolean; failure: string | null };

/** The end of a settings form: why the save failed, when it is not about one field, and the save button. */
export function FormFooter({ saveLabel, isSaving, failure }: FormFooterProps) {
  return (
    <>
      {failure !== null && (
        <p className="form-error" role="alert" dir="auto">
          {failure}
        </p>
      )}
      <div className="form__actions">
        <Button type="submit" variant="primary" isBusy={isSaving}>
          {saveLabel}
        </Button>
      </div>
    </>
  );
}

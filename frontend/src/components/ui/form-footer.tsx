import { Button } from './button';

export type FormFooterProps = {
  saveLabel: string;
  isSaving: boolean;
  failure: string | null;
  /** Said once the form's changes are saved (the dialog stays open); null while there is nothing to confirm. */
  savedNote?: string | null;
};

/** The end of a settings form: why the save failed, when it is not about one field, the save button and "saved". */
export function FormFooter({ saveLabel, isSaving, failure, savedNote = null }: FormFooterProps) {
  return (
    <>
      {failure !== null && (
        <p className="form-error" role="alert" dir="auto">
          {failure}
        </p>
      )}
      <div className="form__actions">
        <p className="form__saved" role="status">
          {savedNote}
        </p>
        <Button type="submit" variant="primary" isBusy={isSaving}>
          {saveLabel}
        </Button>
      </div>
    </>
  );
}

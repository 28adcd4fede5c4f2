export type FieldErrorProps = { id: string; messages: string[] | undefined };

/** A field's error messages, right under the field and named by its `aria-describedby`. */
export function FieldError({ id, messages }: FieldErrorProps) {
  if (!messages?.length) return null;
  return (
    <p id={id} className="field-error">
      {/* The server writes its messages in English: isolated, they read right inside a right-to-left form. */}
      <bdi>{messages.join(' ')}</bdi>
    </p>
  );
}

/** The ids that describe a field: its hint and, when it has one, its error. */
export function describedBy(hintId: string | null, errorId: string, messages: string[] | undefined): string | undefined {
  const ids = [hintId, messages?.length ? errorId : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

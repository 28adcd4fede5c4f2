export const ERROR_KINDS = ['network', 'timeout', 'auth', 'upstream', 'validation', 'cancelled', 'interrupted', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** The body of every 4xx/5xx answer of the API. */
export type ApiErrorBody = {
  statusCode: number;
  error: string;
  message: string;
  /** Per-field messages for validation errors (field path → messages). */
  fields?: Record<string, string[]>;
  /** For 409 on a second trigger: the run that is already active. */
  activeRun?: import('./sync').SyncRun;
};

export { ERROR_KINDS, type ErrorKind } from './error-kinds';

/** The body of every 4xx/5xx answer of the API. */
export type ApiErrorBody = {
  statusCode: number;
  error: string;
  message: string;
  /** Per-field messages for validation errors (field path → messages). */
  fields?: Record<string, string[]>;
  /** The same refusals as codes the UI translates (field path → problems), where the server names one. */
  problems?: Record<string, FieldProblem[]>;
  /** For 409 on a second trigger: the run that is already active. */
  activeRun?: import('./sync').SyncRun;
};

/**
 * A refused field as a code and its values, for the UI to say in the reader's language (`errors:field.<code>`).
 * A `seconds` value is a span the UI writes in its largest whole unit.
 */
export type FieldProblem = { code: string; params?: Record<string, string | number> };

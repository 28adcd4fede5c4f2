import type { ErrorKind } from '@hamgam/shared';
import { SyncError } from '../../common/sync-error';

// Moodle answers errors with HTTP 200 and a body naming an `errorcode`; the message text is translated into
// the site's language, so only the code decides what kind of failure it is.
const AUTH_CODES = [
  'invalidtoken',
  'accessexception',
  'invalidlogin',
  'servicenotavailable',
  'usernotallowed',
  'missingrequiredcapability',
  'invalidtimedtoken',
  'invalidiptoken',
  'cannotcreatetoken',
  'noguest',
  'usernotconfirmed',
  'passwordisexpired',
  'restoredaccountresetpassword',
  'requireloginerror',
  'nopermissions',
  'errorcoursecontextnotvalid',
  'webservicesnotenabled',
];
const VALIDATION_CODES = ['invalidparameter', 'missingparam', 'errorinvalidparam', 'invalidextparam', 'codingerror', 'criteriaerror'];

export function errorKindOf(errorcode: string): ErrorKind {
  if (AUTH_CODES.includes(errorcode)) return 'auth';
  if (VALIDATION_CODES.includes(errorcode)) return 'validation';
  return 'upstream';
}

// An error code is shown only when it looks like one: the answer may come from any address an admin typed.
const ERRORCODE = /^[a-z][a-z0-9_]{0,63}$/i;

/**
 * A Moodle error body turned into a run error: the `errorcode` and a fixed hint, never Moodle's own message text
 * (the address may not be Moodle at all, and the text could be anything it holds).
 */
export class MoodleError extends SyncError {
  constructor(
    readonly errorcode: string,
    readonly wsfunction: string,
  ) {
    const code = ERRORCODE.test(errorcode) ? `"${errorcode}"` : '(not shown: it is not an error code)';
    super(
      errorKindOf(errorcode),
      `Moodle refused ${wsfunction} with errorcode ${code}${HINTS[errorcode] ?? ''}`,
      ERRORCODE.test(errorcode) ? `errorcode ${errorcode}` : null,
    );
    this.name = 'MoodleError';
  }
}

const HINTS: Record<string, string> = {
  invalidtoken: ' (the token is wrong, expired or deleted; create a new one under Site administration › Server › Web services › Manage tokens)',
  accessexception: ' (the token’s service does not allow this function, or the token or service is restricted)',
  invalidlogin: ' (check the user name and password)',
  servicenotavailable: ' (no enabled external service has the configured short name)',
};

/** The error in a decoded body, or null: an object with `exception` or a top-level `errorcode` is an error. */
export function findMoodleError(body: unknown): { errorcode: string } | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const record = body as Record<string, unknown>;
  if (!('exception' in record) && !('errorcode' in record)) return null;
  const errorcode = typeof record.errorcode === 'string' && record.errorcode !== '' ? record.errorcode : String(record.exception ?? 'unknown');
  return { errorcode };
}

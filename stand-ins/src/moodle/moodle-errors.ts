import type { MoodleErrorBody } from './moodle-xml';

// The exact texts of a Moodle 4.3 site (see stand-ins/fixtures/moodle/error-*.json). `debuginfo` is sent
// only when the site's debug level is on, as on the real site.

const ACCESS_DEBUGINFO = (fn: string) =>
  `Access to the function ${fn}() is not allowed.
                     There could be multiple reasons for this:
                     1. The service linked to the user token does not contain the function.
                     2. The service is user-restricted and the user is not listed.
                     3. The service is IP-restricted and the user IP is not listed.
                     4. The service is time-restricted and the time has expired.
                     5. The token is time-restricted and the time has expired.
                     6. The service requires a specific capability which the user does not have.
                     7. The function is called with username/password (no user token is sent)
                     and none of the services has the function to allow the user.
                     These settings can be found in Administration > Site administration
                     > Server > Web services > External services and Manage tokens.`;

const withDebug = (body: Omit<MoodleErrorBody, 'debuginfo'>, debuginfo: string | undefined, debug: boolean): MoodleErrorBody =>
  debug && debuginfo !== undefined ? { ...body, debuginfo } : body;

export const invalidToken = (): MoodleErrorBody => ({ exception: 'moodle_exception', errorcode: 'invalidtoken', message: 'Invalid token - token not found' });

export const accessException = (fn: string, debug: boolean): MoodleErrorBody =>
  withDebug({ exception: 'webservice_access_exception', errorcode: 'accessexception', message: 'Access control exception' }, ACCESS_DEBUGINFO(fn), debug);

export const invalidParameter = (debuginfo: string, debug: boolean): MoodleErrorBody =>
  withDebug({ exception: 'invalid_parameter_exception', errorcode: 'invalidparameter', message: 'Invalid parameter value detected' }, debuginfo, debug);

export const missingRecord = (table: string, debuginfo: string, debug: boolean): MoodleErrorBody =>
  withDebug(
    { exception: 'dml_missing_record_exception', errorcode: 'invalidrecord', message: `Can't find data record in database table ${table}.` },
    debuginfo,
    debug,
  );

export const missingCourse = (id: number, debug: boolean): MoodleErrorBody =>
  missingRecord('course', `SELECT * FROM {course} WHERE id = ?\n[array (\n  0 => ${id},\n)]`, debug);

export const unknownFunction = (fn: string, debug: boolean): MoodleErrorBody =>
  missingRecord('external_functions', `SELECT * FROM {external_functions} WHERE name = ?\n[array (\n  0 => '${fn}',\n)]`, debug);

/** login/token.php errors are AJAX errors: `error` (not `message`), no `exception`. */
export const tokenError = (errorcode: string, error: string, debug: boolean, base: string) => ({
  error,
  errorcode,
  stacktrace: debug ? '* line 112 of /login/token.php: moodle_exception thrown\n' : null,
  debuginfo: debug ? `\nError code: ${errorcode}` : null,
  reproductionlink: debug ? `${base}/` : null,
});

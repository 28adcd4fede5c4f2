/** Fields of a Moodle user whose values the change log never keeps (an update shows them changed, without values). */
export const MOODLE_USER_SENSITIVE_FIELDS: readonly string[] = ['email'];

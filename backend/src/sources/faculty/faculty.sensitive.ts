/** Fields of a member whose values the change log never keeps (an update shows them changed, without values). */
export const FACULTY_SENSITIVE_FIELDS: readonly string[] = ['mobile'];

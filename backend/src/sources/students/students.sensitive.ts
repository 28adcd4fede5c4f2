/** Fields of a student whose values the change log never keeps (an update shows them changed, without values). */
export const STUDENT_SENSITIVE_FIELDS: readonly string[] = ['mobile', 'address', 'birthDate'];

/** Fields of a CRM contact whose values the change log never keeps (an update shows them changed, without values). */
export const CRM_CONTACT_SENSITIVE_FIELDS: readonly string[] = ['mobile', 'email'];

/** Why a run failed, as the history filters and the failure sentences name it. */
export const ERROR_KINDS = ['network', 'timeout', 'auth', 'rate_limited', 'upstream', 'validation', 'cancelled', 'interrupted', 'internal'] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

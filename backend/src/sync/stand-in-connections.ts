/** Connections of the bundled stand-in upstreams, by source id; empty when the stand-ins are off. */
export type StandInConnections = Record<string, { baseUrl: string; username: string; password: string; token?: string }>;

export const STAND_IN_CONNECTIONS = Symbol('STAND_IN_CONNECTIONS');

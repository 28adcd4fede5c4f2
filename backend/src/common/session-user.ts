import type { Request } from 'express';
import type { UserRole } from '@hamgam/shared';

/** Who made a request, as the auth guard found them. */
export type SessionUser = { id: number; username: string; displayName: string; role: UserRole };

export type AuthenticatedRequest = Request & { user?: SessionUser; auditRecorded?: boolean };

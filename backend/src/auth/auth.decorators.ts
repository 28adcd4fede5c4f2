import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { USER_ROLES, type UserRole } from '@hamgam/shared';
import type { AuthenticatedRequest, SessionUser } from '../common/session-user';

export const IS_PUBLIC = 'hamgam:isPublic';
export const ROLES = 'hamgam:roles';

/** Reachable without a session (sign-in, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Who may call a route. Without it, reads (GET) are open to every signed-in role and everything else is
 * admin-only, so a new POST/PATCH endpoint is protected without anyone remembering to mark it.
 */
export const Roles = (...roles: UserRole[]) => SetMetadata(ROLES, roles);

/** Any signed-in user, for the few state-changing routes that are everyone's (sign-out). */
export const AnyRole = () => Roles(...USER_ROLES);

/** A read that only admins may make (the user list). */
export const AdminOnly = () => Roles('admin');

/** The signed-in user of this request (the guard has already answered 401 when there is none). */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): SessionUser => {
  const user = ctx.switchToHttp().getRequest<AuthenticatedRequest>().user;
  if (!user) throw new Error('CurrentUser used on a public route');
  return user;
});

import { ForbiddenException, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { USER_ROLES, type UserRole } from '@hamgam/shared';
import { IS_PUBLIC, ROLES } from './auth.decorators';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from '../common/session-user';

const READ_METHODS = ['GET', 'HEAD'];

/**
 * Default deny, registered as APP_GUARD: every route needs a session unless `@Public()`; reads are open to
 * every role, every other method needs an admin unless `@Roles(...)` says otherwise.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.auth.authenticate(request);
    if (!user) throw new UnauthorizedException('sign in first');
    request.user = user;
    const allowed = this.reflector.getAllAndOverride<UserRole[]>(ROLES, targets) ?? (READ_METHODS.includes(request.method) ? [...USER_ROLES] : ['admin']);
    if (!allowed.includes(user.role)) throw new ForbiddenException('your role may not do this');
    return true;
  }
}

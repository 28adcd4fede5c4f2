import { Body, Controller, Get, HttpCode, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { User } from '@hamgam/shared';
import { AnyRole, CurrentUser, Public } from './auth.decorators';
import { AuthService } from './auth.service';
import { LoginDto } from './dto/login.dto';
import type { AuthenticatedRequest, SessionUser } from '../common/session-user';
import { toUser, UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() dto: LoginDto, @Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<User> {
    return this.auth.login(request, response, dto.username, dto.password);
  }

  @Post('logout')
  @AnyRole()
  @HttpCode(204)
  async logout(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) response: Response): Promise<void> {
    await this.auth.logout(request, response);
  }

  /** Ends every session of the signed-in user (a lost laptop, a shared computer), this browser's too. */
  @Post('logout-all')
  @AnyRole()
  @HttpCode(204)
  async logoutEverywhere(
    @CurrentUser() user: SessionUser,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logoutEverywhere(request, response, user);
  }

  @Get('me')
  async me(@CurrentUser() current: SessionUser): Promise<User> {
    const user = await this.users.findById(current.id);
    if (!user) throw new UnauthorizedException('sign in first');
    return toUser(user);
  }
}

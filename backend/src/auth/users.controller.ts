import { Body, Controller, Get, Param, ParseIntPipe, Patch, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { User } from '@hamgam/shared';
import { AuditService } from '../audit/audit.service';
import { AdminOnly } from './auth.decorators';
import { CreateUserDto, UpdateUserDto } from './dto/user.dto';
import type { AuthenticatedRequest } from '../common/session-user';
import { UsersService } from './users.service';

/** Admins only, reads included: the user list is not for auditors. */
@ApiTags('users')
@AdminOnly()
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  list(): Promise<User[]> {
    return this.users.list();
  }

  @Post()
  async create(@Body() dto: CreateUserDto, @Req() request: AuthenticatedRequest): Promise<User> {
    const user = await this.users.create(dto);
    await this.audit.record(request, {
      action: 'user.created',
      target: `user:${user.id}`,
      details: { username: user.username, displayName: user.displayName, role: user.role },
    });
    return user;
  }

  @Patch(':id')
  async update(@Param('id', ParseIntPipe) id: number, @Body() dto: UpdateUserDto, @Req() request: AuthenticatedRequest): Promise<User> {
    const { user, changes } = await this.users.update(id, dto);
    if (Object.keys(changes).length > 0) {
      await this.audit.record(request, { action: 'user.changed', target: `user:${user.id}`, details: { username: user.username, changes } });
    }
    return user;
  }
}

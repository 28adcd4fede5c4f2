import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MIN_LENGTH, USER_ROLES, type CreateUserRequest, type UpdateUserRequest, type UserRole } from '@hamgam/shared';

const USERNAME = /^[A-Za-z0-9._-]{2,64}$/;
const USERNAME_MESSAGE = 'username may hold 2–64 of a–z, 0–9, dot, dash and underscore';

export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({ example: 'sara' })
  @IsString()
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ example: 'سارا احمدی' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName: string;

  // The password rule needs the username, so UsersService checks it (common/password-policy.ts) and answers its reason.
  @ApiProperty({ writeOnly: true, minLength: PASSWORD_MIN_LENGTH, description: 'Not only spaces, not containing the username, not a common password' })
  @IsString()
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES)
  role: UserRole;
}

export class UpdateUserDto implements UpdateUserRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Matches(USERNAME, { message: USERNAME_MESSAGE })
  username?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @ApiPropertyOptional({
    writeOnly: true,
    minLength: PASSWORD_MIN_LENGTH,
    description: 'Resets the password and ends the user’s sessions; the rule of `CreateUserDto.password`',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;

  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES)
  role?: UserRole;

  @ApiPropertyOptional({ description: 'false deactivates the account and ends its sessions' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
}

import { BadRequestException, ConflictException, Inject, Injectable, Logger, NotFoundException, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { Repository } from 'typeorm';
import type { CreateUserRequest, UpdateUserRequest, User } from '@hamgam/shared';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UserEntity } from './entities/user.entity';
import { hashPassword } from './password';
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from '../common/password-policy';
import { SessionsService } from './sessions.service';

export function toUser(entity: UserEntity): User {
  return {
    id: String(entity.id),
    username: entity.username,
    displayName: entity.displayName,
    role: entity.role,
    isActive: entity.isActive,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    lastLoginAt: entity.lastLoginAt,
  };
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

/** Refuses a password the policy rejects: 400 with the reason as the `password` field's code (translated by the UI). */
function assertPasswordAllowed(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new BadRequestException({ message: `password: ${PASSWORD_PROBLEM_TEXT[problem]}`, fields: { password: [problem] } });
}

/** What a user change did, field by field; the password only as "changed". */
export type UserChanges = Record<string, { before: unknown; after: unknown } | 'changed'>;

@Injectable()
export class UsersService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Users');

  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * No user yet: the first admin comes from ADMIN_USERNAME/ADMIN_PASSWORD, or, in the demo (stand-ins on),
   * a generated password printed once. Otherwise nobody exists until `npm run user:create`.
   */
  async onApplicationBootstrap(): Promise<void> {
    if ((await this.users.count()) > 0) return;
    const fromEnv = this.config.bootstrapAdmin;
    if (fromEnv) {
      try {
        await this.create({ username: fromEnv.username, displayName: fromEnv.username, password: fromEnv.password, role: 'admin' });
      } catch (error) {
        // Another replica booting at the same moment created it first.
        if ((await this.users.count()) > 0) return;
        throw error;
      }
      this.logger.log(`created the first admin "${fromEnv.username}" from ADMIN_USERNAME`);
      return;
    }
    if (!this.config.standIns) {
      this.logger.warn('no user exists: set ADMIN_USERNAME and ADMIN_PASSWORD, or run `npm run user:create -- <username> --role admin`');
      return;
    }
    const password = randomBytes(12).toString('base64url');
    await this.create({ username: 'admin', displayName: 'Demo admin', password, role: 'admin' });
    // Printed once, to the terminal only (not the logger, whose lines may be collected elsewhere).
    process.stdout.write(
      [
        '',
        '================ DEMO SIGN-IN (shown once) ================',
        '  username: admin',
        `  password: ${password}`,
        '  Demo only: set ADMIN_USERNAME/ADMIN_PASSWORD for a real deployment.',
        '===========================================================',
        '',
      ].join('\n') + '\n',
    );
  }

  async list(): Promise<User[]> {
    return (await this.users.find({ order: { id: 'ASC' } })).map(toUser);
  }

  async findById(id: number): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  async findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username: normalizeUsername(username) });
  }

  async create(request: CreateUserRequest): Promise<User> {
    const username = normalizeUsername(request.username);
    if (await this.users.existsBy({ username }))
      throw new ConflictException({ message: `the username "${username}" is taken`, fields: { username: ['taken'] } });
    assertPasswordAllowed(request.password, username);
    const now = new Date().toISOString();
    const saved = await this.users.save(
      this.users.create({
        username,
        displayName: request.displayName.trim(),
        role: request.role,
        isActive: true,
        passwordHash: await hashPassword(request.password),
        createdAt: now,
        updatedAt: now,
        lastLoginAt: null,
      }),
    );
    return toUser(saved);
  }

  /** Applies a change; ending sessions when the password, role or active flag changes. Refuses to leave no active admin. */
  async update(id: number, request: UpdateUserRequest): Promise<{ user: User; changes: UserChanges }> {
    const entity = await this.users.findOneBy({ id });
    if (!entity) throw new NotFoundException(`user ${id} does not exist`);
    const changes: UserChanges = {};
    const set = <K extends 'username' | 'displayName' | 'role' | 'isActive'>(key: K, value: UserEntity[K] | undefined) => {
      if (value === undefined || value === entity[key]) return;
      changes[key] = { before: entity[key], after: value };
      entity[key] = value;
    };
    if (request.username !== undefined) {
      const username = normalizeUsername(request.username);
      const other = await this.users.findOneBy({ username });
      if (other && other.id !== id) throw new ConflictException({ message: `the username "${username}" is taken`, fields: { username: ['taken'] } });
      set('username', username);
    }
    set('displayName', request.displayName?.trim());
    set('role', request.role);
    set('isActive', request.isActive);
    if (request.password !== undefined) {
      assertPasswordAllowed(request.password, entity.username);
      entity.passwordHash = await hashPassword(request.password);
      changes.password = 'changed';
    }
    if (Object.keys(changes).length === 0) return { user: toUser(entity), changes };
    if ((changes.role || changes.isActive) && !(await this.hasOtherActiveAdmin(id)) && (entity.role !== 'admin' || !entity.isActive)) {
      throw new ConflictException({ message: 'at least one active admin must remain' });
    }
    entity.updatedAt = new Date().toISOString();
    await this.users.save(entity);
    if (changes.password || changes.role || changes.isActive) await this.sessions.revokeAllOf(entity.id);
    return { user: toUser(entity), changes };
  }

  async markSignedIn(id: number): Promise<void> {
    await this.users.update({ id }, { lastLoginAt: new Date().toISOString() });
  }

  private async hasOtherActiveAdmin(id: number): Promise<boolean> {
    const count = await this.users.createQueryBuilder('u').where("u.role = 'admin' AND u.is_active = :active AND u.id != :id", { active: true, id }).getCount();
    return count > 0;
  }
}

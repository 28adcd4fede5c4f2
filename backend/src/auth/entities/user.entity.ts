import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { UserRole } from '@hamgam/shared';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('text')
  username: string;

  @Column('text', { name: 'display_name' })
  displayName: string;

  @Column('text')
  role: UserRole;

  @Column('boolean', { name: 'is_active' })
  isActive: boolean;

  @Column('text', { name: 'password_hash' })
  passwordHash: string;

  @Column('text', { name: 'created_at' })
  createdAt: string;

  @Column('text', { name: 'updated_at' })
  updatedAt: string;

  @Column('text', { name: 'last_login_at', nullable: true })
  lastLoginAt: string | null;
}

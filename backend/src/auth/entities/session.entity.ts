import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A signed-in browser (or CLI): the SHA-256 of the cookie's random token, never the token itself. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('increment')
  id: number;

  @Column('text', { name: 'token_hash' })
  tokenHash: string;

  @Column('integer', { name: 'user_id' })
  userId: number;

  @Column('text', { name: 'created_at' })
  createdAt: string;

  /** Written at most once a minute, so a request does not write on every read. */
  @Column('text', { name: 'last_seen_at' })
  lastSeenAt: string;

  /** The absolute end (SESSION_HOURS after sign-in); the idle end follows from `lastSeenAt`. */
  @Column('text', { name: 'expires_at' })
  expiresAt: string;
}

import { insertRows } from '../../common/database/insert-rows';
import type { SqlDb } from '../../common/database/sql-db';
import type { MoodleEnrolledUser } from './moodle.parser';
import { STAGE_CHUNK, takeFirst, tempTableName } from './moodle-table-writer';

type SeenUserRow = Omit<MoodleEnrolledUser, 'roles'> & { roles: string };

const TABLE = 'moodle_users_seen';
const COLUMNS = ['id', 'username', 'idnumber', 'firstname', 'lastname', 'fullname', 'email', 'roles'] as const;

/**
 * Everyone enrolled anywhere, once, with the union of their roles, in a TEMP table of the run's connection: matched
 * after the last course without holding the site's users in memory. A user's details are the first ones read.
 * Users are buffered (merged by id) and written by `flush` as multi-row upserts.
 */
export class SeenUsers {
  private readonly buffer = new Map<number, { user: MoodleEnrolledUser; roles: Set<string> }>();

  constructor(private readonly db: SqlDb) {}

  async create(): Promise<void> {
    const db = this.db;
    await db.run(`DROP TABLE IF EXISTS ${tempTableName(db, TABLE)}`);
    const text = db.dialect === 'postgres' ? ' TEXT' : '';
    await db.run(
      `CREATE TEMP TABLE ${TABLE} (id INTEGER PRIMARY KEY, ${COLUMNS.slice(1, -1)
        .map((c) => `${c}${text}`)
        .join(', ')}, roles${text} NOT NULL)`,
    );
  }

  get buffered(): number {
    return this.buffer.size;
  }

  add(users: readonly MoodleEnrolledUser[]): void {
    for (const user of users) {
      const known = this.buffer.get(user.id);
      if (known) for (const role of [...user.roles].sort()) known.roles.add(role);
      else this.buffer.set(user.id, { user, roles: new Set([...user.roles].sort()) });
    }
  }

  /**
   * Writes buffered users (all when `all`, else whole chunks, as `StagedTable.flush`); a user already stored keeps
   * its details and gains the roles it lacked.
   */
  async flush(db: SqlDb, all: boolean): Promise<void> {
    const count = all ? this.buffer.size : this.buffer.size - (this.buffer.size % STAGE_CHUNK);
    for (let start = 0; start < count; start += STAGE_CHUNK) await this.write(db, takeFirst(this.buffer, Math.min(STAGE_CHUNK, count - start)));
  }

  private async write(db: SqlDb, entries: { user: MoodleEnrolledUser; roles: Set<string> }[]): Promise<void> {
    const instr = db.dialect === 'postgres' ? 'strpos' : 'instr';
    const roles = `${TABLE}.roles`;
    await insertRows(
      db,
      TABLE,
      COLUMNS,
      entries.map(({ user, roles: held }) => [
        user.id,
        user.username,
        user.idnumber,
        user.firstname,
        user.lastname,
        user.fullname,
        user.email,
        [...held].join(','),
      ]),
      `ON CONFLICT (id) DO UPDATE SET roles = CASE WHEN excluded.roles = '' OR ${instr}(',' || ${roles} || ',', ',' || excluded.roles || ',') > 0
         THEN ${roles} ELSE ${roles} || ',' || excluded.roles END`,
    );
  }

  /** Up to `limit` of the users written so far, by id after `afterId`, each with every role they hold anywhere. */
  async read(afterId: number, limit: number): Promise<MoodleEnrolledUser[]> {
    const rows = await this.db.all<SeenUserRow>(`SELECT ${COLUMNS.join(', ')} FROM ${TABLE} WHERE id > ? ORDER BY id LIMIT ?`, [afterId, limit]);
    return rows.map((row) => ({ ...row, roles: row.roles === '' ? [] : [...new Set(row.roles.split(','))] }));
  }
}

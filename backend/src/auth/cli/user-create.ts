// `npm run user:create -- <username> --role admin|auditor [--name "Display name"]`: creates a user in the
// database of DATA_DIR, asking for the password (twice on a terminal, once from a pipe).
import 'reflect-metadata';
import { createInterface } from 'node:readline';
import { USER_ROLES, type UserRole } from '@hamgam/shared';
import { AuditEntryEntity } from '../../audit/entities/audit-entry.entity';
import { ConfigError, describeDatabase, loadConfig } from '../../config/config';
import { buildDataSourceOptions } from '../../database/data-source';
import { openDatabase } from '../../database/migrate';
import { makeDataPrivate } from '../../database/private-data';
import { UserEntity } from '../entities/user.entity';
import { hashPassword } from '../password';
import { PASSWORD_PROBLEM_TEXT, passwordProblem } from '../../common/password-policy';
import { normalizeUsername } from '../users.service';

type Args = { username: string; role: UserRole; displayName: string };

function parseArgs(argv: string[]): Args {
  const positional: string[] = [];
  let role: string | undefined;
  let displayName: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--role') role = argv[++i];
    else if (argv[i] === '--name') displayName = argv[++i];
    else positional.push(argv[i]);
  }
  const username = normalizeUsername(positional[0] ?? '');
  if (!/^[a-z0-9._-]{2,64}$/.test(username)) throw new ConfigError('usage: npm run user:create -- <username> --role admin|auditor [--name "Display name"]');
  if (!USER_ROLES.includes(role as UserRole)) throw new ConfigError(`--role must be one of ${USER_ROLES.join(', ')}`);
  return { username, role: role as UserRole, displayName: displayName?.trim() || username };
}

/** Reads lines from stdin; on a terminal the typed characters are not echoed. */
async function askPasswords(count: number): Promise<string[]> {
  const isTty = process.stdin.isTTY === true;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: isTty });
  if (isTty) {
    const write = (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = (text: string) =>
      write(text.startsWith('Password') || text.startsWith('Again') ? text : '');
  }
  const answers: string[] = [];
  const prompts = ['Password: ', 'Again: '].slice(0, count);
  for (const prompt of prompts) {
    answers.push(await new Promise<string>((resolve) => rl.question(prompt, resolve)));
    if (isTty) process.stdout.write('\n');
  }
  rl.close();
  return answers;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const passwords = await askPasswords(process.stdin.isTTY ? 2 : 1);
  if (passwords.length === 2 && passwords[0] !== passwords[1]) throw new ConfigError('the passwords differ');
  const password = passwords[0] ?? '';
  const problem = passwordProblem(password, args.username);
  if (problem) throw new ConfigError(`refused: ${PASSWORD_PROBLEM_TEXT[problem]}`);

  makeDataPrivate(config.dataDir, config.databaseUrl ? null : config.databasePath);
  const dataSource = await openDatabase(buildDataSourceOptions(config));
  try {
    const users = dataSource.getRepository(UserEntity);
    if (await users.existsBy({ username: args.username })) throw new ConfigError(`the username "${args.username}" is taken`);
    const now = new Date().toISOString();
    const user = await users.save(
      users.create({ ...args, isActive: true, passwordHash: await hashPassword(password), createdAt: now, updatedAt: now, lastLoginAt: null }),
    );
    await dataSource.getRepository(AuditEntryEntity).save({
      at: now,
      actor: 'cli',
      action: 'user.created',
      target: `user:${user.id}`,
      ip: null,
      details: { username: user.username, displayName: user.displayName, role: user.role },
    });
    console.log(`created ${args.role} "${args.username}" in ${describeDatabase(config)}`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

import { PASSWORD_MIN_LENGTH, type PasswordProblem } from '@hamgam/shared';
import { COMMON_PASSWORDS } from './common-passwords';

/** Why a password is refused, in words, for the command line and the boot error. */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  tooShort: `the password must be at least ${PASSWORD_MIN_LENGTH} characters`,
  blank: 'the password must not be only spaces',
  containsUsername: 'the password must not be or contain the username',
  common: 'the password is one of the most common passwords',
};

/**
 * The one password rule (user creation, password change, `user:create`, ADMIN_PASSWORD): at least 12 characters,
 * not only whitespace, not containing the username, not a common password; case-insensitive. Null when it passes.
 */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'tooShort';
  if (password.trim() === '') return 'blank';
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name !== '' && lower.includes(name)) return 'containsUsername';
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(lower.trim())) return 'common';
  return null;
}

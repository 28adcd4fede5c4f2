export const USER_ROLES = ['admin', 'auditor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export type User = {
  id: string;
  /** Lower case, unique; what a person types to sign in. */
  username: string;
  displayName: string;
  role: UserRole;
  isActive: boolean;
  /** ISO-8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
};

export type LoginRequest = { username: string; password: string };

export type CreateUserRequest = { username: string; displayName: string; password: string; role: UserRole };

/** Every field optional; `password` resets it, `isActive: false` deactivates the account. */
export type UpdateUserRequest = Partial<CreateUserRequest> & { isActive?: boolean };

/** Why the server refused a new password (the field error of `password`, translated by the UI). */
export const PASSWORD_PROBLEMS = ['tooShort', 'blank', 'containsUsername', 'common'] as const;
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];

/** The shortest password the server accepts. */
export const PASSWORD_MIN_LENGTH = 12;

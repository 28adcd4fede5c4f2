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

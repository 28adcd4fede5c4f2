import { DUMMY_HASH, hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('should verify the right password and refuse a wrong one when hashed with scrypt', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    await expect(verifyPassword('correct horse', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horsE', stored)).resolves.toBe(false);
  });

  it('should salt every hash when the same password is hashed twice', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('should refuse every password when checked against the dummy hash', async () => {
    await expect(verifyPassword('', DUMMY_HASH)).resolves.toBe(false);
  });
});

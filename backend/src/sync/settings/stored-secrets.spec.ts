import { randomBytes } from 'node:crypto';
import { SecretBox } from '../../common/crypto/secret-box';
import { isPerValueForm, openSecrets, sealSecrets, StoredSecretsError } from './stored-secrets';

describe('stored secrets', () => {
  const box = new SecretBox(randomBytes(32));

  it('should open what it sealed when the key is the same', () => {
    const sealed = sealSecrets(box, { password: 'pw-1', apiKey: 'key-2' });

    expect(openSecrets(box, sealed)).toEqual({ password: 'pw-1', apiKey: 'key-2' });
    expect(openSecrets(box, sealSecrets(box, {}))).toEqual({});
  });

  it('should keep the field names and values out of the stored text when it seals', () => {
    const sealed = sealSecrets(box, { password: 'pw-1' });

    expect(sealed).toMatch(/^v1:/);
    expect(sealed).not.toMatch(/password|pw-1/);
    expect(isPerValueForm(sealed)).toBe(false);
  });

  it('should read the per-value form when a row has not been upgraded yet', () => {
    const legacy = JSON.stringify({ password: box.encrypt('pw-1'), token: box.encrypt('tok-1') });

    expect(isPerValueForm(legacy)).toBe(true);
    expect(isPerValueForm('{}')).toBe(true);
    expect(openSecrets(box, legacy)).toEqual({ password: 'pw-1', token: 'tok-1' });
    expect(openSecrets(box, '{}')).toEqual({});
  });

  it('should throw a clear error when the ciphertext was changed', () => {
    const [prefix, iv, tag, data] = sealSecrets(box, { password: 'pw-1' }).split(':');
    const flipped = Buffer.from(data, 'base64');
    flipped[0] ^= 1;
    const tampered = [prefix, iv, tag, flipped.toString('base64')].join(':');

    expect(() => openSecrets(box, tampered)).toThrow(StoredSecretsError);
    expect(() => openSecrets(box, tampered)).toThrow(/stored secrets cannot be decrypted .*key .*differs or the value was changed/);
  });

  it('should throw a clear error when the key is another one', () => {
    const sealed = sealSecrets(box, { password: 'pw-1' });
    const legacy = JSON.stringify({ password: box.encrypt('pw-1') });
    const other = new SecretBox(randomBytes(32));

    expect(() => openSecrets(other, sealed)).toThrow(StoredSecretsError);
    expect(() => openSecrets(other, legacy)).toThrow(StoredSecretsError);
  });

  it('should refuse a sealed value that is not an object of strings when it opens one', () => {
    expect(() => openSecrets(box, box.encrypt('["pw-1"]'))).toThrow(/not an object of strings/);
    expect(() => openSecrets(box, 'v1:garbage')).toThrow(StoredSecretsError);
  });
});

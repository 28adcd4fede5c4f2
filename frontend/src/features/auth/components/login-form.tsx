import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { isApiError } from '../../../lib/api-client';
import { useLogin } from '../api/login';

export type LoginFormProps = { onSignedIn: () => void };

export function LoginForm({ onSignedIn }: LoginFormProps) {
  const { t } = useTranslation('auth');
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const usernameId = useId();
  const passwordId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ username: username.trim(), password }, { onSuccess: onSignedIn });
  };

  const error = login.error;
  const message = !error
    ? null
    : isApiError(error) && error.status === 401
      ? t('login.badCredentials')
      : isApiError(error) && error.status === 429
        ? t('login.tooMany')
        : t('login.failed');

  return (
    <form className="form login-form" onSubmit={submit} noValidate>
      <label htmlFor={usernameId} className="form__label">
        {t('login.username')}
      </label>
      <input
        id={usernameId}
        className="form__control"
        dir="ltr"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <label htmlFor={passwordId} className="form__label">
        {t('login.password')}
      </label>
      <input
        id={passwordId}
        className="form__control"
        dir="ltr"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {message && (
        <p className="form-error" role="alert">
          {message}
        </p>
      )}
      <Button type="submit" variant="primary" isBusy={login.isPending} disabled={!username.trim() || !password}>
        {t('login.submit')}
      </Button>
    </form>
  );
}

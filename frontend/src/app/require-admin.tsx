import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsAdmin } from '../lib/session';

export type RequireAdminProps = { children: ReactNode };

/** Admin pages: an auditor who follows a link sees why there is nothing here. */
export function RequireAdmin({ children }: RequireAdminProps) {
  const { t } = useTranslation('common');
  if (!useIsAdmin()) {
    return (
      <div className="page-header">
        <h1>{t('forbidden.title')}</h1>
        <p className="muted">{t('forbidden.body')}</p>
      </div>
    );
  }
  return <>{children}</>;
}

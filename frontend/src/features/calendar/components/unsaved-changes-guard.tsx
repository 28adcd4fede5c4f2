import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';

export type UnsavedChangesGuardProps = { when: boolean };

/** While `when` holds, leaving the page (a link, Back, closing the tab) asks first. */
export function UnsavedChangesGuard({ when }: UnsavedChangesGuardProps) {
  const { t } = useTranslation('calendar');
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [when]);

  if (blocker.state !== 'blocked') return null;
  return (
    <Dialog
      title={t('leave.title')}
      description={t('leave.body')}
      onClose={() => blocker.reset()}
      actions={
        <>
          <Button variant="primary" onClick={() => blocker.reset()}>
            {t('leave.stay')}
          </Button>
          <Button variant="danger" onClick={() => blocker.proceed()}>
            {t('leave.leave')}
          </Button>
        </>
      }
    />
  );
}

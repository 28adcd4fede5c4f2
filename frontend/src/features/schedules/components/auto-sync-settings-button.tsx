import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { Button } from '../../../components/ui/button';
import { AutoSyncDialog } from './auto-sync-dialog';

export type AutoSyncSettingsButtonProps = { source: Source; sourceName: string };

/** The card's "Settings" button and the dialog it opens. */
export function AutoSyncSettingsButton({ source, sourceName }: AutoSyncSettingsButtonProps) {
  const { t } = useTranslation('schedules');
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setIsOpen(true)}>{t('card.settings')}</Button>
      {isOpen && <AutoSyncDialog source={source} sourceName={sourceName} onClose={() => setIsOpen(false)} />}
    </>
  );
}

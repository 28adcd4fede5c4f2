import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { Button } from '../../components/ui/button';
import { SourceSettingsDialog } from './source-settings-dialog';

export type SourceSettingsButtonProps = { source: Source; sourceName: string };

/** The card's "Settings" button and the dialog it opens. */
export function SourceSettingsButton({ source, sourceName }: SourceSettingsButtonProps) {
  const { t } = useTranslation('common');
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setIsOpen(true)}>{t('sourceSettings.button')}</Button>
      {isOpen && <SourceSettingsDialog source={source} sourceName={sourceName} onClose={() => setIsOpen(false)} />}
    </>
  );
}

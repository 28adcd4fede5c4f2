import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Source } from '@hamgam/shared';
import { Button } from '../../components/ui/button';
import { SourceSettingsDialog } from './source-settings-dialog';

export type SourceSettingsButtonProps = { source: Source; sourceName: string };

/**
 * The card's "Settings" button and the dialog it opens. `/?settings=<source>&tab=<tab>` opens it on that tab (a
 * failed run's "check the address in Settings → Connection" links there); closing it drops those parameters.
 */
export function SourceSettingsButton({ source, sourceName }: SourceSettingsButtonProps) {
  const { t } = useTranslation('common');
  const [params, setParams] = useSearchParams();
  const isLinked = params.get('settings') === source.id;
  const [isOpen, setIsOpen] = useState(isLinked);
  const close = () => {
    setIsOpen(false);
    if (!isLinked) return;
    const next = new URLSearchParams(params);
    next.delete('settings');
    next.delete('tab');
    setParams(next, { replace: true });
  };
  return (
    <>
      <Button onClick={() => setIsOpen(true)}>{t('sourceSettings.button')}</Button>
      {isOpen && (
        <SourceSettingsDialog source={source} sourceName={sourceName} initialTab={isLinked ? (params.get('tab') ?? undefined) : undefined} onClose={close} />
      )}
    </>
  );
}

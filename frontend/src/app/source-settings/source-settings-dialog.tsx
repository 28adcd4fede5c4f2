import { useCallback, useMemo, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Tabs, type Tab } from '../../components/ui/tabs';
import { ConnectionSettings } from '../../features/connections/components/connection-settings';
import { ScheduleSettings } from '../../features/schedules/components/schedule-settings';
import { StudentsOptionsSettings } from '../../features/students/components/students-options-settings';
import { CommandSettings } from '../../features/sync/components/command-settings';
import { DeletionGuardSettings } from '../../features/sync/components/deletion-guard-settings';
import { editableOptions } from './options-form';
import { OptionsSettings } from './options-settings';

/** A tab's form: it saves itself with its own Save and reports whether it holds unsaved changes. */
type SettingsPanel = ComponentType<{ source: Source; onDirtyChange?: (isDirty: boolean) => void }>;

// A source's own tab, for options a generic field cannot edit (declared with `isCustom`): its label (under
// `sourceSettings.`) and panel.
const OPTION_TABS: Record<string, { label: string; Panel: SettingsPanel }> = {
  students: { label: 'campuses', Panel: StudentsOptionsSettings },
};

export type SourceSettingsDialogProps = { source: Source; sourceName: string; initialTab?: string; onClose: () => void };

/**
 * A source's settings, one tab per feature that has some: its schedule, its connection, what a command source
 * runs (read-only: server configuration decides it), the options it declares, and a tab of its own where it has one.
 * Every tab saves the same way: its own Save, a "saved" note, the dialog left open. Drafts are kept per tab while
 * another is looked at (every panel stays mounted); a tab with unsaved changes says so in its label, and closing the
 * dialog (Esc, Close, the backdrop) with any asks "discard unsaved changes?" first.
 */
export function SourceSettingsDialog({ source, sourceName, initialTab, onClose }: SourceSettingsDialogProps) {
  const { t, i18n } = useTranslation('common');
  const [selected, setSelected] = useState(initialTab ?? 'schedule');
  const [dirtyTabs, setDirtyTabs] = useState<ReadonlySet<string>>(new Set());
  const [isAskingToDiscard, setIsAskingToDiscard] = useState(false);
  const keepEditingRef = useRef<HTMLButtonElement>(null);
  const { connection, command } = source;
  const options = OPTION_TABS[source.id];

  const reportDirty = useCallback((tabId: string, isDirty: boolean) => {
    setDirtyTabs((current) => {
      if (current.has(tabId) === isDirty) return current;
      const next = new Set(current);
      if (isDirty) next.add(tabId);
      else next.delete(tabId);
      return next;
    });
  }, []);
  // One stable callback per tab, so a panel's report does not re-run on every render of the dialog.
  const reporters = useMemo(() => {
    const byTab = new Map<string, (isDirty: boolean) => void>();
    return (tabId: string) => {
      let reporter = byTab.get(tabId);
      if (!reporter) {
        reporter = (isDirty: boolean) => reportDirty(tabId, isDirty);
        byTab.set(tabId, reporter);
      }
      return reporter;
    };
  }, [reportDirty]);

  const tabs: (Tab & { name: string })[] = [
    { id: 'schedule', name: t('sourceSettings.schedule'), panel: <ScheduleSettings source={source} onDirtyChange={reporters('schedule')} /> },
    ...(connection
      ? [
          {
            id: 'connection',
            name: t('sourceSettings.connection'),
            panel: <ConnectionSettings source={{ ...source, connection }} onDirtyChange={reporters('connection')} />,
          },
        ]
      : []),
    ...(command ? [{ id: 'command', name: t('sourceSettings.command'), panel: <CommandSettings command={command} /> }] : []),
    ...(options
      ? [{ id: 'options', name: t(`sourceSettings.${options.label}`), panel: <options.Panel source={source} onDirtyChange={reporters('options')} /> }]
      : []),
    ...(editableOptions(source.settings).length > 0
      ? [
          {
            id: 'declared-options',
            name: t('sourceSettings.options'),
            panel: <OptionsSettings source={source} onDirtyChange={reporters('declared-options')} />,
          },
        ]
      : []),
    ...(source.deletionGuard
      ? [
          {
            id: 'deletion-guard',
            name: t('sourceSettings.deletionGuard'),
            panel: <DeletionGuardSettings source={source} onDirtyChange={reporters('deletion-guard')} />,
          },
        ]
      : []),
  ].map((tab) => ({ ...tab, label: dirtyTabs.has(tab.id) ? t('sourceSettings.unsavedTab', { tab: tab.name }) : tab.name }));

  // A tab this source does not have (a link to "connection" for a script) opens the first one.
  const selectedId = tabs.some((tab) => tab.id === selected) ? selected : 'schedule';
  const unsaved = tabs.filter((tab) => dirtyTabs.has(tab.id)).map((tab) => tab.name);
  const requestClose = () => (unsaved.length > 0 ? setIsAskingToDiscard(true) : onClose());

  return (
    <>
      <Dialog
        title={t('sourceSettings.title', { source: sourceName })}
        description={t('sourceSettings.description')}
        onClose={requestClose}
        actions={<Button onClick={requestClose}>{t('sourceSettings.close')}</Button>}
      >
        <Tabs label={t('sourceSettings.sections')} tabs={tabs} selectedId={selectedId} onSelect={setSelected} />
      </Dialog>
      {isAskingToDiscard && (
        <Dialog
          title={t('sourceSettings.discardTitle')}
          description={t('sourceSettings.discardDescription', { tabs: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(unsaved) })}
          onClose={() => setIsAskingToDiscard(false)}
          initialFocusRef={keepEditingRef}
          actions={
            <>
              <Button ref={keepEditingRef} onClick={() => setIsAskingToDiscard(false)}>
                {t('sourceSettings.keepEditing')}
              </Button>
              <Button variant="danger" onClick={onClose}>
                {t('sourceSettings.discard')}
              </Button>
            </>
          }
        />
      )}
    </>
  );
}

import { useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import type { Source } from '@hamgam/shared';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Tabs, type Tab } from '../../components/ui/tabs';
import { ConnectionSettings } from '../../features/connections/components/connection-settings';
import { ScheduleSettings } from '../../features/schedules/components/schedule-settings';
import { StudentsOptionsSettings } from '../../features/students/components/students-options-settings';
import { CommandSettings } from '../../features/sync/components/command-settings';
import { editableOptions } from './options-form';
import { OptionsSettings } from './options-settings';

type SettingsPanel = ComponentType<{ source: Source; onSaved: () => void }>;

// A source's own tab, for options a generic field cannot edit (declared with `isCustom`): its label (under
// `sourceSettings.`) and panel.
const OPTION_TABS: Record<string, { label: string; Panel: SettingsPanel }> = {
  students: { label: 'campuses', Panel: StudentsOptionsSettings },
};

export type SourceSettingsDialogProps = { source: Source; sourceName: string; initialTab?: string; onClose: () => void };

/**
 * A source's settings, one tab per feature that has some: its schedule, its connection, what a command source
 * runs (read-only: server configuration decides it), the options it declares, and a tab of its own where it has one.
 */
export function SourceSettingsDialog({ source, sourceName, initialTab, onClose }: SourceSettingsDialogProps) {
  const { t } = useTranslation('common');
  const [selected, setSelected] = useState(initialTab ?? 'schedule');
  const { connection, command } = source;
  const options = OPTION_TABS[source.id];
  const tabs: Tab[] = [
    { id: 'schedule', label: t('sourceSettings.schedule'), panel: <ScheduleSettings source={source} onSaved={onClose} /> },
    ...(connection
      ? [{ id: 'connection', label: t('sourceSettings.connection'), panel: <ConnectionSettings source={{ ...source, connection }} onSaved={onClose} /> }]
      : []),
    ...(command ? [{ id: 'command', label: t('sourceSettings.command'), panel: <CommandSettings command={command} /> }] : []),
    ...(options ? [{ id: 'options', label: t(`sourceSettings.${options.label}`), panel: <options.Panel source={source} onSaved={onClose} /> }] : []),
    ...(editableOptions(source.settings).length > 0
      ? [{ id: 'declared-options', label: t('sourceSettings.options'), panel: <OptionsSettings source={source} onSaved={onClose} /> }]
      : []),
  ];

  // A tab this source does not have (a link to "connection" for a script) opens the first one.
  const selectedId = tabs.some((tab) => tab.id === selected) ? selected : 'schedule';

  return (
    <Dialog
      title={t('sourceSettings.title', { source: sourceName })}
      description={t('sourceSettings.description')}
      onClose={onClose}
      actions={<Button onClick={onClose}>{t('sourceSettings.close')}</Button>}
    >
      <Tabs label={t('sourceSettings.sections')} tabs={tabs} selectedId={selectedId} onSelect={setSelected} />
    </Dialog>
  );
}

import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import faCommon from '../locales/fa/common.json';
import faSync from '../locales/fa/sync.json';
import enCommon from '../locales/en/common.json';
import enSync from '../locales/en/sync.json';
import faSchedules from '../locales/fa/schedules.json';
import enSchedules from '../locales/en/schedules.json';
import faConnections from '../locales/fa/connections.json';
import enConnections from '../locales/en/connections.json';
import faRecords from '../locales/fa/records.json';
import enRecords from '../locales/en/records.json';
import faAuth from '../locales/fa/auth.json';
import faAudit from '../locales/fa/audit.json';
import faUsers from '../locales/fa/users.json';
import enAuth from '../locales/en/auth.json';
import enAudit from '../locales/en/audit.json';
import enUsers from '../locales/en/users.json';
import faAlerts from '../locales/fa/alerts.json';
import enAlerts from '../locales/en/alerts.json';
import faCalendar from '../locales/fa/calendar.json';
import enCalendar from '../locales/en/calendar.json';

export const LANGUAGES = ['fa', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fa';
export const LANGUAGE_STORAGE_KEY = 'hamgam.language';

type SourceTexts = Record<string, unknown>;

// One file per source per language (locales/<lng>/sources/<id>.json: name, stages, messages, record tables,
// options), found by the bundler: a new source adds its two files and no line here.
const SOURCE_FILES = import.meta.glob<SourceTexts>('../locales/*/sources/*.json', { eager: true, import: 'default' });

/** Each language's source texts keyed by source id: the `sources` namespace (`sources:<id>.name`). */
export function sourceTextsByLanguage(files: Record<string, SourceTexts>): Record<string, Record<string, SourceTexts>> {
  const byLanguage: Record<string, Record<string, SourceTexts>> = {};
  for (const [path, texts] of Object.entries(files)) {
    const match = /\/locales\/([^/]+)\/sources\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    (byLanguage[match[1]] ??= {})[match[2]] = texts;
  }
  return byLanguage;
}

const SOURCE_TEXTS = sourceTextsByLanguage(SOURCE_FILES);

export const resources = {
  fa: {
    common: faCommon,
    sync: faSync,
    schedules: faSchedules,
    connections: faConnections,
    records: faRecords,
    sources: SOURCE_TEXTS.fa ?? {},
    auth: faAuth,
    audit: faAudit,
    users: faUsers,
    alerts: faAlerts,
    calendar: faCalendar,
  },
  en: {
    common: enCommon,
    sync: enSync,
    schedules: enSchedules,
    connections: enConnections,
    records: enRecords,
    sources: SOURCE_TEXTS.en ?? {},
    auth: enAuth,
    audit: enAudit,
    users: enUsers,
    alerts: enAlerts,
    calendar: enCalendar,
  },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the UI is shown in, narrowed to the ones the app ships. */
export function toLanguage(value: string | undefined): Language {
  const base = value?.split('-')[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

function storedLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

function applyLanguage(lng: string): void {
  const language = toLanguage(lng);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  if (typeof document !== 'undefined') {
    document.documentElement.lang = language;
    document.documentElement.dir = i18n.dir(language);
  }
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES,
  ns: ['common', 'sync', 'schedules', 'connections', 'records', 'sources', 'auth', 'audit', 'users', 'alerts', 'calendar'],
  defaultNS: 'common',
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

/**
 * A command source is named in COMMAND_SOURCES_FILE, not in a locale file: its configured name becomes its name in
 * every language that has none, so every screen that names a source by id (`sources:<id>.name`) shows it.
 */
export function addConfiguredSourceNames(sources: readonly { id: string; name: string | null }[]): void {
  for (const { id, name } of sources) {
    if (!name) continue;
    for (const language of LANGUAGES) {
      if (i18n.getResource(language, 'sources', `${id}.name`) === undefined) i18n.addResource(language, 'sources', `${id}.name`, name);
    }
  }
}

export { i18n };
